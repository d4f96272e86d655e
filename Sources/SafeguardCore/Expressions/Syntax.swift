/// A parsed expression: what the parser produces and the checker compiles.
public indirect enum Syntax: Sendable, Hashable {
    case number(Double)
    case string(String)
    case bool(Bool)
    case date(CalendarDay)
    /// A duration literal in days (`6 months` = 182.625 days).
    case duration(Double)
    /// `today`: the evaluation day.
    case today
    /// A field path (`driver.dbs.issued_on`) or, inside a filter, an evidence field (`sign`).
    case path(String)
    case list([SyntaxNode])
    case not(SyntaxNode)
    case negate(SyntaxNode)
    case binary(BinaryOperator, SyntaxNode, SyntaxNode)
    /// A function call such as `days_since(driver.dbs.issued_on)`.
    case call(String, [SyntaxNode])
    /// An aggregate over evidence: `count(evidence where sign == "condoms")`, `max(evidence.date)`.
    case aggregate(String, field: String?, filter: SyntaxNode?)
}

/// Binary operators, loosest binding first in the grammar.
public enum BinaryOperator: String, Sendable, Hashable {
    case or, and
    case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    case `in`, notIn = "not in", contains, matches
    case plus = "+", minus = "-", times = "*", divide = "/"
}

/// A syntax tree node with its place in the expression text.
public struct SyntaxNode: Sendable, Hashable {
    public var syntax: Syntax
    /// Offset of the first Unicode scalar of this node's text.
    public var offset: Int
    /// Length in Unicode scalars.
    public var length: Int

    public init(_ syntax: Syntax, offset: Int, length: Int) {
        self.syntax = syntax
        self.offset = offset
        self.length = length
    }
}
