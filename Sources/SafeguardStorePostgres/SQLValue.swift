import Logging
import PostgresNIO

/// A value bound to a query parameter (text, integer, float, an array of ids, or NULL).
enum SQLValue: Sendable {
    case text(String?)
    case int(Int64?)
    case double(Double?)
    /// A `bigint[]`, bound as one: in `= ANY($1::bigint[])` the planner sees a constant array and
    /// hashes it. (An id list bound as text and cast in SQL was parsed again for every row a
    /// sequential scan read: 7.3 s instead of 0.09 s for 40,000 reviews against 2,400 hotels.)
    case ids([Int64])

    static func bool(_ flag: Bool?) -> SQLValue { .int(flag.map { $0 ? 1 : 0 }) }
    static func int(_ number: Int?) -> SQLValue { .int(number.map(Int64.init)) }
}

extension PostgresConnection {
    /// Runs `sql` with `$1…` bound to `values`, returning every row.
    @discardableResult
    func rows(_ sql: String, _ values: [SQLValue] = [], logger: Logger) async throws -> [PostgresRandomAccessRow] {
        var bindings = PostgresBindings(capacity: values.count)
        for value in values {
            switch value {
            case .text(let text?): bindings.append(text)
            case .int(let number?): bindings.append(number)
            case .double(let number?): bindings.append(number)
            case .ids(let ids): bindings.append(ids)
            case .text(nil), .int(nil), .double(nil): bindings.appendNull()
            }
        }
        var result: [PostgresRandomAccessRow] = []
        for try await row in try await self.query(PostgresQuery(unsafeSQL: sql, binds: bindings), logger: logger) {
            result.append(row.makeRandomAccess())
        }
        return result
    }
}

extension PostgresRandomAccessRow {
    func text(_ index: Int) throws -> String? { try self[index].decode(String?.self) }
    func int(_ index: Int) throws -> Int64? { try self[index].decode(Int64?.self) }
    func double(_ index: Int) throws -> Double? { try self[index].decode(Double?.self) }
    func bool(_ index: Int) throws -> Bool? { try self[index].decode(Bool?.self) }
}
