import GRDB
import SafeguardCore

extension SQLiteStore {
    public func pendingLinks() throws -> [LinkCandidate] {
        try self.writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT c.id, c.confidence, c.method,
                           a.id, a.name, a.address, a.postcode, a.source,
                           b.id, b.name, b.address, b.postcode, b.source
                    FROM link_candidate c JOIN entity a ON a.id = c.entity_id JOIN entity b ON b.id = c.candidate_id
                    WHERE c.status = 'pending' ORDER BY c.id
                    """
            ).map { row in
                LinkCandidate(
                    id: row[0], entityID: "E\(row[3] as Int64)", entityName: row[4], entityAddress: row[5],
                    entityPostcode: row[6], entitySource: row[7], candidateID: "E\(row[8] as Int64)",
                    candidateName: row[9], candidateAddress: row[10], candidatePostcode: row[11],
                    candidateSource: row[12], confidence: row[1],
                    reason: Self.reason(method: row[2]))
            }
        }
    }

    package static func reason(method: String) -> String {
        switch method {
        case "postcode+name": return "same postcode, similar but not the same name"
        case "name+address": return "same name and house number, no postcode to confirm"
        case "name": return "same name, no postcode or house number to confirm"
        default: return method
        }
    }

    public func decideLink(id: Int64, accept: Bool) throws {
        try self.writer.write { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT entity_id, candidate_id, status FROM link_candidate WHERE id = ?", arguments: [id])
            else {
                throw StoreError(
                    code: "store.link.unknown",
                    message: "there is no uncertain match \(id); list them with `safeguard links review`")
            }
            guard row[2] as String == "pending" else {
                throw StoreError(code: "store.link.decided", message: "match \(id) was already decided (\(row[2] as String))")
            }
            let (from, into): (Int64, Int64) = (row[0], row[1])
            guard accept else {
                try db.execute(sql: "UPDATE link_candidate SET status = 'rejected' WHERE id = ?", arguments: [id])
                return
            }
            try Self.merge(from, into: into, in: db)
        }
        self.premisesIndex.withLock { $0.clear() }
    }

    /// Moves everything linked to entity `from` onto `into` and deletes `from`.
    static func merge(_ from: Int64, into: Int64, in db: Database) throws {
        let fhrs = try Row.fetchOne(
            db, sql: "SELECT (SELECT fhrs_id FROM entity WHERE id = ?), (SELECT fhrs_id FROM entity WHERE id = ?)",
            arguments: [from, into])
        let fromFHRS: Int64? = fhrs?[0]
        let intoFHRS: Int64? = fhrs?[1]
        if fromFHRS != nil, intoFHRS != nil {
            throw StoreError(
                code: "store.link.two-fhrs",
                message: "both entities hold an FHRS establishment; two FHRS records are never merged")
        }
        for table in ["fhrs_establishment", "licence_case", "taxi_driver", "taxi_vehicle", "review", "evidence"] {
            try db.execute(sql: "UPDATE \(table) SET entity_id = ? WHERE entity_id = ?", arguments: [into, from])
        }
        try db.execute(
            sql: "UPDATE OR REPLACE entity_link SET entity_id = ?, method = 'officer', confidence = 1.0 "
                + "WHERE entity_id = ?", arguments: [into, from])
        try db.execute(
            sql: "UPDATE fhrs_establishment SET link_method = 'officer', link_confidence = 1.0 WHERE fhrs_id = ?",
            arguments: [fromFHRS])
        for table in ["licence_case", "review"] {
            try db.execute(
                sql: "UPDATE \(table) SET link_method = 'officer', link_confidence = 1.0 "
                    + "WHERE entity_id = ? AND link_method = 'new'", arguments: [into])
        }
        if let fromFHRS {
            try db.execute(sql: "UPDATE entity SET fhrs_id = NULL WHERE id = ?", arguments: [from])
            try db.execute(sql: "UPDATE entity SET fhrs_id = ? WHERE id = ?", arguments: [fromFHRS, into])
        }
        try db.execute(sql: "DELETE FROM entity WHERE id = ?", arguments: [from])
    }
}
