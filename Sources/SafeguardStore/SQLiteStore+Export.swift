import Foundation
import GRDB

extension SQLiteStore {
    /// The tables `safeguard db copy` moves, in an order that copies a referenced row before the
    /// rows that refer to it: the core tables, then the UPRNs and screening decisions of `screen`
    /// and the taxi register's history, NR3S searches and s.6 replies. Not the server's intake,
    /// partner tokens, officers or audit (sealed bytes, keyed hashes and sessions that belong to
    /// the server that made them).
    public static var copyOrder: [String] {
        Self.tables + ["entity_uprn", "screening_decision", "taxi_licence_history", "taxi_nr3s_search", "taxi_s6_reply"]
    }

    /// One batch of a table's rows for `safeguard db copy`: the columns in table order and the
    /// rows after `rowID` (SQLite's rowid, ascending), every value as text (nil for NULL).
    public func exportRows(table: String, afterRowID rowID: Int64, limit: Int) throws -> ExportBatch {
        guard Self.copyOrder.contains(table) else {
            throw StoreError(code: "store.export", message: "'\(table)' is not a Safeguard table")
        }
        return try self.writer.read { db in
            let columns = try db.columns(in: table).map(\.name)
            let cursor = try Row.fetchCursor(
                db, sql: "SELECT rowid, * FROM \(table) WHERE rowid > ? ORDER BY rowid LIMIT ?", arguments: [rowID, limit])
            var batch = ExportBatch(columns: columns, rows: [], lastRowID: rowID)
            while let row = try cursor.next() {
                var values: [String?] = []
                values.reserveCapacity(columns.count)
                for index in 1...columns.count {
                    switch row[index] as DatabaseValue {
                    case let value where value.isNull: values.append(nil)
                    case let value:
                        switch value.storage {
                        case .int64(let number): values.append(String(number))
                        case .double(let number): values.append(number.description)
                        case .string(let text): values.append(text)
                        case .blob(let data): values.append(data.base64EncodedString())
                        case .null: values.append(nil)
                        }
                    }
                }
                batch.lastRowID = row[0]
                batch.rows.append(values)
            }
            return batch
        }
    }

    /// How many rows `table` holds.
    public func count(table: String) throws -> Int {
        guard Self.copyOrder.contains(table) else {
            throw StoreError(code: "store.export", message: "'\(table)' is not a Safeguard table")
        }
        return try self.writer.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM \(table)") ?? 0 }
    }
}

/// Rows read from an SQLite table for copying elsewhere.
public struct ExportBatch: Sendable {
    /// Column names, in table order.
    public var columns: [String]
    /// Each row's values as text (nil for NULL), in column order.
    public var rows: [[String?]]
    /// The rowid of the last row (where the next batch starts).
    public var lastRowID: Int64
}
