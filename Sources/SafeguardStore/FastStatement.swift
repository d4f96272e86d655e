import GRDB
import GRDBSQLite

/// Binds and steps a GRDB prepared statement through the SQLite C API: the import hot path,
/// where building `StatementArguments` per row would cost more than the insert itself.
struct FastStatement {
    private let handle: OpaquePointer
    private var column: Int32 = 0
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(_ statement: Statement) {
        self.handle = statement.sqliteStatement
        sqlite3_reset(self.handle)
        sqlite3_clear_bindings(self.handle)
    }

    mutating func bind(_ value: String?) {
        self.column += 1
        if var value {
            let handle = self.handle
            let column = self.column
            value.withUTF8 { buffer in
                if buffer.isEmpty {
                    _ = sqlite3_bind_text(handle, column, "", 0, nil)
                } else {
                    buffer.withMemoryRebound(to: CChar.self) { chars in
                        _ = sqlite3_bind_text(handle, column, chars.baseAddress, Int32(chars.count), Self.transient)
                    }
                }
            }
        } else {
            sqlite3_bind_null(self.handle, self.column)
        }
    }

    /// Binds bytes of `buffer` as text without copying them (`SQLITE_STATIC`): the buffer must stay
    /// alive and unchanged until the statement has run. A nil span binds NULL.
    mutating func bind(_ buffer: UnsafeBufferPointer<UInt8>, _ span: Range<Int>?) {
        self.column += 1
        guard let span, let base = buffer.baseAddress else {
            sqlite3_bind_null(self.handle, self.column)
            return
        }
        let start = UnsafeRawPointer(base + span.lowerBound).assumingMemoryBound(to: CChar.self)
        _ = sqlite3_bind_text(self.handle, self.column, start, Int32(span.count), nil)
    }

    mutating func bind(_ value: Int64?) {
        self.column += 1
        if let value { sqlite3_bind_int64(self.handle, self.column, value) } else { sqlite3_bind_null(self.handle, self.column) }
    }

    mutating func bind(_ value: Int?) { self.bind(value.map(Int64.init)) }

    mutating func bind(_ value: Bool?) { self.bind(value.map { $0 ? Int64(1) : Int64(0) }) }

    mutating func bind(_ value: Double?) {
        self.column += 1
        if let value { sqlite3_bind_double(self.handle, self.column, value) } else { sqlite3_bind_null(self.handle, self.column) }
    }

    /// Runs the statement (for INSERT/UPDATE) and resets it for the next row.
    mutating func run() throws {
        let code = sqlite3_step(self.handle)
        defer { self.reset() }
        guard code == SQLITE_DONE || code == SQLITE_ROW else { throw self.error(code) }
    }

    /// Steps a query expecting at most one row; `read` sees the row's columns.
    mutating func first<T>(_ read: (OpaquePointer) -> T) throws -> T? {
        let code = sqlite3_step(self.handle)
        defer { self.reset() }
        if code == SQLITE_ROW { return read(self.handle) }
        guard code == SQLITE_DONE else { throw self.error(code) }
        return nil
    }

    /// Steps a query to its end; `read` sees each row's columns.
    mutating func all<T>(_ read: (OpaquePointer) -> T) throws -> [T] {
        defer { self.reset() }
        var rows: [T] = []
        while true {
            let code = sqlite3_step(self.handle)
            if code == SQLITE_ROW {
                rows.append(read(self.handle))
                continue
            }
            guard code == SQLITE_DONE else { throw self.error(code) }
            return rows
        }
    }

    private mutating func reset() {
        sqlite3_reset(self.handle)
        sqlite3_clear_bindings(self.handle)
        self.column = 0
    }

    private func error(_ code: Int32) -> StoreError {
        let message = sqlite3_errmsg(sqlite3_db_handle(self.handle)).map { String(cString: $0) } ?? "error \(code)"
        return StoreError(code: "store.sqlite", message: "the database refused a write: \(message)")
    }
}
