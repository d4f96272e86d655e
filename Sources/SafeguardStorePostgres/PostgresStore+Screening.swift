import Logging
import PostgresNIO
import SafeguardCore
import SafeguardStore

/// Application screening on PostgreSQL: the premises' history read in one write transaction of
/// the authority (it may learn a UPRN), decisions kept per authority for replay. The same matches,
/// counts and order as `SQLiteStore`'s (NULL dates placed as SQLite places them).
extension PostgresStore: ScreeningStore {
    public func premisesHistory(name: String, postcode: String?, uprn: String?) throws -> PremisesHistory? {
        try self.write { db, logger in
            var entities: [Int64] = []
            var method = ""
            if let uprn, !uprn.isEmpty {
                entities = try await db.rows(
                    "SELECT entity_id FROM entity_uprn WHERE uprn = $1 ORDER BY entity_id", [.text(uprn)], logger: logger
                ).map { try $0.int(0)! }
                if !entities.isEmpty { method = "uprn" }
            }
            if entities.isEmpty, let key = MatchKeys.postcode(postcode) {
                let nameKey = MatchKeys.name(name)
                for row in try await db.rows(
                    """
                    SELECT id, name_key FROM entity
                    WHERE authority = current_setting('safeguard.authority') AND postcode_key = $1
                      AND kind IN ('hotel', 'premises') ORDER BY id
                    """, [.text(key)], logger: logger)
                {
                    let decision = MatchDecision.compare(
                        nameSimilarity: MatchKeys.nameSimilarity(nameKey, try row.text(1)!), samePostcode: true,
                        bothPostcodes: true, sameHouseNumber: nil)
                    if decision.strength == .certain { entities.append(try row.int(0)!) }
                }
                if !entities.isEmpty {
                    method = "name+postcode"
                    // Learn the UPRN, so a later application under another trading name still finds the premises.
                    if let uprn, !uprn.isEmpty {
                        try await db.rows(
                            """
                            INSERT INTO entity_uprn (uprn, entity_id)
                            SELECT $1, unnest($2::bigint[]) ON CONFLICT DO NOTHING
                            """, [.text(uprn), .ids(entities)], logger: logger)
                    }
                }
            }
            guard !entities.isEmpty else { return nil }
            let ids = SQLValue.ids(entities)
            var seen = Set<String>()
            var evidence: [Evidence] = []
            for row in try await db.rows(
                """
                SELECT record_key, sign, source, source_id, date, snippet, origin FROM evidence
                WHERE entity_id = ANY($1::bigint[]) ORDER BY date COLLATE "C" NULLS FIRST, id
                """, [ids], logger: logger)
            {
                guard seen.insert(try row.text(0)! + "\u{1F}" + row.text(1)!).inserted else { continue }
                evidence.append(
                    Evidence(
                        sign: try row.text(1)!, source: EvidenceSource(rawValue: try row.text(2)!) ?? .register,
                        sourceID: try row.text(3)!, date: try row.text(4).flatMap { CalendarDay(iso: $0) },
                        snippet: try row.text(5)!, origin: try row.text(6)))
            }
            let counts = try await db.rows(
                """
                SELECT (SELECT count(*) FROM review WHERE entity_id = ANY($1::bigint[])),
                       (SELECT count(DISTINCT source_key) FROM entity_link WHERE source = 'report' AND entity_id = ANY($1::bigint[])),
                       (SELECT count(DISTINCT source_key) FROM entity_link
                        WHERE source = 'intelligence' AND entity_id = ANY($1::bigint[]))
                """, [ids], logger: logger)[0]
            // A suspension or revocation can only follow a review of the licence (s.52), so those count as reviews.
            var licences: [PremisesHistory.LicenceCase] = []
            for row in try await db.rows(
                """
                SELECT c.case_reference, e.service_type_label, e.status_label, e.case_date,
                       EXISTS (SELECT 1 FROM licence_event r WHERE r.case_id = c.id
                               AND (lower(r.status_label) IN ('revoked', 'suspended')
                                    OR lower(r.status_label) LIKE '%review%' OR lower(r.service_type_label) LIKE '%review%'))
                FROM licence_case c JOIN licence_event e ON e.case_id = c.id
                WHERE c.entity_id = ANY($1::bigint[])
                  AND e.id = (SELECT id FROM licence_event WHERE case_id = c.id
                              ORDER BY case_date COLLATE "C" DESC NULLS LAST, id DESC LIMIT 1)
                ORDER BY e.case_date COLLATE "C" DESC NULLS LAST, c.id
                """, [ids], logger: logger)
            {
                licences.append(
                    PremisesHistory.LicenceCase(
                        caseReference: try row.text(0)!, serviceType: try row.text(1), status: try row.text(2),
                        date: try row.text(3).flatMap { CalendarDay(iso: $0) }, isReview: try row.bool(4)!))
            }
            return PremisesHistory(
                entityIDs: entities.map { "E\($0)" }, matchedBy: method, evidence: evidence,
                reviewCount: Int(try counts.int(0)!), reportCount: Int(try counts.int(1)!),
                intelligenceCount: Int(try counts.int(2)!), licences: licences)
        }
    }

    public func recordScreening(_ record: ScreeningRecord) throws {
        try self.write { db, logger in
            try await db.rows(
                """
                INSERT INTO screening_decision (id, reference, as_of, ruleset_hash, input_hash, band, result)
                VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING
                """,
                [
                    .text(record.id), .text(record.reference), .text(record.asOf.description), .text(record.rulesetHash),
                    .text(record.inputHash), .text(record.band), .text(record.resultJSON),
                ], logger: logger)
        }
    }

    public func screening(id: String) throws -> ScreeningRecord? {
        try self.read { db, logger in
            guard
                let row = try await db.rows(
                    """
                    SELECT id, reference, as_of, ruleset_hash, input_hash, band, result FROM screening_decision
                    WHERE authority = current_setting('safeguard.authority') AND id = $1
                    """, [.text(id)], logger: logger
                ).first
            else { return nil }
            return ScreeningRecord(
                id: try row.text(0)!, reference: try row.text(1)!,
                asOf: CalendarDay(iso: try row.text(2)!) ?? CalendarDay(daysSinceEpoch: 0), rulesetHash: try row.text(3)!,
                inputHash: try row.text(4)!, band: try row.text(5)!, resultJSON: try row.text(6)!)
        }
    }
}
