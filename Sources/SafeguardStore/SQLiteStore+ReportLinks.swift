import GRDB
import SafeguardCore

/// A premises (or hotel) entity as the officers' pages list it.
public struct LinkablePremises: Sendable, Hashable {
    /// The entity id (the number in "E123").
    public var id: Int64
    /// "hotel" or "premises".
    public var kind: String
    public var name: String
    public var address: String?
    public var postcode: String?
    /// Whether the entity is a hotel with a food-hygiene record (it has a hotel profile).
    public var isHotel: Bool

    public init(id: Int64, kind: String, name: String, address: String?, postcode: String?, isHotel: Bool) {
        self.id = id
        self.kind = kind
        self.name = name
        self.address = address
        self.postcode = postcode
        self.isHotel = isHotel
    }
}

/// The officers' links between intake reports and premises (issue 13). A report's premises link
/// is its `entity_link` row (source "report", role "premises"): the same row the intake's
/// resolver writes, so the hotel profile counts the report once linked. An officer's link has
/// method "officer" and confidence 1; the report's evidence moves with it.
extension SQLiteStore {
    /// Premises whose name or postcode matches `query` (name words in order, or the postcode
    /// with or without its space), hotels first, at most `limit`.
    public func searchPremises(_ query: String, limit: Int = 20) throws -> [LinkablePremises] {
        let nameKey = MatchKeys.name(query)
        let postcodeKey = MatchKeys.postcode(query)
        guard !nameKey.isEmpty || postcodeKey != nil else { return [] }
        return try self.writer.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT e.id, e.kind, e.name, e.address, e.postcode,
                           EXISTS (SELECT 1 FROM fhrs_establishment f WHERE f.entity_id = e.id AND f.hotel_basis IS NOT NULL)
                    FROM entity e
                    WHERE e.kind IN ('hotel', 'premises')
                      AND ((?1 <> '' AND e.name_key LIKE '%' || ?1 || '%') OR (?2 IS NOT NULL AND e.postcode_key = ?2))
                    ORDER BY 6 DESC, e.name, e.id LIMIT ?3
                    """, arguments: [nameKey, postcodeKey, limit])
            return rows.map(Self.linkablePremises)
        }
    }

    /// One premises entity, or nil.
    public func premises(id: Int64) throws -> LinkablePremises? {
        try self.writer.read { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT e.id, e.kind, e.name, e.address, e.postcode,
                           EXISTS (SELECT 1 FROM fhrs_establishment f WHERE f.entity_id = e.id AND f.hotel_basis IS NOT NULL)
                    FROM entity e WHERE e.id = ? AND e.kind IN ('hotel', 'premises')
                    """, arguments: [id]
            ).map(Self.linkablePremises)
        }
    }

    /// The premises the report `reference` is linked to (by the resolver or an officer).
    public func linkedPremises(reference: String) throws -> [(premises: LinkablePremises, method: String)] {
        try self.writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT e.id, e.kind, e.name, e.address, e.postcode,
                           EXISTS (SELECT 1 FROM fhrs_establishment f WHERE f.entity_id = e.id AND f.hotel_basis IS NOT NULL),
                           l.method
                    FROM entity_link l JOIN entity e ON e.id = l.entity_id
                    WHERE l.source = 'report' AND l.source_key = ? AND l.role = 'premises'
                    """, arguments: [reference]
            ).map { (Self.linkablePremises($0), $0[6] as String) }
        }
    }

    /// The intake report references linked to the premises `id`, newest first.
    public func linkedReports(premises id: Int64) throws -> [String] {
        try self.writer.read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT l.source_key FROM entity_link l JOIN intake_report i ON i.reference = l.source_key
                    WHERE l.source = 'report' AND l.role = 'premises' AND l.entity_id = ?
                    ORDER BY i.id DESC
                    """, arguments: [id])
        }
    }

    /// Links the intake report `reference` to the premises `id` (replacing any premises link),
    /// moves the report's evidence there, and writes the officers' audit line.
    ///
    /// - Throws: `StoreError` when the report or the premises does not exist.
    public func linkReport(reference: String, toPremises id: Int64, by actor: String, at time: String) throws {
        try self.writer.write { db in
            _ = try Self.intakeID(reference, in: db)
            guard try Int64.fetchOne(db, sql: "SELECT id FROM entity WHERE id = ? AND kind IN ('hotel', 'premises')", arguments: [id]) != nil
            else {
                throw StoreError(code: "store.premises.missing", message: "There is no premises E\(id). Search again and choose one from the list.")
            }
            let old = try Int64.fetchOne(
                db, sql: "SELECT entity_id FROM entity_link WHERE source = 'report' AND source_key = ? AND role = 'premises'",
                arguments: [reference])
            try db.execute(
                sql: "INSERT OR REPLACE INTO entity_link (source, source_key, role, entity_id, method, confidence) "
                    + "VALUES ('report', ?, 'premises', ?, 'officer', 1.0)", arguments: [reference, id])
            try Self.moveReportEvidence(reference: reference, from: old, to: id, in: db)
            try Self.officerAudit(
                at: time, actor: actor, action: "linked", subject: reference,
                detail: "premises E\(id)" + (old.map { $0 == id ? "" : " (was E\($0))" } ?? ""), in: db)
        }
    }

    /// Removes the premises link of the intake report `reference` (its evidence is no longer
    /// counted for that premises) and writes the officers' audit line.
    public func unlinkReport(reference: String, by actor: String, at time: String) throws {
        try self.writer.write { db in
            _ = try Self.intakeID(reference, in: db)
            guard
                let old = try Int64.fetchOne(
                    db, sql: "SELECT entity_id FROM entity_link WHERE source = 'report' AND source_key = ? AND role = 'premises'",
                    arguments: [reference])
            else { return }
            try db.execute(
                sql: "DELETE FROM entity_link WHERE source = 'report' AND source_key = ? AND role = 'premises'",
                arguments: [reference])
            try Self.moveReportEvidence(reference: reference, from: old, to: nil, in: db)
            try Self.officerAudit(at: time, actor: actor, action: "unlinked", subject: reference, detail: "premises E\(old)", in: db)
        }
    }

    /// The hotel snapshot (licences, reviews, evidence) of the premises `id`, when it is a hotel.
    public func hotel(entityID id: Int64) throws -> HotelSnapshot? {
        try self.writer.read { db in
            guard
                let row = try EstablishmentRow.fetchOne(
                    db, sql: "SELECT * FROM fhrs_establishment WHERE entity_id = ? AND hotel_basis IS NOT NULL ORDER BY fhrs_id LIMIT 1",
                    arguments: [id])
            else { return nil }
            return try Self.snapshot(of: row, in: db)
        }
    }

    /// Moves a report's evidence from premises `old` (or unattached) to `new` (or unattached),
    /// leaving copies attached to its vehicle or driver alone.
    static func moveReportEvidence(reference: String, from old: Int64?, to new: Int64?, in db: Database) throws {
        let key = "report:\(reference)"
        let others = try Int.fetchOne(
            db, sql: "SELECT count(*) FROM entity_link WHERE source = 'report' AND source_key = ? AND role <> 'premises'",
            arguments: [reference]) ?? 0
        // The evidence rows of one copy: those on the old premises, or the unattached ones.
        let match = old.map { "entity_id = \($0)" } ?? "entity_id IS NULL"
        let copy = try Row.fetchAll(
            db, sql: "SELECT source, source_id, sign, date, snippet, origin FROM evidence WHERE record_key = ? AND \(match)",
            arguments: [key])
        var template = copy
        if template.isEmpty {
            // Linked to nothing but a vehicle or driver: copy one of those.
            let first = try Int64.fetchOne(db, sql: "SELECT entity_id FROM evidence WHERE record_key = ? AND entity_id IS NOT NULL LIMIT 1", arguments: [key])
            if let first {
                template = try Row.fetchAll(
                    db, sql: "SELECT source, source_id, sign, date, snippet, origin FROM evidence WHERE record_key = ? AND entity_id = ?",
                    arguments: [key, first])
            }
        }
        try db.execute(sql: "DELETE FROM evidence WHERE record_key = ? AND \(match)", arguments: [key])
        // Unlinked but still on a vehicle or driver: those copies stay, no unattached copy is needed.
        if new == nil, others > 0 { return }
        let target = new
        for row in template {
            try db.execute(
                sql: "INSERT INTO evidence (entity_id, record_key, source, source_id, sign, date, snippet, origin) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                arguments: [target, key, row[0], row[1], row[2], row[3], row[4], row[5]])
        }
    }

    static func linkablePremises(_ row: Row) -> LinkablePremises {
        LinkablePremises(id: row[0], kind: row[1], name: row[2], address: row[3], postcode: row[4], isHotel: row[5])
    }
}
