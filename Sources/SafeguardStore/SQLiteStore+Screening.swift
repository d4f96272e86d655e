import GRDB
import SafeguardCore

extension SQLiteStore: ScreeningStore {
    public func premisesHistory(name: String, postcode: String?, uprn: String?) throws -> PremisesHistory? {
        try self.writer.write { db in
            var entities: [Int64] = []
            var method = ""
            if let uprn, !uprn.isEmpty {
                entities = try Int64.fetchAll(db, sql: "SELECT entity_id FROM entity_uprn WHERE uprn = ?", arguments: [uprn])
                if !entities.isEmpty { method = "uprn" }
            }
            if entities.isEmpty, let key = MatchKeys.postcode(postcode) {
                let nameKey = MatchKeys.name(name)
                let rows = try Row.fetchAll(
                    db, sql: "SELECT id, name_key FROM entity WHERE postcode_key = ? AND kind IN ('hotel', 'premises')",
                    arguments: [key])
                for row in rows {
                    let candidate: String = row[1]
                    let decision = MatchDecision.compare(
                        nameSimilarity: MatchKeys.nameSimilarity(nameKey, candidate), samePostcode: true,
                        bothPostcodes: true, sameHouseNumber: nil)
                    if decision.strength == .certain { entities.append(row[0]) }
                }
                if !entities.isEmpty {
                    method = "name+postcode"
                    // Learn the UPRN, so a later application under another trading name still finds the premises.
                    if let uprn, !uprn.isEmpty {
                        for entity in entities {
                            try db.execute(
                                sql: "INSERT OR IGNORE INTO entity_uprn (uprn, entity_id) VALUES (?, ?)",
                                arguments: [uprn, entity])
                        }
                    }
                }
            }
            guard !entities.isEmpty else { return nil }
            let list = entities.map(String.init).joined(separator: ",")
            var seen = Set<String>()
            let evidence = try EvidenceRow.fetchAll(
                db, sql: "SELECT * FROM evidence WHERE entity_id IN (\(list)) ORDER BY date, id"
            ).filter { seen.insert($0.recordKey + "\u{1F}" + $0.sign).inserted }.map(\.evidence)
            let reviews = try Int.fetchOne(db, sql: "SELECT count(*) FROM review WHERE entity_id IN (\(list))") ?? 0
            func linked(_ source: String) throws -> Int {
                try Int.fetchOne(
                    db,
                    sql: "SELECT count(DISTINCT source_key) FROM entity_link WHERE source = ? AND entity_id IN (\(list))",
                    arguments: [source]) ?? 0
            }
            // A suspension or revocation can only follow a review of the licence (s.52), so those count as reviews.
            let licences = try Row.fetchAll(
                db,
                sql: """
                    SELECT c.case_reference, e.service_type_label, e.status_label, e.case_date,
                           EXISTS (SELECT 1 FROM licence_event r WHERE r.case_id = c.id
                                   AND (lower(r.status_label) IN ('revoked', 'suspended')
                                        OR lower(r.status_label) LIKE '%review%' OR lower(r.service_type_label) LIKE '%review%'))
                    FROM licence_case c JOIN licence_event e ON e.case_id = c.id
                    WHERE c.entity_id IN (\(list))
                      AND e.id = (SELECT id FROM licence_event WHERE case_id = c.id ORDER BY case_date DESC, id DESC LIMIT 1)
                    ORDER BY e.case_date DESC
                    """
            ).map { row in
                PremisesHistory.LicenceCase(
                    caseReference: row[0], serviceType: row[1], status: row[2],
                    date: (row[3] as String?).flatMap { CalendarDay(iso: $0) }, isReview: row[4])
            }
            return PremisesHistory(
                entityIDs: entities.map { "E\($0)" }, matchedBy: method, evidence: evidence, reviewCount: reviews,
                reportCount: try linked("report"), intelligenceCount: try linked("intelligence"), licences: licences)
        }
    }

    public func recordScreening(_ record: ScreeningRecord) throws {
        try self.writer.write { db in
            try db.execute(
                sql: """
                    INSERT OR IGNORE INTO screening_decision
                        (id, reference, as_of, ruleset_hash, input_hash, band, result)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    record.id, record.reference, record.asOf.description, record.rulesetHash, record.inputHash, record.band,
                    record.resultJSON,
                ])
        }
    }

    public func screening(id: String) throws -> ScreeningRecord? {
        try self.writer.read { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT id, reference, as_of, ruleset_hash, input_hash, band, result FROM screening_decision WHERE id = ?",
                    arguments: [id])
            else { return nil }
            return ScreeningRecord(
                id: row[0], reference: row[1], asOf: CalendarDay(iso: row[2] as String) ?? CalendarDay(daysSinceEpoch: 0),
                rulesetHash: row[3], inputHash: row[4], band: row[5], resultJSON: row[6])
        }
    }
}
