import Logging
import PostgresNIO
import SafeguardCore
import SafeguardStore

extension PostgresStore {
    public func saveReports(_ reports: [ReportRecord]) throws -> ImportSummary {
        try self.write { db, logger in
            var summary = ImportSummary()
            for report in reports {
                let hash = SQLiteStore.hash(of: report)
                let existing = try await db.rows(
                    "SELECT content_hash FROM report WHERE receipt_id = $1", [.text(report.receiptID)], logger: logger
                ).first?.int(0)
                guard summary.needsWrite(stored: existing, hash: hash) else { continue }
                try await db.rows(
                    """
                    INSERT INTO report (receipt_id, received, role, seen, text, signs, premises, address, postcode,
                        vehicle, badge, when_text, apparent_age_band, danger_now, contact_name, contact_phone,
                        contact_email, content_hash)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
                    ON CONFLICT (authority, receipt_id) DO UPDATE SET received = excluded.received,
                        role = excluded.role, seen = excluded.seen, text = excluded.text, signs = excluded.signs,
                        premises = excluded.premises, address = excluded.address, postcode = excluded.postcode,
                        vehicle = excluded.vehicle, badge = excluded.badge, when_text = excluded.when_text,
                        apparent_age_band = excluded.apparent_age_band, danger_now = excluded.danger_now,
                        contact_name = excluded.contact_name, contact_phone = excluded.contact_phone,
                        contact_email = excluded.contact_email, content_hash = excluded.content_hash
                    """,
                    [
                        .text(report.receiptID), .text(report.received.description), .text(report.role.rawValue),
                        .text(report.seen), .text(report.text), .text(report.signs.joined(separator: ";")),
                        .text(report.place.premises), .text(report.place.address), .text(report.place.postcode),
                        .text(report.place.vehicle), .text(report.place.badge), .text(report.when),
                        .text(report.apparentAgeBand), .bool(report.dangerNow), .text(report.contact?.name),
                        .text(report.contact?.phone), .text(report.contact?.email), .int(hash),
                    ], logger: logger)
                let links = try await Self.linkPlace(
                    report.place, source: "report", key: report.receiptID, on: db, logger: logger)
                summary.linked += links.linked
                summary.uncertain += links.uncertain
                try await Self.replaceEvidence(
                    report.evidence, recordKey: "report:\(report.receiptID)", entities: links.entities, on: db,
                    logger: logger)
            }
            return summary
        }
    }

    public func saveIntelligence(_ records: [IntelligenceRecord]) throws -> ImportSummary {
        try self.write { db, logger in
            var summary = ImportSummary()
            for record in records {
                let hash = SQLiteStore.hash(of: record)
                let existing = try await db.rows(
                    "SELECT content_hash FROM intelligence WHERE record_id = $1", [.text(record.id)], logger: logger
                ).first?.int(0)
                guard summary.needsWrite(stored: existing, hash: hash) else { continue }
                try await db.rows(
                    """
                    INSERT INTO intelligence (record_id, date, source, premises, address, postcode, vehicle, badge,
                        signs, summary, content_hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
                    ON CONFLICT (authority, record_id) DO UPDATE SET date = excluded.date, source = excluded.source,
                        premises = excluded.premises, address = excluded.address, postcode = excluded.postcode,
                        vehicle = excluded.vehicle, badge = excluded.badge, signs = excluded.signs,
                        summary = excluded.summary, content_hash = excluded.content_hash
                    """,
                    [
                        .text(record.id), .text(record.date.description), .text(record.source.rawValue),
                        .text(record.place.premises), .text(record.place.address), .text(record.place.postcode),
                        .text(record.place.vehicle), .text(record.place.badge),
                        .text(record.signs.joined(separator: ";")), .text(record.summary), .int(hash),
                    ], logger: logger)
                let links = try await Self.linkPlace(
                    record.place, source: "intelligence", key: record.id, on: db, logger: logger)
                summary.linked += links.linked
                summary.uncertain += links.uncertain
                try await Self.replaceEvidence(
                    record.evidence, recordKey: "intelligence:\(record.id)", entities: links.entities, on: db,
                    logger: logger)
            }
            return summary
        }
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
