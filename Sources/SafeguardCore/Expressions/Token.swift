/// A lexical token of the condition-expression language, with its position in the expression text.
public struct Token: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case number(Double)
        case string(String)
        case date(CalendarDay)
        /// A word or dotted field path: `driver.dbs.last_status_check`, `and`, `count`.
        case identifier(String)
        case symbol(String)
        case end
    }

    public var kind: Kind
    /// Offset of the first Unicode scalar of the token in the expression text.
    public var offset: Int
    /// Length in Unicode scalars.
    public var length: Int

    var text: String {
        switch self.kind {
        case .number(let value): return NumberFormat.short(value)
        case .string(let value): return "\"\(value)\""
        case .date(let value): return value.description
        case .identifier(let name): return name
        case .symbol(let symbol): return symbol
        case .end: return "end of expression"
        }
    }
}

/// A problem in an expression, located by Unicode-scalar offset in the expression text.
public struct ExpressionError: Error, Sendable, Hashable {
    public var code: String
    public var message: String
    public var offset: Int
    public var length: Int
    public var suggestion: String?

    public init(code: String, message: String, offset: Int, length: Int, suggestion: String? = nil) {
        self.code = code
        self.message = message
        self.offset = offset
        self.length = length
        self.suggestion = suggestion
    }
}
