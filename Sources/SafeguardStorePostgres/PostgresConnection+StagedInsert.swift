import Logging
import PostgresNIO

extension PostgresConnection {
    /// Copies `rows` (COPY text format, fields in the order `n`, then `columns`, where `n` orders
    /// the rows) into a temporary table of the session with `table`'s column types (created on
    /// first use, emptied at commit), hands its name to `body`, and empties it again afterwards
    /// (for another batch in the same transaction). `body` writes from it to `table` under the
    /// transaction's row-level security: PostgreSQL refuses COPY into a table with row-level
    /// security. COPY's text format costs less than a JSON document at both ends.
    func withStaged(
        _ table: String, columns: [String], rows: ByteBuffer, logger: Logger,
        _ body: (_ stage: String) async throws -> Void
    ) async throws {
        let stage = "\(table)_stage"
        try await self.rows(
            """
            CREATE TEMP TABLE IF NOT EXISTS \(stage) ON COMMIT DELETE ROWS AS
            SELECT 0::bigint AS n, \(columns.joined(separator: ", ")) FROM \(table) WITH NO DATA
            """, logger: logger)
        try await self.copyFrom(table: stage, columns: ["n"] + columns, logger: logger) { try await $0.write(rows) }
        try await body(stage)
        try await self.rows("DELETE FROM \(stage)", logger: logger)
    }

    /// Inserts staged rows (see `withStaged`) into `table` by one `INSERT … SELECT` in `n` order,
    /// followed by `onConflict` when given (an `ON CONFLICT …` clause).
    func insertStaged(
        into table: String, columns: [String], rows: ByteBuffer, onConflict: String = "", logger: Logger
    ) async throws {
        let list = columns.joined(separator: ", ")
        try await self.withStaged(table, columns: columns, rows: rows, logger: logger) { stage in
            try await self.rows(
                "INSERT INTO \(table) (\(list)) SELECT \(list) FROM \(stage) ORDER BY n \(onConflict)", logger: logger)
        }
    }
}
