import Foundation
import Logging
import NIOCore
import PostgresNIO
import SafeguardStore

/// What `safeguard db copy` did to one table.
public struct TableCopy: Sendable, Hashable {
    public var table: String
    /// Rows in the SQLite table.
    public var sourceRows: Int
    /// Rows inserted by this run (0 for a table an earlier run finished).
    public var copied: Int
    /// Rows of this copy now in PostgreSQL.
    public var targetRows: Int
    /// Order-independent hashes of the rows' content (ids as in the SQLite file) on each side.
    public var sourceHash: UInt64
    public var targetHash: UInt64

    /// True when PostgreSQL holds exactly the SQLite rows.
    public var verified: Bool { self.sourceRows == self.targetRows && self.sourceHash == self.targetHash }
}

extension PostgresStore {
    /// The columns that hold another table's id, which the copy maps to that row's new id.
    static let copiedReferences: [String: [String: String]] = [
        "fhrs_establishment": ["entity_id": "entity"], "licence_case": ["entity_id": "entity"],
        "licence_event": ["case_id": "licence_case"], "taxi_driver": ["entity_id": "entity"],
        "taxi_vehicle": ["entity_id": "entity"], "review": ["entity_id": "entity"],
        "entity_link": ["entity_id": "entity"], "evidence": ["entity_id": "entity"],
        "link_candidate": ["entity_id": "entity", "candidate_id": "entity"], "entity_uprn": ["entity_id": "entity"],
    ]

    /// The tables whose `id` is a key of their own (a screening decision's `SCR-…`), copied as it
    /// is rather than renumbered from a sequence.
    static let naturalIDs: Set<String> = ["screening_decision"]

    /// True when `table`'s `id` column is a generated number the copy maps to a new one.
    static func mapsIDs(_ table: String, columns: [String]) -> Bool {
        columns.contains("id") && !Self.naturalIDs.contains(table)
    }

    /// Copies every entity, feed row, review, report, intelligence record, link and evidence row of
    /// an SQLite store, its screening decisions and learned UPRNs, and its taxi register's history,
    /// NR3S searches and s.6 replies into this store's authority (`safeguard db copy`; the tables
    /// of `SQLiteStore.copyOrder`).
    ///
    /// Each batch of `batchSize` rows goes in one transaction with the authority set: `COPY … FROM
    /// STDIN` into a temporary staging table (PostgreSQL refuses COPY into a table with row-level
    /// security), then `INSERT … SELECT` with new ids from the tables' own sequences (ids are
    /// shared by every authority in the database), recorded in `copy_map` under `source`. A copy cut
    /// short is resumed by running it again: rows already mapped are skipped, so nothing is stored
    /// twice (`progress`, told each table's rows after every batch, may throw to stop the copy
    /// there: what is committed stays). Then each table is verified: row counts and a content hash over every column (ids
    /// mapped back to the SQLite ones) must match.
    ///
    /// - Throws: `StoreError` when the authority already holds rows that did not come from this
    ///   source, or the schemas differ.
    public func copy(
        from sqlite: SQLiteStore, source: String, batchSize: Int = 5_000,
        progress: (String, Int) throws -> Void = { _, _ in }
    ) throws -> [TableCopy] {
        let resuming = try self.read { db, logger in
            try await db.rows("SELECT count(*) FROM copy_map WHERE source = $1", [.text(source)], logger: logger)[0].int(0)!
        } > 0
        if !resuming {
            let held = try self.tableCounts().values.reduce(0, +)
            guard held == 0 else {
                throw StoreError(
                    code: "store.copy.not-empty",
                    message: "authority '\(self.authority)' at \(self.location) already holds \(held) row(s) that did not come "
                        + "from '\(source)'; copy into an authority with no rows (or resume a copy with the same --source)")
            }
        }
        var results: [TableCopy] = []
        for table in SQLiteStore.copyOrder {
            var copied = 0
            var after: Int64 = 0
            var columns: [String] = []
            while true {
                let batch = try sqlite.exportRows(table: table, afterRowID: after, limit: batchSize)
                if columns.isEmpty { columns = try self.checkedColumns(table: table, sqliteColumns: batch.columns) }
                if batch.rows.isEmpty { break }
                copied += try self.copyBatch(table: table, columns: columns, rows: batch.rows, source: source)
                after = batch.lastRowID
                try progress(table, copied)
            }
            if columns.isEmpty { continue }
            let (sourceRows, sourceHash) = try Self.sourceDigest(sqlite, table: table, batchSize: batchSize)
            let (targetRows, targetHash) = try self.targetDigest(table: table, columns: columns, source: source)
            results.append(
                TableCopy(
                    table: table, sourceRows: sourceRows, copied: copied, targetRows: targetRows, sourceHash: sourceHash,
                    targetHash: targetHash))
        }
        return results
    }

    /// The SQLite columns, each of which PostgreSQL must have (else the copy would drop data).
    private func checkedColumns(table: String, sqliteColumns: [String]) throws -> [String] {
        let target = try self.read { db, logger in
            try await db.rows(
                "SELECT column_name::text FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1",
                [.text(table)], logger: logger
            ).map { try $0.text(0)! }
        }
        let missing = sqliteColumns.filter { !target.contains($0) }
        guard missing.isEmpty else {
            throw StoreError(
                code: "store.copy.schema",
                message: "PostgreSQL table \(table) has no column \(missing.joined(separator: ", ")): run `safeguard db migrate` "
                    + "on the PostgreSQL database with this version of safeguard, and on the SQLite file")
        }
        return sqliteColumns
    }

    /// One batch in one transaction: staged by COPY, mapped, inserted. Returns the rows inserted.
    private func copyBatch(table: String, columns: [String], rows: [[String?]], source: String) throws -> Int {
        let references = Self.copiedReferences[table] ?? [:]
        let hasID = Self.mapsIDs(table, columns: columns)
        let list = columns.joined(separator: ", ")
        var writer = CopyTextWriter(capacity: rows.count * 256)
        for row in rows {
            for value in row { writer.field(value) }
            writer.endRow()
        }
        let data = writer.buffer
        var joins = ""
        let values = columns.map { column -> String in
            if column == "id", hasID { return "m.new_id" }
            if references[column] != nil { return "r_\(column).new_id" }
            return "s.\(column)"
        }.joined(separator: ", ")
        if hasID { joins += " JOIN copy_map m ON m.source = $1 AND m.tbl = '\(table)' AND m.old_id = s.id" }
        for (column, referenced) in references.sorted(by: { $0.key < $1.key }) where columns.contains(column) {
            joins += " LEFT JOIN copy_map r_\(column) ON r_\(column).source = $1 AND r_\(column).tbl = '\(referenced)'"
                + " AND r_\(column).old_id = s.\(column)"
        }
        let joined = joins
        return try self.write(rows: rows.count) { db, logger in
            try await db.rows(
                "CREATE TEMP TABLE copy_stage ON COMMIT DROP AS SELECT \(list) FROM \(table) WITH NO DATA", logger: logger)
            try await db.copyFrom(table: "copy_stage", columns: columns, logger: logger) { writer in
                try await writer.write(data)
            }
            if hasID {
                try await db.rows(
                    """
                    INSERT INTO copy_map (source, tbl, old_id, new_id)
                    SELECT $1, '\(table)', s.id, nextval((SELECT pg_get_serial_sequence('\(table)', 'id'))::regclass)
                    FROM copy_stage s
                    WHERE NOT EXISTS (SELECT 1 FROM copy_map m WHERE m.source = $1 AND m.tbl = '\(table)' AND m.old_id = s.id)
                    ORDER BY s.id
                    """, [.text(source)], logger: logger)
            }
            let inserted = try await db.rows(
                """
                WITH inserted AS (
                    INSERT INTO \(table) (\(list)) SELECT \(values) FROM copy_stage s\(joined)
                    ON CONFLICT DO NOTHING RETURNING 1)
                SELECT count(*) FROM inserted
                """, hasID || !references.isEmpty ? [.text(source)] : [], logger: logger)
            return Int(try inserted[0].int(0)!)
        }
    }

    /// Count and content hash of an SQLite table.
    static func sourceDigest(_ sqlite: SQLiteStore, table: String, batchSize: Int) throws -> (Int, UInt64) {
        var count = 0
        var sum: UInt64 = 0
        var after: Int64 = 0
        while true {
            let batch = try sqlite.exportRows(table: table, afterRowID: after, limit: batchSize)
            if batch.rows.isEmpty { break }
            for row in batch.rows { sum &+= Self.rowHash(row) }
            count += batch.rows.count
            after = batch.lastRowID
        }
        return (count, sum)
    }

    /// Count and content hash of the copied rows in PostgreSQL, ids mapped back to the SQLite ones.
    private func targetDigest(table: String, columns: [String], source: String) throws -> (Int, UInt64) {
        let references = Self.copiedReferences[table] ?? [:]
        var joins = ""
        let values = columns.map { column -> String in
            if column == "id", Self.mapsIDs(table, columns: columns) { return "m.old_id::text" }
            if references[column] != nil { return "r_\(column).old_id::text" }
            return "t.\(column)::text"
        }.joined(separator: ", ")
        if Self.mapsIDs(table, columns: columns) {
            joins += " JOIN copy_map m ON m.source = $1 AND m.tbl = '\(table)' AND m.new_id = t.id"
        }
        for (column, referenced) in references.sorted(by: { $0.key < $1.key }) where columns.contains(column) {
            joins += " LEFT JOIN copy_map r_\(column) ON r_\(column).source = $1 AND r_\(column).tbl = '\(referenced)'"
                + " AND r_\(column).new_id = t.\(column)"
        }
        let parameters: [SQLValue] = joins.isEmpty ? [] : [.text(source)]
        let width = columns.count
        let joined = joins
        return try self.read { db, logger in
            var bindings = PostgresBindings()
            for case .text(let text?) in parameters { bindings.append(text) }
            let rows = try await db.query(
                PostgresQuery(unsafeSQL: "SELECT \(values) FROM \(table) t\(joined)", binds: bindings), logger: logger)
            var count = 0
            var sum: UInt64 = 0
            for try await row in rows {
                let random = row.makeRandomAccess()
                var texts: [String?] = []
                texts.reserveCapacity(width)
                for index in 0..<width { texts.append(try random[index].decode(String?.self)) }
                sum &+= Self.rowHash(texts)
                count += 1
            }
            return (count, sum)
        }
    }

    /// One row's hash over its values written the same way on both sides (numbers by value, so
    /// SQLite's `1.0` and PostgreSQL's `1` agree).
    static func rowHash(_ values: [String?]) -> UInt64 {
        var hash = ContentHash()
        for value in values {
            hash.add(value.map(Self.canonical) ?? "\u{0}NULL")
        }
        return UInt64(bitPattern: hash.int64)
    }

    static func canonical(_ text: String) -> String {
        if Int64(text) != nil { return text }
        guard let number = Double(text), number.isFinite, text.first.map({ $0.isNumber || $0 == "-" || $0 == "." }) == true
        else { return text }
        if number == number.rounded(), abs(number) < 9e15 { return String(Int64(number)) }
        return number.description
    }
}
