import Logging
import PostgresNIO
import SafeguardStore

extension PostgresStore {
    /// The kinds of record an authority can share with a partner.
    public static let shareableKinds = ["fhrs", "licences", "taxis", "reviews", "reports", "intelligence"]

    /// Lets `partner` read this authority's records of `kinds` in its regional scope
    /// (`?scope=region`); sharing is explicit, per partner and per kind, and only the owner grants it.
    public func share(_ kinds: [String], with partner: String) throws {
        guard PostgresLocation.isValidAuthority(partner), partner != self.authority else {
            throw StoreError(code: "store.share.partner", message: "'\(partner)' is not another authority's id")
        }
        if let unknown = kinds.first(where: { !Self.shareableKinds.contains($0) }) {
            throw StoreError(
                code: "store.share.kind",
                message: "'\(unknown)' is not a kind of record; use \(Self.shareableKinds.joined(separator: ", "))")
        }
        try self.write { db, logger in
            for kind in kinds {
                try await db.rows(
                    "INSERT INTO sharing (partner, kind) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                    [.text(partner), .text(kind)], logger: logger)
            }
        }
    }

    /// Stops sharing `kinds` with `partner`.
    public func unshare(_ kinds: [String], with partner: String) throws {
        try self.write { db, logger in
            for kind in kinds {
                try await db.rows(
                    "DELETE FROM sharing WHERE partner = $1 AND kind = $2", [.text(partner), .text(kind)], logger: logger)
            }
        }
    }

    /// Runs one SQL statement in this store's read transaction (its authority and scope set) and
    /// returns the rows as text: what any query on this authority's connection can see.
    public func rawRows(_ sql: String) throws -> [[String?]] {
        try self.read { db, logger in
            var result: [[String?]] = []
            for try await row in try await db.query(PostgresQuery(unsafeSQL: sql), logger: logger) {
                result.append(try row.map { cell in
                    cell.bytes == nil ? nil : try cell.decode(String.self)
                })
            }
            return result
        }
    }

    /// Runs one SQL statement in this store's write transaction (for tests of what policies refuse).
    public func rawExecute(_ sql: String) throws {
        try self.write { db, logger in
            try await db.query(PostgresQuery(unsafeSQL: sql), logger: logger)
        }
    }
}
