import GRDB
import SafeguardCore

/// A licensed driver (one driver entity) as the officers' pages list it: the licence, never the
/// holder's name.
public struct LinkableDriver: Sendable, Hashable {
    /// The entity id (the number in "E123").
    public var id: Int64
    public var licenceNumber: String
    public var badgeNumber: String?
    public var issuingAuthority: String
    /// "hackney", "private-hire" or "dual".
    public var licenceType: String
    /// The licence status in the register ("active", "revoked", ...).
    public var status: String

    public init(
        id: Int64, licenceNumber: String, badgeNumber: String?, issuingAuthority: String, licenceType: String, status: String
    ) {
        self.id = id
        self.licenceNumber = licenceNumber
        self.badgeNumber = badgeNumber
        self.issuingAuthority = issuingAuthority
        self.licenceType = licenceType
        self.status = status
    }
}

/// A vehicle entity (one registration) as the officers' pages list it.
public struct LinkableVehicle: Sendable, Hashable {
    /// The entity id (the number in "E123").
    public var id: Int64
    /// The registration, normalised (capitals and digits only).
    public var registration: String
    /// The vehicle licence in the register, when the registration is licensed ("plate 123 (Kelverton), active").
    public var licence: String?

    public init(id: Int64, registration: String, licence: String?) {
        self.id = id
        self.registration = registration
        self.licence = licence
    }

    /// The match key of a registration an officer typed, on every backend.
    ///
    /// - Throws: `StoreError` when it has no letter or digit, or more than 10 of them.
    package static func registrationKey(_ registration: String) throws -> String {
        guard let key = MatchKeys.plate(registration), key.count <= 10 else {
            throw StoreError(
                code: "store.vehicle.registration",
                message: "Type the vehicle's registration, for example AB12 CDE (letters and digits, up to 10).")
        }
        return key
    }
}

/// The officers' links between intake reports and the drivers and vehicles of the taxi register
/// (issue 13). Like the premises link, each is the report's `entity_link` row (source "report",
/// role "driver" or "vehicle", the rows the intake's resolver writes from a badge or a
/// registration), at most one of each role; an officer's link has method "officer" and
/// confidence 1. The report's evidence is kept as one copy per linked entity.
extension SQLiteStore {
    /// Drivers whose badge or licence number is `query` (spaces and punctuation ignored), or
    /// starts with it, at most `limit`, exact matches first.
    public func searchDrivers(_ query: String, limit: Int = 20) throws -> [LinkableDriver] {
        guard let key = MatchKeys.plate(query) else { return [] }
        return try self.writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT \(Self.driverColumns) FROM taxi_driver d
                    WHERE d.badge_key LIKE ?1 || '%' OR \(Self.licenceKey) LIKE ?1 || '%'
                    ORDER BY (d.badge_key = ?1 OR \(Self.licenceKey) = ?1) DESC, d.licence_number, d.id LIMIT ?2
                    """, arguments: [key, limit]
            ).map(Self.linkableDriver)
        }
    }

    /// The driver entity `id` (its first licence in the register), or nil.
    public func driver(id: Int64) throws -> LinkableDriver? {
        try self.writer.read { db in try Self.driver(id: id, in: db) }
    }

    /// The driver and the vehicle the report `reference` is linked to, with how ("officer",
    /// "badge" or "registration").
    public func linkedTaxi(reference: String) throws
        -> (driver: (driver: LinkableDriver, method: String)?, vehicle: (vehicle: LinkableVehicle, method: String)?)
    {
        try self.writer.read { db in
            var driver: (LinkableDriver, String)?
            var vehicle: (LinkableVehicle, String)?
            for row in try Row.fetchAll(
                db,
                sql: "SELECT role, entity_id, method FROM entity_link WHERE source = 'report' AND source_key = ? AND role IN ('driver', 'vehicle')",
                arguments: [reference])
            {
                let role: String = row[0]
                if role == "driver", let found = try Self.driver(id: row[1], in: db) { driver = (found, row[2]) }
                if role == "vehicle", let found = try Self.vehicle(id: row[1], in: db) { vehicle = (found, row[2]) }
            }
            return (driver, vehicle)
        }
    }

    /// Links the intake report `reference` to the driver entity `id` (replacing any driver link),
    /// keeps the report's evidence on it, and writes the officers' audit line.
    ///
    /// - Throws: `StoreError` when the report or the driver does not exist.
    public func linkReport(reference: String, toDriver id: Int64, by actor: String, at time: String) throws {
        try self.writer.write { db in
            _ = try Self.intakeID(reference, in: db)
            guard let driver = try Self.driver(id: id, in: db) else {
                throw StoreError(code: "store.driver.missing", message: "There is no driver E\(id). Search again and choose one from the list.")
            }
            let old = try Self.reportLink(reference, role: "driver", in: db)
            try Self.setReportLink(reference, role: "driver", entity: id, in: db)
            try Self.officerAudit(
                at: time, actor: actor, action: "linked", subject: reference,
                detail: "driver E\(id) (licence \(driver.licenceNumber))" + (old.map { $0 == id ? "" : " (was E\($0))" } ?? ""), in: db)
        }
    }

    /// Links the intake report `reference` to the vehicle with registration `registration`
    /// (replacing any vehicle link). A registration no record has named yet becomes a new vehicle
    /// entity, as the intake's resolver does with a registration a reporter gives.
    ///
    /// - Returns: the vehicle linked.
    /// - Throws: `StoreError` when the report does not exist or the registration has no letter or digit.
    @discardableResult
    public func linkReport(reference: String, toVehicleRegistration registration: String, by actor: String, at time: String)
        throws -> LinkableVehicle
    {
        let key = try LinkableVehicle.registrationKey(registration)
        return try self.writer.write { db in
            _ = try Self.intakeID(reference, in: db)
            let (id, _) = try Self.vehicleEntity(key, in: db)
            let old = try Self.reportLink(reference, role: "vehicle", in: db)
            try Self.setReportLink(reference, role: "vehicle", entity: id, in: db)
            try Self.officerAudit(
                at: time, actor: actor, action: "linked", subject: reference,
                detail: "vehicle E\(id) (\(key))" + (old.map { $0 == id ? "" : " (was E\($0))" } ?? ""), in: db)
            guard let vehicle = try Self.vehicle(id: id, in: db) else {
                throw StoreError(code: "store.vehicle.missing", message: "The vehicle E\(id) disappeared while linking; try again.")
            }
            return vehicle
        }
    }

    /// Removes the `role` ("driver" or "vehicle") link of the intake report `reference`, and
    /// writes the officers' audit line. Nothing happens when there is no such link.
    public func unlinkReport(reference: String, role: String, by actor: String, at time: String) throws {
        guard role == "driver" || role == "vehicle" else {
            throw StoreError(code: "store.link.role", message: "A report links to a driver or a vehicle, not a \(role).")
        }
        try self.writer.write { db in
            _ = try Self.intakeID(reference, in: db)
            guard let old = try Self.reportLink(reference, role: role, in: db) else { return }
            try db.execute(
                sql: "DELETE FROM entity_link WHERE source = 'report' AND source_key = ? AND role = ?", arguments: [reference, role])
            try Self.resyncReportEvidence(reference: reference, in: db)
            try Self.officerAudit(at: time, actor: actor, action: "unlinked", subject: reference, detail: "\(role) E\(old)", in: db)
        }
    }

    /// The intake report references linked to the entity `id` (a driver or a vehicle), newest first.
    public func linkedReports(entity id: Int64, role: String) throws -> [String] {
        try self.writer.read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT l.source_key FROM entity_link l JOIN intake_report i ON i.reference = l.source_key
                    WHERE l.source = 'report' AND l.role = ? AND l.entity_id = ?
                    ORDER BY i.id DESC
                    """, arguments: [role, id])
        }
    }

    /// What each intake report is linked to, by reference: its link roles ("premises", "driver", "vehicle").
    public func reportLinkRoles() throws -> [String: Set<String>] {
        try self.writer.read { db in
            var roles: [String: Set<String>] = [:]
            for row in try Row.fetchAll(
                db,
                sql: "SELECT l.source_key, l.role FROM entity_link l JOIN intake_report i ON i.reference = l.source_key WHERE l.source = 'report'")
            {
                roles[row[0], default: []].insert(row[1])
            }
            return roles
        }
    }

    /// The driver entity of the licence `licence` issued by `authority`, or nil.
    public func driverEntity(licence: String, authority: String) throws -> Int64? {
        try self.writer.read { db in
            try Int64.fetchOne(
                db, sql: "SELECT entity_id FROM taxi_driver WHERE issuing_authority = ? AND licence_number = ?",
                arguments: [authority, licence])
        }
    }

    // MARK: - Helpers

    static let driverColumns = "d.entity_id, d.licence_number, d.badge_number, d.issuing_authority, d.licence_type, d.status"
    /// The licence number as a match key (capitals and digits; the usual punctuation removed).
    static let licenceKey =
        "replace(replace(replace(replace(replace(upper(d.licence_number), ' ', ''), '-', ''), '/', ''), '.', ''), '_', '')"

    static func linkableDriver(_ row: Row) -> LinkableDriver {
        LinkableDriver(
            id: row[0], licenceNumber: row[1], badgeNumber: row[2], issuingAuthority: row[3], licenceType: row[4], status: row[5])
    }

    static func driver(id: Int64, in db: Database) throws -> LinkableDriver? {
        try Row.fetchOne(
            db, sql: "SELECT \(Self.driverColumns) FROM taxi_driver d WHERE d.entity_id = ? ORDER BY d.id LIMIT 1", arguments: [id]
        ).map(Self.linkableDriver)
    }

    static func vehicle(id: Int64, in db: Database) throws -> LinkableVehicle? {
        guard let registration = try String.fetchOne(db, sql: "SELECT name_key FROM entity WHERE id = ? AND kind = 'vehicle'", arguments: [id])
        else { return nil }
        let licence = try Row.fetchOne(
            db, sql: "SELECT licence_number, issuing_authority, status FROM taxi_vehicle WHERE entity_id = ? ORDER BY id LIMIT 1",
            arguments: [id]
        ).map { "plate \($0[0] as String) (\($0[1] as String)), \($0[2] as String)" }
        return LinkableVehicle(id: id, registration: registration, licence: licence)
    }

    static func reportLink(_ reference: String, role: String, in db: Database) throws -> Int64? {
        try Int64.fetchOne(
            db, sql: "SELECT entity_id FROM entity_link WHERE source = 'report' AND source_key = ? AND role = ?",
            arguments: [reference, role])
    }

    static func setReportLink(_ reference: String, role: String, entity: Int64, in db: Database) throws {
        try db.execute(
            sql: "INSERT OR REPLACE INTO entity_link (source, source_key, role, entity_id, method, confidence) "
                + "VALUES ('report', ?, ?, ?, 'officer', 1.0)", arguments: [reference, role, entity])
        try Self.resyncReportEvidence(reference: reference, in: db)
    }

    /// Keeps one copy of the report's evidence per entity it is linked to (one unattached copy
    /// when it is linked to none), after a link changed.
    static func resyncReportEvidence(reference: String, in db: Database) throws {
        let key = "report:\(reference)"
        guard
            let holder = try Row.fetchOne(
                db, sql: "SELECT entity_id FROM evidence WHERE record_key = ? ORDER BY entity_id IS NOT NULL, entity_id LIMIT 1",
                arguments: [key])
        else { return }
        let copy = try Row.fetchAll(
            db, sql: "SELECT source, source_id, sign, date, snippet, origin FROM evidence WHERE record_key = ? AND entity_id IS ?",
            arguments: [key, holder[0] as Int64?])
        let linked = try Int64.fetchAll(
            db, sql: "SELECT DISTINCT entity_id FROM entity_link WHERE source = 'report' AND source_key = ? ORDER BY entity_id",
            arguments: [reference])
        try db.execute(sql: "DELETE FROM evidence WHERE record_key = ?", arguments: [key])
        let targets: [Int64?] = linked.isEmpty ? [nil] : linked.map { $0 }
        for target in targets {
            for row in copy {
                try db.execute(
                    sql: "INSERT INTO evidence (entity_id, record_key, source, source_id, sign, date, snippet, origin) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    arguments: [target, key, row[0], row[1], row[2], row[3], row[4], row[5]])
            }
        }
    }
}
