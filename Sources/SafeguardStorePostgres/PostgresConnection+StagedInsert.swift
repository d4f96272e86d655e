import Logging
import PostgresNIO

extension PostgresConnection {
    /// Inserts rows into `table` through a staging table: `rows` (COPY text format, fields in the
    /// order `n`, then `columns`, where `n` orders the rows) go by COPY into a temporary table of
    /// the session with the same column types (created on first use, emptied at commit), then into
    /// `table` by one `INSERT … SELECT` in `n` order, which runs under the transaction's row-level
    /// security (PostgreSQL refuses COPY into a table with row-level security), followed by
    /// `onConflict` when given (an `ON CONFLICT …` clause). COPY's text format costs less than a
    /// JSON document at both ends.
    func insertStaged(
        into table: String, columns: [String], rows: ByteBuffer, onConflict: String = "", logger: Logger
    ) async throws {
        let stage = "\(table)_stage"
        let list = columns.joined(separator: ", ")
        try await self.rows(
            """
            CREATE TEMP TABLE IF NOT EXISTS \(stage) ON COMMIT DELETE ROWS AS
            SELECT 0::bigint AS n, \(list) FROM \(table) WITH NO DATA
            """, logger: logger)
        try await self.copyFrom(table: stage, columns: ["n"] + columns, logger: logger) { try await $0.write(rows) }
        try await self.rows(
            "INSERT INTO \(table) (\(list)) SELECT \(list) FROM \(stage) ORDER BY n \(onConflict)", logger: logger)
        // Emptied now too, for another batch in the same transaction.
        try await self.rows("DELETE FROM \(stage)", logger: logger)
    }
}
