import Foundation
import Logging
import PostgresNIO
import SafeguardCore
import SafeguardStore

extension PostgresStore {
    /// Stores reviews in set-based round trips per batch: one look-up of the stored rows, one of the
    /// entities the new ones can match, the entity resolution per new review in order in Swift
    /// (`PostgresEntityBatch`, as SQLite does, so each sees the entities made before it), the new
    /// entities in one insert, then one upsert of every changed review and one replacement of their
    /// evidence, both from a JSON recordset (`json_to_recordset`: NULLs kept, no row per round trip).
    public func saveReviews(_ reviews: [ReviewRecord]) throws -> ImportSummary {
        try self.write(rows: reviews.count) { db, logger in
            var summary = ImportSummary()
            let keys = reviews.map { ReviewKey(site: $0.site, source_id: $0.sourceID) }
            var stored: [ReviewKey: (hash: Int64, entity: Int64, method: String, confidence: Double)] = [:]
            for row in try await db.rows(
                """
                SELECT r.site, r.source_id, r.content_hash, r.entity_id, r.link_method, r.link_confidence
                FROM json_to_recordset($1::json) AS k(site TEXT, source_id TEXT)
                CROSS JOIN LATERAL (
                    SELECT * FROM review
                    WHERE authority = current_setting('safeguard.authority') AND site = k.site
                      AND source_id = k.source_id LIMIT 1) r
                """, [.text(try Self.json(keys))], logger: logger)
            {
                stored[ReviewKey(site: try row.text(0)!, source_id: try row.text(1)!)] =
                    (try row.int(2)!, try row.int(3)!, try row.text(4)!, try row.double(5)!)
            }
            // Only reviews stored before this batch can have evidence to replace.
            let before = Set(stored.keys)
            let claims = reviews.map { PremisesClaim(name: $0.premisesName, address: $0.address, postcode: $0.postcode) }
            var entities = try await PostgresEntityBatch.load(
                claims: zip(claims, keys).compactMap { stored[$1] == nil ? $0 : nil }, on: db, logger: logger)
            var rows: [ReviewKey: ReviewRow] = [:]
            var order: [ReviewKey] = []
            var evidence: [ReviewKey: [EvidenceRow]] = [:]
            for ((review, key), claim) in zip(zip(reviews, keys), claims) {
                summary.read += 1
                let hash = SQLiteStore.contentHash(of: review)
                let existing = stored[key]
                if let existing, existing.hash == hash {
                    summary.unchanged += 1
                    continue
                }
                let entityID: Int64
                let method: String
                let confidence: Double
                if let existing {
                    summary.updated += 1
                    (entityID, method, confidence) = (existing.entity, existing.method, existing.confidence)
                } else {
                    summary.new += 1
                    let resolution = entities.resolvePremises(claim, kind: .premises, source: "review", fhrsID: nil)
                    if resolution.linkedExisting { summary.linked += 1 }
                    summary.uncertain += resolution.uncertain
                    (entityID, method, confidence) = (resolution.entityID, resolution.method, resolution.confidence)
                }
                stored[key] = (hash, entityID, method, confidence)
                if rows[key] == nil { order.append(key) }
                rows[key] = ReviewRow(
                    site: review.site, source_id: review.sourceID, entity_id: entityID, link_method: method,
                    link_confidence: confidence, premises_name: review.premisesName, address: review.address,
                    postcode: review.postcode, date: review.date?.description, rating: review.rating, text: review.text,
                    content_hash: hash)
                let recordKey = "review:\(review.site)|\(review.sourceID)"
                evidence[key] = review.evidence.map {
                    EvidenceRow(
                        entity_id: entityID, record_key: recordKey, source: $0.source.rawValue, source_id: $0.sourceID,
                        sign: $0.sign, date: $0.date?.description, snippet: $0.snippet, origin: $0.origin)
                }
            }
            guard !order.isEmpty else { return summary }
            let ids = try await entities.flush(on: db, logger: logger)
            var writer = CopyTextWriter(capacity: order.count * 1_200)
            for (n, key) in order.enumerated() {
                let row = rows[key]!
                writer.field(n)
                writer.field(row.site)
                writer.field(row.source_id)
                writer.field(ids[row.entity_id] as Int64)
                writer.field(row.link_method)
                writer.field(row.link_confidence)
                writer.field(row.premises_name)
                writer.field(row.address)
                writer.field(row.postcode)
                writer.field(row.date)
                writer.field(row.rating)
                writer.field(row.text)
                writer.field(row.content_hash)
                writer.endRow()
            }
            try await db.insertStaged(
                into: "review",
                columns: [
                    "site", "source_id", "entity_id", "link_method", "link_confidence", "premises_name", "address",
                    "postcode", "date", "rating", "text", "content_hash",
                ], rows: writer.buffer,
                onConflict: """
                    ON CONFLICT (authority, site, source_id) DO UPDATE SET premises_name = excluded.premises_name,
                        address = excluded.address, postcode = excluded.postcode, date = excluded.date,
                        rating = excluded.rating, text = excluded.text, content_hash = excluded.content_hash
                    """, logger: logger)
            try await Self.replaceEvidence(
                order.filter(before.contains).map { "review:\($0.site)|\($0.source_id)" },
                with: order.flatMap { key in
                    evidence[key]!.map { row -> EvidenceRow in
                        var row = row
                        row.entity_id = ids[row.entity_id]
                        return row
                    }
                }, on: db, logger: logger)
            return summary
        }
    }

    /// Deletes the evidence of `recordKeys` (records stored before the batch: the others have none)
    /// and inserts `rows` in their order, in two round trips.
    static func replaceEvidence(
        _ recordKeys: [String], with rows: [EvidenceRow], on db: PostgresConnection, logger: Logger
    ) async throws {
        if !recordKeys.isEmpty {
            try await db.rows(
                "DELETE FROM evidence WHERE authority = current_setting('safeguard.authority') "
                    + "AND record_key = ANY(ARRAY(SELECT value FROM json_array_elements_text($1::json)))",
                [.text(try Self.json(recordKeys))], logger: logger)
        }
        guard !rows.isEmpty else { return }
        var writer = CopyTextWriter(capacity: rows.count * 200)
        for (n, row) in rows.enumerated() {
            writer.field(n)
            writer.field(row.entity_id)
            writer.field(row.record_key)
            writer.field(row.source)
            writer.field(row.source_id)
            writer.field(row.sign)
            writer.field(row.date)
            writer.field(row.snippet)
            writer.field(row.origin)
            writer.endRow()
        }
        try await db.insertStaged(
            into: "evidence",
            columns: ["entity_id", "record_key", "source", "source_id", "sign", "date", "snippet", "origin"],
            rows: writer.buffer, logger: logger)
    }

    static func json<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
    }
}

/// A review's identity at its site (JSON keys are the column names).
struct ReviewKey: Hashable, Codable {
    var site: String
    var source_id: String
}

/// A review row (a nil is NULL).
struct ReviewRow {
    var site: String
    var source_id: String
    var entity_id: Int64
    var link_method: String
    var link_confidence: Double
    var premises_name: String
    var address: String?
    var postcode: String?
    var date: String?
    var rating: Double?
    var text: String
    var content_hash: Int64
}

/// An evidence row (a nil is NULL).
struct EvidenceRow {
    var entity_id: Int64?
    var record_key: String
    var source: String
    var source_id: String
    var sign: String
    var date: String?
    var snippet: String
    var origin: String?
}
