import Foundation
import GRDB
import SafeguardCore

extension SQLiteStore {
    public func saveReviews(_ reviews: [ReviewRecord]) throws -> ImportSummary {
        // The content hashes are worked out over the cores before the one writer starts.
        let hashes = ParallelMap.map(reviews, minimumChunk: 256) { Self.contentHash(of: $0) }
        return try self.writeWithIndex { db, index in
            var summary = ImportSummary()
            // Reviews of one hotel come in runs: their claim's match keys are worked out once per run.
            var lastClaim: PremisesClaim?
            for (review, hash) in zip(reviews, hashes) {
                summary.read += 1
                // both per-row statements are prepared once per batch (cached), not once per row
                let existing = try Row.fetchOne(
                    db.cachedStatement(
                        sql: "SELECT content_hash, entity_id, link_method, link_confidence FROM review "
                            + "WHERE site = ? AND source_id = ?"),
                    arguments: [review.site, review.sourceID])
                if let existing, existing[0] as Int64 == hash {
                    summary.unchanged += 1
                    continue
                }
                let entityID: Int64
                let method: String
                let confidence: Double
                if let existing {
                    summary.updated += 1
                    (entityID, method, confidence) = (existing[1], existing[2], existing[3])
                } else {
                    summary.new += 1
                    let claim: PremisesClaim
                    if let last = lastClaim, last.name == review.premisesName, last.address == review.address,
                        last.postcode == review.postcode
                    {
                        claim = last
                    } else {
                        claim = PremisesClaim(name: review.premisesName, address: review.address, postcode: review.postcode)
                        lastClaim = claim
                    }
                    let resolution = try self.resolvePremises(
                        claim, kind: .premises, source: "review", fhrsID: nil, in: db, index: index)
                    if resolution.linkedExisting { summary.linked += 1 }
                    summary.uncertain += resolution.uncertain
                    (entityID, method, confidence) = (resolution.entityID, resolution.method, resolution.confidence)
                }
                try db.cachedStatement(
                    sql: """
                        INSERT INTO review (site, source_id, entity_id, link_method, link_confidence, premises_name,
                            address, postcode, date, rating, text, content_hash)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (site, source_id) DO UPDATE SET premises_name = excluded.premises_name,
                            address = excluded.address, postcode = excluded.postcode, date = excluded.date,
                            rating = excluded.rating, text = excluded.text, content_hash = excluded.content_hash
                        """
                ).execute(
                    arguments: [
                        review.site, review.sourceID, entityID, method, confidence, review.premisesName,
                        review.address, review.postcode, review.date?.description, review.rating, review.text, hash,
                    ])
                try Self.replaceEvidence(
                    review.evidence, recordKey: "review:\(review.site)|\(review.sourceID)", entities: [entityID],
                    in: db)
            }
            return summary
        }
    }

    public func saveReports(_ reports: [ReportRecord]) throws -> ImportSummary {
        try self.writeWithIndex { db, index in
            var summary = ImportSummary()
            for report in reports {
                try self.storeReport(report, in: db, index: index, summary: &summary)
            }
            return summary
        }
    }

    /// Stores one report (row, links to premises, vehicle and driver, evidence): the one path every
    /// report takes, imported (`saveReports`) or received by the server (`saveIntakeReports`).
    ///
    /// `contentHash`, when given, is `hash(of: report)` worked out beforehand (the server does it
    /// on the request's thread, off the one writer).
    func storeReport(
        _ report: ReportRecord, in db: Database, index: PremisesIndex, summary: inout ImportSummary,
        contentHash: Int64? = nil
    ) throws {
        let hash = contentHash ?? Self.hash(of: report)
        let existing = try Int64.fetchOne(
            db.cachedStatement(sql: "SELECT content_hash FROM report WHERE receipt_id = ?"),
            arguments: [report.receiptID])
        guard summary.needsWrite(stored: existing, hash: hash) else { return }
        try db.cachedStatement(
            sql: """
                INSERT INTO report (receipt_id, received, role, seen, text, signs, premises, address, postcode,
                    vehicle, badge, when_text, apparent_age_band, danger_now, contact_name, contact_phone,
                    contact_email, content_hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (receipt_id) DO UPDATE SET received = excluded.received, role = excluded.role,
                    seen = excluded.seen, text = excluded.text, signs = excluded.signs,
                    premises = excluded.premises, address = excluded.address, postcode = excluded.postcode,
                    vehicle = excluded.vehicle, badge = excluded.badge, when_text = excluded.when_text,
                    apparent_age_band = excluded.apparent_age_band, danger_now = excluded.danger_now,
                    contact_name = excluded.contact_name, contact_phone = excluded.contact_phone,
                    contact_email = excluded.contact_email, content_hash = excluded.content_hash
                """
        ).execute(
            arguments: [
                report.receiptID, report.received.description, report.role.rawValue, report.seen, report.text,
                report.signs.joined(separator: ";"), report.place.premises, report.place.address,
                report.place.postcode, report.place.vehicle, report.place.badge, report.when,
                report.apparentAgeBand, report.dangerNow, report.contact?.name, report.contact?.phone,
                report.contact?.email, hash,
            ])
        let links = try self.linkPlace(report.place, source: "report", key: report.receiptID, in: db, index: index)
        summary.linked += links.linked
        summary.uncertain += links.uncertain
        try Self.replaceEvidence(
            report.evidence, recordKey: "report:\(report.receiptID)", entities: links.entities, in: db)
    }

    public func saveIntelligence(_ records: [IntelligenceRecord]) throws -> ImportSummary {
        try self.writeWithIndex { db, index in
            var summary = ImportSummary()
            for record in records {
                let hash = Self.hash(of: record)
                let existing = try Int64.fetchOne(
                    db, sql: "SELECT content_hash FROM intelligence WHERE record_id = ?", arguments: [record.id])
                guard summary.needsWrite(stored: existing, hash: hash) else { continue }
                try db.execute(
                    sql: """
                        INSERT INTO intelligence (record_id, date, source, premises, address, postcode, vehicle, badge,
                            signs, summary, content_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (record_id) DO UPDATE SET date = excluded.date, source = excluded.source,
                            premises = excluded.premises, address = excluded.address, postcode = excluded.postcode,
                            vehicle = excluded.vehicle, badge = excluded.badge, signs = excluded.signs,
                            summary = excluded.summary, content_hash = excluded.content_hash
                        """,
                    arguments: [
                        record.id, record.date.description, record.source.rawValue, record.place.premises,
                        record.place.address, record.place.postcode, record.place.vehicle, record.place.badge,
                        record.signs.joined(separator: ";"), record.summary, hash,
                    ])
                let links = try self.linkPlace(record.place, source: "intelligence", key: record.id, in: db, index: index)
                summary.linked += links.linked
                summary.uncertain += links.uncertain
                try Self.replaceEvidence(
                    record.evidence, recordKey: "intelligence:\(record.id)", entities: links.entities, in: db)
            }
            return summary
        }
    }

    /// A content hash over a record's canonical JSON (sorted keys), for the non-hot paths.
    package static func hash(of value: some Encodable) -> Int64 {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var hasher = ContentHash()
        hasher.add((try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) })
        return hasher.int64
    }
}
