import Logging
import PostgresNIO
import SafeguardCore
import SafeguardStore

extension PostgresStore {
    public func pendingLinks() throws -> [LinkCandidate] {
        try self.read { db, logger in
            try await db.rows(
                """
                SELECT c.id, c.confidence, c.method,
                       a.id, a.name, a.address, a.postcode, a.source,
                       b.id, b.name, b.address, b.postcode, b.source
                FROM link_candidate c JOIN entity a ON a.id = c.entity_id JOIN entity b ON b.id = c.candidate_id
                WHERE c.status = 'pending' ORDER BY c.id
                """, logger: logger
            ).map { row in
                LinkCandidate(
                    id: try row.int(0)!, entityID: "E\(try row.int(3)!)", entityName: try row.text(4)!,
                    entityAddress: try row.text(5), entityPostcode: try row.text(6), entitySource: try row.text(7)!,
                    candidateID: "E\(try row.int(8)!)", candidateName: try row.text(9)!,
                    candidateAddress: try row.text(10), candidatePostcode: try row.text(11),
                    candidateSource: try row.text(12)!, confidence: try row.double(1)!,
                    reason: SQLiteStore.reason(method: try row.text(2)!))
            }
        }
    }

    public func decideLink(id: Int64, accept: Bool) throws {
        try self.write { db, logger in
            // FOR UPDATE: two officers deciding the same match at once decide it once.
            guard
                let row = try await db.rows(
                    "SELECT entity_id, candidate_id, status FROM link_candidate WHERE id = $1 FOR UPDATE",
                    [.int(id)], logger: logger
                ).first
            else {
                throw StoreError(
                    code: "store.link.unknown",
                    message: "there is no uncertain match \(id); list them with `safeguard links review`")
            }
            let status = try row.text(2)!
            guard status == "pending" else {
                throw StoreError(code: "store.link.decided", message: "match \(id) was already decided (\(status))")
            }
            let (from, into) = (try row.int(0)!, try row.int(1)!)
            guard accept else {
                try await db.rows("UPDATE link_candidate SET status = 'rejected' WHERE id = $1", [.int(id)], logger: logger)
                return
            }
            let fhrs = try await db.rows(
                "SELECT (SELECT fhrs_id FROM entity WHERE id = $1), (SELECT fhrs_id FROM entity WHERE id = $2)",
                [.int(from), .int(into)], logger: logger)
            let fromFHRS = try fhrs.first?.int(0)
            let intoFHRS = try fhrs.first?.int(1)
            if fromFHRS != nil, intoFHRS != nil {
                throw StoreError(
                    code: "store.link.two-fhrs",
                    message: "both entities hold an FHRS establishment; two FHRS records are never merged")
            }
            for table in ["fhrs_establishment", "licence_case", "taxi_driver", "taxi_vehicle", "review", "evidence"] {
                try await db.rows(
                    "UPDATE \(table) SET entity_id = $1 WHERE entity_id = $2", [.int(into), .int(from)], logger: logger)
            }
            try await db.rows(
                "UPDATE entity_link SET entity_id = $1, method = 'officer', confidence = 1.0 WHERE entity_id = $2",
                [.int(into), .int(from)], logger: logger)
            try await db.rows(
                "UPDATE fhrs_establishment SET link_method = 'officer', link_confidence = 1.0 WHERE fhrs_id = $1",
                [.int(fromFHRS)], logger: logger)
            for table in ["licence_case", "review"] {
                try await db.rows(
                    "UPDATE \(table) SET link_method = 'officer', link_confidence = 1.0 "
                        + "WHERE entity_id = $1 AND link_method = 'new'", [.int(into)], logger: logger)
            }
            if let fromFHRS {
                try await db.rows("UPDATE entity SET fhrs_id = NULL WHERE id = $1", [.int(from)], logger: logger)
                try await db.rows(
                    "UPDATE entity SET fhrs_id = $1 WHERE id = $2", [.int(fromFHRS), .int(into)], logger: logger)
            }
            try await db.rows("DELETE FROM entity WHERE id = $1", [.int(from)], logger: logger)
        }
    }
}
