import Logging
import PostgresNIO
import SafeguardCore
import SafeguardStore

extension PostgresStore {
    /// Stores reports in set-based round trips per batch: one look-up of the stored ones, the links
    /// of the new or changed ones decided in order in memory (`PostgresPlaceLinks`), then one upsert
    /// of the reports and one replacement each of their links and evidence.
    public func saveReports(_ reports: [ReportRecord]) throws -> ImportSummary {
        try self.write(rows: reports.count) { db, logger in
            var summary = ImportSummary()
            var stored = try await Self.storedHashes(
                reports.map(\.receiptID), table: "report", key: "receipt_id", on: db, logger: logger)
            let before = Set(stored.keys)
            var places = try await PostgresPlaceLinks.load(reports.map(\.place), on: db, logger: logger)
            var rows: [String: ReportRow] = [:]
            var order: [String] = []
            for report in reports {
                let hash = SQLiteStore.hash(of: report)
                guard summary.needsWrite(stored: stored[report.receiptID], hash: hash) else { continue }
                stored[report.receiptID] = hash
                if rows[report.receiptID] == nil { order.append(report.receiptID) }
                rows[report.receiptID] = ReportRow(
                    receipt_id: report.receiptID, received: report.received.description, role: report.role.rawValue,
                    seen: report.seen, text: report.text, signs: report.signs.joined(separator: ";"),
                    premises: report.place.premises, address: report.place.address, postcode: report.place.postcode,
                    vehicle: report.place.vehicle, badge: report.place.badge, when_text: report.when,
                    apparent_age_band: report.apparentAgeBand, danger_now: report.dangerNow ? 1 : 0,
                    contact_name: report.contact?.name, contact_phone: report.contact?.phone,
                    contact_email: report.contact?.email, content_hash: hash)
                let links = places.link(
                    report.place, source: "report", key: report.receiptID, recordKey: "report:\(report.receiptID)",
                    evidence: report.evidence)
                summary.linked += links.linked
                summary.uncertain += links.uncertain
            }
            guard !order.isEmpty else { return summary }
            try await db.rows(
                """
                INSERT INTO report (receipt_id, received, role, seen, text, signs, premises, address, postcode,
                    vehicle, badge, when_text, apparent_age_band, danger_now, contact_name, contact_phone,
                    contact_email, content_hash)
                SELECT receipt_id, received, role, seen, text, signs, premises, address, postcode, vehicle, badge,
                    when_text, apparent_age_band, danger_now, contact_name, contact_phone, contact_email, content_hash
                FROM ROWS FROM (json_to_recordset($1::json) AS (receipt_id TEXT, received TEXT, role TEXT,
                    seen TEXT, text TEXT, signs TEXT, premises TEXT, address TEXT, postcode TEXT, vehicle TEXT,
                    badge TEXT, when_text TEXT, apparent_age_band TEXT, danger_now BIGINT, contact_name TEXT,
                    contact_phone TEXT, contact_email TEXT, content_hash BIGINT))
                    WITH ORDINALITY AS x(receipt_id, received, role, seen, text, signs, premises, address, postcode,
                        vehicle, badge, when_text, apparent_age_band, danger_now, contact_name, contact_phone,
                        contact_email, content_hash, n)
                ORDER BY n
                ON CONFLICT (authority, receipt_id) DO UPDATE SET received = excluded.received,
                    role = excluded.role, seen = excluded.seen, text = excluded.text, signs = excluded.signs,
                    premises = excluded.premises, address = excluded.address, postcode = excluded.postcode,
                    vehicle = excluded.vehicle, badge = excluded.badge, when_text = excluded.when_text,
                    apparent_age_band = excluded.apparent_age_band, danger_now = excluded.danger_now,
                    contact_name = excluded.contact_name, contact_phone = excluded.contact_phone,
                    contact_email = excluded.contact_email, content_hash = excluded.content_hash
                """, [.text(try Self.json(order.map { rows[$0]! }))], logger: logger)
            try await places.write(source: "report", stored: before, on: db, logger: logger)
            return summary
        }
    }

    /// Stores intelligence records the way `saveReports` stores reports (set-based per batch).
    public func saveIntelligence(_ records: [IntelligenceRecord]) throws -> ImportSummary {
        try self.write(rows: records.count) { db, logger in
            var summary = ImportSummary()
            var stored = try await Self.storedHashes(
                records.map(\.id), table: "intelligence", key: "record_id", on: db, logger: logger)
            let before = Set(stored.keys)
            var places = try await PostgresPlaceLinks.load(records.map(\.place), on: db, logger: logger)
            var rows: [String: IntelligenceRow] = [:]
            var order: [String] = []
            for record in records {
                let hash = SQLiteStore.hash(of: record)
                guard summary.needsWrite(stored: stored[record.id], hash: hash) else { continue }
                stored[record.id] = hash
                if rows[record.id] == nil { order.append(record.id) }
                rows[record.id] = IntelligenceRow(
                    record_id: record.id, date: record.date.description, source: record.source.rawValue,
                    premises: record.place.premises, address: record.place.address, postcode: record.place.postcode,
                    vehicle: record.place.vehicle, badge: record.place.badge,
                    signs: record.signs.joined(separator: ";"), summary: record.summary, content_hash: hash)
                let links = places.link(
                    record.place, source: "intelligence", key: record.id, recordKey: "intelligence:\(record.id)",
                    evidence: record.evidence)
                summary.linked += links.linked
                summary.uncertain += links.uncertain
            }
            guard !order.isEmpty else { return summary }
            try await db.rows(
                """
                INSERT INTO intelligence (record_id, date, source, premises, address, postcode, vehicle, badge,
                    signs, summary, content_hash)
                SELECT record_id, date, source, premises, address, postcode, vehicle, badge, signs, summary,
                    content_hash
                FROM ROWS FROM (json_to_recordset($1::json) AS (record_id TEXT, date TEXT, source TEXT,
                    premises TEXT, address TEXT, postcode TEXT, vehicle TEXT, badge TEXT, signs TEXT, summary TEXT,
                    content_hash BIGINT))
                    WITH ORDINALITY AS x(record_id, date, source, premises, address, postcode, vehicle, badge, signs,
                        summary, content_hash, n)
                ORDER BY n
                ON CONFLICT (authority, record_id) DO UPDATE SET date = excluded.date, source = excluded.source,
                    premises = excluded.premises, address = excluded.address, postcode = excluded.postcode,
                    vehicle = excluded.vehicle, badge = excluded.badge, signs = excluded.signs,
                    summary = excluded.summary, content_hash = excluded.content_hash
                """, [.text(try Self.json(order.map { rows[$0]! }))], logger: logger)
            try await places.write(source: "intelligence", stored: before, on: db, logger: logger)
            return summary
        }
    }

    /// The stored content hash of each record among `keys` (`key` names the table's record key).
    static func storedHashes(
        _ keys: [String], table: String, key: String, on db: PostgresConnection, logger: Logger
    ) async throws -> [String: Int64] {
        var stored: [String: Int64] = [:]
        guard !keys.isEmpty else { return stored }
        for row in try await db.rows(
            """
            SELECT \(key), content_hash FROM \(table)
            WHERE authority = current_setting('safeguard.authority') AND \(key) = ANY(ARRAY(SELECT value FROM json_array_elements_text($1::json)))
            """, [.text(try Self.json(Array(Set(keys))))], logger: logger)
        {
            stored[try row.text(0)!] = try row.int(1)!
        }
        return stored
    }

    /// Replaces the evidence of one source record, one copy per linked entity (or one unattached).
    static func replaceEvidence(
        _ evidence: [Evidence], recordKey: String, entities: [Int64], on db: PostgresConnection, logger: Logger
    ) async throws {
        try await db.rows("DELETE FROM evidence WHERE record_key = $1", [.text(recordKey)], logger: logger)
        let targets: [Int64?] = entities.isEmpty ? [nil] : entities.map { $0 }
        for target in targets {
            for item in evidence {
                try await db.rows(
                    "INSERT INTO evidence (entity_id, record_key, source, source_id, sign, date, snippet, origin) "
                        + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                    [
                        .int(target), .text(recordKey), .text(item.source.rawValue), .text(item.sourceID),
                        .text(item.sign), .text(item.date?.description), .text(item.snippet), .text(item.origin),
                    ], logger: logger)
            }
        }
    }

    /// Links a report's or intelligence record's place to its premises, vehicle and driver.
    static func linkPlace(
        _ place: PlaceReference, source: String, key: String, on db: PostgresConnection, logger: Logger
    ) async throws -> (entities: [Int64], linked: Int, uncertain: Int) {
        try await db.rows(
            "DELETE FROM entity_link WHERE source = $1 AND source_key = $2", [.text(source), .text(key)],
            logger: logger)
        var entities: [Int64] = []
        var linked = 0
        var uncertain = 0
        func link(_ role: String, _ entity: Int64, _ method: String, _ confidence: Double) async throws {
            try await db.rows(
                "INSERT INTO entity_link (source, source_key, role, entity_id, method, confidence) "
                    + "VALUES ($1, $2, $3, $4, $5, $6)",
                [.text(source), .text(key), .text(role), .int(entity), .text(method), .double(confidence)],
                logger: logger)
            entities.append(entity)
        }
        let premisesText = [place.premises, place.address, place.postcode].compactMap { $0 }
            .filter { !$0.allSatisfy(\.isWhitespace) }
        if !premisesText.isEmpty {
            let claim = PremisesClaim(name: place.premises ?? "", address: place.address, postcode: place.postcode)
            let resolution = try await Self.resolvePremises(
                claim, kind: .premises, source: source, fhrsID: nil, on: db, logger: logger)
            if resolution.linkedExisting { linked += 1 }
            uncertain += resolution.uncertain
            try await link("premises", resolution.entityID, resolution.method, resolution.confidence)
        }
        if let registration = MatchKeys.plate(place.vehicle) {
            let (vehicle, existed) = try await Self.vehicleEntity(registration, on: db, logger: logger)
            if existed { linked += 1 }
            try await link("vehicle", vehicle, "registration", 1)
        }
        if let badge = MatchKeys.plate(place.badge) {
            let drivers = try await db.rows(
                "SELECT DISTINCT entity_id FROM taxi_driver WHERE badge_key = $1", [.text(badge)], logger: logger)
            if drivers.count == 1 {
                linked += 1
                try await link("driver", try drivers[0].int(0)!, "badge", 1)
            }
        }
        return (entities, linked, uncertain)
    }
}

/// A report row as `json_to_recordset` reads it (a nil is a missing key, so NULL).
struct ReportRow: Encodable {
    var receipt_id: String
    var received: String
    var role: String
    var seen: String
    var text: String
    var signs: String
    var premises: String?
    var address: String?
    var postcode: String?
    var vehicle: String?
    var badge: String?
    var when_text: String?
    var apparent_age_band: String?
    var danger_now: Int
    var contact_name: String?
    var contact_phone: String?
    var contact_email: String?
    var content_hash: Int64
}

/// An intelligence row as `json_to_recordset` reads it.
struct IntelligenceRow: Encodable {
    var record_id: String
    var date: String
    var source: String
    var premises: String?
    var address: String?
    var postcode: String?
    var vehicle: String?
    var badge: String?
    var signs: String
    var summary: String
    var content_hash: Int64
}
