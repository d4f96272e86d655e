import Foundation
import Logging
import PostgresNIO
import SafeguardCore
import SafeguardStore

/// The officers' links between intake reports and premises, drivers and vehicles on PostgreSQL:
/// the behaviour of `SQLiteStore+ReportLinks.swift` and `+ReportTaxiLinks.swift`. A link is the
/// report's `entity_link` row (method "officer", confidence 1 when an officer set it) and the
/// report's evidence follows it, so the hotel profile counts the report where it is linked.
extension PostgresStore {
    static let premisesColumns = """
        e.id, e.kind, e.name, e.address, e.postcode,
        EXISTS (SELECT 1 FROM fhrs_establishment f WHERE f.entity_id = e.id AND f.hotel_basis IS NOT NULL)
        """
    static let driverColumns = "d.entity_id, d.licence_number, d.badge_number, d.issuing_authority, d.licence_type, d.status"
    /// The licence number as a match key, as SQLite's `licenceKey`.
    static let licenceKey =
        "replace(replace(replace(replace(replace(upper(d.licence_number), ' ', ''), '-', ''), '/', ''), '.', ''), '_', '')"

    // MARK: - Premises

    public func searchPremises(_ query: String, limit: Int) throws -> [LinkablePremises] {
        let nameKey = MatchKeys.name(query)
        let postcodeKey = MatchKeys.postcode(query)
        guard !nameKey.isEmpty || postcodeKey != nil else { return [] }
        return try self.read { db, logger in
            try await Self.fetch(
                """
                SELECT \(unescaped: Self.premisesColumns) FROM entity e
                WHERE e.kind IN ('hotel', 'premises')
                  AND ((\(nameKey)::text <> '' AND e.name_key LIKE '%' || \(nameKey)::text || '%')
                       OR (\(postcodeKey)::text IS NOT NULL AND e.postcode_key = \(postcodeKey)::text))
                ORDER BY 6 DESC, e.name COLLATE "C", e.id LIMIT \(Int64(limit))
                """, on: db, logger: logger
            ).map(Self.linkablePremises)
        }
    }

    public func premises(id: Int64) throws -> LinkablePremises? {
        try self.read { db, logger in
            try await Self.fetch(
                "SELECT \(unescaped: Self.premisesColumns) FROM entity e WHERE e.id = \(id) AND e.kind IN ('hotel', 'premises')",
                on: db, logger: logger
            ).first.map(Self.linkablePremises)
        }
    }

    public func linkedPremises(reference: String) throws -> [(premises: LinkablePremises, method: String)] {
        let rows = try self.read { db, logger in
            try await Self.fetch(
                """
                SELECT \(unescaped: Self.premisesColumns), l.method
                FROM entity_link l JOIN entity e ON e.id = l.entity_id
                WHERE l.source = 'report' AND l.source_key = \(reference) AND l.role = 'premises'
                """, on: db, logger: logger
            ).map { LinkedPremisesRow(premises: try Self.linkablePremises($0), method: try $0[6].decode(String.self)) }
        }
        return rows.map { ($0.premises, $0.method) }
    }

    public func linkedReports(premises id: Int64) throws -> [String] {
        try self.linkedReports(entity: id, role: "premises")
    }

    public func linkReport(reference: String, toPremises id: Int64, by actor: String, at time: String) throws {
        try self.write { db, logger in
            _ = try await Self.intakeID(reference, on: db, logger: logger)
            guard
                !(try await Self.fetch(
                    "SELECT id FROM entity WHERE id = \(id) AND kind IN ('hotel', 'premises')", on: db, logger: logger)
                ).isEmpty
            else {
                throw StoreError(
                    code: "store.premises.missing", message: "There is no premises E\(id). Search again and choose one from the list.")
            }
            let old = try await Self.reportLink(reference, role: "premises", on: db, logger: logger)
            try await Self.putReportLink(reference, role: "premises", entity: id, on: db, logger: logger)
            try await Self.moveReportEvidence(reference: reference, from: old, to: id, on: db, logger: logger)
            try await Self.officerAudit(
                at: time, actor: actor, action: "linked", subject: reference,
                detail: "premises E\(id)" + (old.map { $0 == id ? "" : " (was E\($0))" } ?? ""), on: db, logger: logger)
        }
    }

    public func unlinkReport(reference: String, by actor: String, at time: String) throws {
        try self.write { db, logger in
            _ = try await Self.intakeID(reference, on: db, logger: logger)
            guard let old = try await Self.reportLink(reference, role: "premises", on: db, logger: logger) else { return }
            try await Self.fetch(
                "DELETE FROM entity_link WHERE source = 'report' AND source_key = \(reference) AND role = 'premises'",
                on: db, logger: logger)
            try await Self.moveReportEvidence(reference: reference, from: old, to: nil, on: db, logger: logger)
            try await Self.officerAudit(
                at: time, actor: actor, action: "unlinked", subject: reference, detail: "premises E\(old)", on: db,
                logger: logger)
        }
    }

    /// The hotel snapshot of the premises `id` (its lowest FHRS id, as SQLite picks), or nil.
    public func hotel(entityID id: Int64) throws -> HotelSnapshot? {
        try self.hotels().first { $0.entityID == "E\(id)" }
    }

    // MARK: - Drivers and vehicles

    public func searchDrivers(_ query: String, limit: Int) throws -> [LinkableDriver] {
        guard let key = MatchKeys.plate(query) else { return [] }
        return try self.read { db, logger in
            try await Self.fetch(
                """
                SELECT \(unescaped: Self.driverColumns) FROM taxi_driver d
                WHERE d.badge_key LIKE \(key) || '%' OR \(unescaped: Self.licenceKey) LIKE \(key) || '%'
                ORDER BY (d.badge_key = \(key) OR \(unescaped: Self.licenceKey) = \(key)) DESC,
                    d.licence_number COLLATE "C", d.id
                LIMIT \(Int64(limit))
                """, on: db, logger: logger
            ).map(Self.linkableDriver)
        }
    }

    public func driver(id: Int64) throws -> LinkableDriver? {
        try self.read { db, logger in try await Self.driver(id: id, on: db, logger: logger) }
    }

    public func linkedTaxi(reference: String) throws
        -> (driver: (driver: LinkableDriver, method: String)?, vehicle: (vehicle: LinkableVehicle, method: String)?)
    {
        let found = try self.read { db, logger in
            var taxi = LinkedTaxiRows()
            for row in try await Self.fetch(
                """
                SELECT role, entity_id, method FROM entity_link
                WHERE source = 'report' AND source_key = \(reference) AND role IN ('driver', 'vehicle')
                """, on: db, logger: logger)
            {
                let role = try row[0].decode(String.self)
                let entity = try row[1].decode(Int64.self)
                let method = try row[2].decode(String.self)
                if role == "driver", let driver = try await Self.driver(id: entity, on: db, logger: logger) {
                    taxi.driver = driver
                    taxi.driverMethod = method
                }
                if role == "vehicle", let vehicle = try await Self.vehicle(id: entity, on: db, logger: logger) {
                    taxi.vehicle = vehicle
                    taxi.vehicleMethod = method
                }
            }
            return taxi
        }
        return (
            found.driver.map { ($0, found.driverMethod) }, found.vehicle.map { ($0, found.vehicleMethod) }
        )
    }

    public func linkReport(reference: String, toDriver id: Int64, by actor: String, at time: String) throws {
        try self.write { db, logger in
            _ = try await Self.intakeID(reference, on: db, logger: logger)
            guard let driver = try await Self.driver(id: id, on: db, logger: logger) else {
                throw StoreError(
                    code: "store.driver.missing", message: "There is no driver E\(id). Search again and choose one from the list.")
            }
            let old = try await Self.reportLink(reference, role: "driver", on: db, logger: logger)
            try await Self.putReportLink(reference, role: "driver", entity: id, on: db, logger: logger)
            try await Self.resyncReportEvidence(reference: reference, on: db, logger: logger)
            try await Self.officerAudit(
                at: time, actor: actor, action: "linked", subject: reference,
                detail: "driver E\(id) (licence \(driver.licenceNumber))" + (old.map { $0 == id ? "" : " (was E\($0))" } ?? ""),
                on: db, logger: logger)
        }
    }

    @discardableResult
    public func linkReport(reference: String, toVehicleRegistration registration: String, by actor: String, at time: String)
        throws -> LinkableVehicle
    {
        let key = try LinkableVehicle.registrationKey(registration)
        return try self.write { db, logger in
            _ = try await Self.intakeID(reference, on: db, logger: logger)
            let (id, _) = try await Self.vehicleEntity(key, on: db, logger: logger)
            let old = try await Self.reportLink(reference, role: "vehicle", on: db, logger: logger)
            try await Self.putReportLink(reference, role: "vehicle", entity: id, on: db, logger: logger)
            try await Self.resyncReportEvidence(reference: reference, on: db, logger: logger)
            try await Self.officerAudit(
                at: time, actor: actor, action: "linked", subject: reference,
                detail: "vehicle E\(id) (\(key))" + (old.map { $0 == id ? "" : " (was E\($0))" } ?? ""), on: db,
                logger: logger)
            guard let vehicle = try await Self.vehicle(id: id, on: db, logger: logger) else {
                throw StoreError(code: "store.vehicle.missing", message: "The vehicle E\(id) disappeared while linking; try again.")
            }
            return vehicle
        }
    }

    public func unlinkReport(reference: String, role: String, by actor: String, at time: String) throws {
        guard role == "driver" || role == "vehicle" else {
            throw StoreError(code: "store.link.role", message: "A report links to a driver or a vehicle, not a \(role).")
        }
        try self.write { db, logger in
            _ = try await Self.intakeID(reference, on: db, logger: logger)
            guard let old = try await Self.reportLink(reference, role: role, on: db, logger: logger) else { return }
            try await Self.fetch(
                "DELETE FROM entity_link WHERE source = 'report' AND source_key = \(reference) AND role = \(role)",
                on: db, logger: logger)
            try await Self.resyncReportEvidence(reference: reference, on: db, logger: logger)
            try await Self.officerAudit(
                at: time, actor: actor, action: "unlinked", subject: reference, detail: "\(role) E\(old)", on: db,
                logger: logger)
        }
    }

    public func linkedReports(entity id: Int64, role: String) throws -> [String] {
        try self.read { db, logger in
            try await Self.fetch(
                """
                SELECT l.source_key FROM entity_link l JOIN intake_report i ON i.reference = l.source_key
                WHERE l.source = 'report' AND l.role = \(role) AND l.entity_id = \(id)
                ORDER BY i.id DESC
                """, on: db, logger: logger
            ).map { try $0[0].decode(String.self) }
        }
    }

    public func reportLinkRoles() throws -> [String: Set<String>] {
        try self.read { db, logger in
            var roles: [String: Set<String>] = [:]
            for row in try await Self.fetch(
                """
                SELECT l.source_key, l.role FROM entity_link l JOIN intake_report i ON i.reference = l.source_key
                WHERE l.source = 'report'
                """, on: db, logger: logger)
            {
                roles[try row[0].decode(String.self), default: []].insert(try row[1].decode(String.self))
            }
            return roles
        }
    }

    public func driverEntity(licence: String, authority: String) throws -> Int64? {
        try self.read { db, logger in
            try await Self.fetch(
                "SELECT entity_id FROM taxi_driver WHERE issuing_authority = \(authority) AND licence_number = \(licence)",
                on: db, logger: logger
            ).first?[0].decode(Int64.self)
        }
    }

    // MARK: - Helpers

    static func linkablePremises(_ row: PostgresRandomAccessRow) throws -> LinkablePremises {
        LinkablePremises(
            id: try row[0].decode(Int64.self), kind: try row[1].decode(String.self), name: try row[2].decode(String.self),
            address: try row[3].decode(String?.self), postcode: try row[4].decode(String?.self),
            isHotel: try row[5].decode(Bool.self))
    }

    static func linkableDriver(_ row: PostgresRandomAccessRow) throws -> LinkableDriver {
        LinkableDriver(
            id: try row[0].decode(Int64.self), licenceNumber: try row[1].decode(String.self),
            badgeNumber: try row[2].decode(String?.self), issuingAuthority: try row[3].decode(String.self),
            licenceType: try row[4].decode(String.self), status: try row[5].decode(String.self))
    }

    static func driver(id: Int64, on db: PostgresConnection, logger: Logger) async throws -> LinkableDriver? {
        try await Self.fetch(
            "SELECT \(unescaped: Self.driverColumns) FROM taxi_driver d WHERE d.entity_id = \(id) ORDER BY d.id LIMIT 1",
            on: db, logger: logger
        ).first.map(Self.linkableDriver)
    }

    static func vehicle(id: Int64, on db: PostgresConnection, logger: Logger) async throws -> LinkableVehicle? {
        guard
            let registration = try await Self.fetch(
                "SELECT name_key FROM entity WHERE id = \(id) AND kind = 'vehicle'", on: db, logger: logger
            ).first?[0].decode(String.self)
        else { return nil }
        let licence = try await Self.fetch(
            "SELECT licence_number, issuing_authority, status FROM taxi_vehicle WHERE entity_id = \(id) ORDER BY id LIMIT 1",
            on: db, logger: logger
        ).first.map {
            "plate \(try $0[0].decode(String.self)) (\(try $0[1].decode(String.self))), \(try $0[2].decode(String.self))"
        }
        return LinkableVehicle(id: id, registration: registration, licence: licence)
    }

    static func reportLink(_ reference: String, role: String, on db: PostgresConnection, logger: Logger) async throws
        -> Int64?
    {
        try await Self.fetch(
            "SELECT entity_id FROM entity_link WHERE source = 'report' AND source_key = \(reference) AND role = \(role)",
            on: db, logger: logger
        ).first?[0].decode(Int64.self)
    }

    /// Sets the report's `role` link to `entity`, as an officer's (SQLite's INSERT OR REPLACE).
    static func putReportLink(
        _ reference: String, role: String, entity: Int64, on db: PostgresConnection, logger: Logger
    ) async throws {
        try await Self.fetch(
            """
            INSERT INTO entity_link (source, source_key, role, entity_id, method, confidence)
            VALUES ('report', \(reference), \(role), \(entity), 'officer', 1.0)
            ON CONFLICT (authority, source, source_key, role) DO UPDATE
                SET entity_id = excluded.entity_id, method = excluded.method, confidence = excluded.confidence
            """, on: db, logger: logger)
    }

    /// One copy of a report's evidence, without its entity.
    struct EvidenceCopy: Sendable {
        var source: String
        var sourceID: String
        var sign: String
        var date: String?
        var snippet: String
        var origin: String?
    }

    static func evidenceCopy(
        _ key: String, entity: Int64?, on db: PostgresConnection, logger: Logger
    ) async throws -> [EvidenceCopy] {
        try await Self.fetch(
            """
            SELECT source, source_id, sign, date, snippet, origin FROM evidence
            WHERE record_key = \(key) AND entity_id IS NOT DISTINCT FROM \(entity)::bigint ORDER BY id
            """, on: db, logger: logger
        ).map {
            EvidenceCopy(
                source: try $0[0].decode(String.self), sourceID: try $0[1].decode(String.self),
                sign: try $0[2].decode(String.self), date: try $0[3].decode(String?.self),
                snippet: try $0[4].decode(String.self), origin: try $0[5].decode(String?.self))
        }
    }

    static func insertEvidence(
        _ copy: [EvidenceCopy], key: String, entity: Int64?, on db: PostgresConnection, logger: Logger
    ) async throws {
        for item in copy {
            try await Self.fetch(
                """
                INSERT INTO evidence (entity_id, record_key, source, source_id, sign, date, snippet, origin)
                VALUES (\(entity), \(key), \(item.source), \(item.sourceID), \(item.sign), \(item.date), \(item.snippet),
                    \(item.origin))
                """, on: db, logger: logger)
        }
    }

    /// Moves a report's evidence from premises `old` (or unattached) to `new` (or unattached),
    /// leaving the copies on its vehicle or driver alone (SQLite's `moveReportEvidence`).
    static func moveReportEvidence(
        reference: String, from old: Int64?, to new: Int64?, on db: PostgresConnection, logger: Logger
    ) async throws {
        let key = "report:\(reference)"
        let others =
            try await Self.fetch(
                """
                SELECT count(*) FROM entity_link WHERE source = 'report' AND source_key = \(reference) AND role <> 'premises'
                """, on: db, logger: logger
            ).first?[0].decode(Int64.self) ?? 0
        var template = try await Self.evidenceCopy(key, entity: old, on: db, logger: logger)
        if template.isEmpty,
            let first = try await Self.fetch(
                "SELECT entity_id FROM evidence WHERE record_key = \(key) AND entity_id IS NOT NULL ORDER BY id LIMIT 1",
                on: db, logger: logger
            ).first?[0].decode(Int64.self)
        {
            template = try await Self.evidenceCopy(key, entity: first, on: db, logger: logger)
        }
        try await Self.fetch(
            "DELETE FROM evidence WHERE record_key = \(key) AND entity_id IS NOT DISTINCT FROM \(old)::bigint", on: db,
            logger: logger)
        if new == nil, others > 0 { return }
        try await Self.insertEvidence(template, key: key, entity: new, on: db, logger: logger)
    }

    /// Keeps one copy of the report's evidence per entity it is linked to (one unattached copy
    /// when it is linked to none), after a link changed (SQLite's `resyncReportEvidence`).
    static func resyncReportEvidence(reference: String, on db: PostgresConnection, logger: Logger) async throws {
        let key = "report:\(reference)"
        guard
            let holder = try await Self.fetch(
                """
                SELECT entity_id FROM evidence WHERE record_key = \(key)
                ORDER BY entity_id IS NOT NULL, entity_id LIMIT 1
                """, on: db, logger: logger
            ).first
        else { return }
        let copy = try await Self.evidenceCopy(key, entity: try holder[0].decode(Int64?.self), on: db, logger: logger)
        let linked = try await Self.fetch(
            """
            SELECT DISTINCT entity_id FROM entity_link WHERE source = 'report' AND source_key = \(reference)
            ORDER BY entity_id
            """, on: db, logger: logger
        ).map { try $0[0].decode(Int64.self) }
        try await Self.fetch("DELETE FROM evidence WHERE record_key = \(key)", on: db, logger: logger)
        let targets: [Int64?] = linked.isEmpty ? [nil] : linked.map { $0 }
        for target in targets {
            try await Self.insertEvidence(copy, key: key, entity: target, on: db, logger: logger)
        }
    }
}

/// A linked premises as read in the transaction (tuples are not Sendable across the bridge).
struct LinkedPremisesRow: Sendable {
    var premises: LinkablePremises
    var method: String
}

/// The driver and vehicle a report is linked to, as read in the transaction.
struct LinkedTaxiRows: Sendable {
    var driver: LinkableDriver?
    var driverMethod = ""
    var vehicle: LinkableVehicle?
    var vehicleMethod = ""
}
