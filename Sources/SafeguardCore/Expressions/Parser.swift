/// Recursive-descent parser for the condition-expression language (grammar in docs/rules.md).
///
/// Never traps: every malformed input ends in an `ExpressionError` naming the offending token.
public struct Parser {
    /// Functions taking an evidence list: `name(evidence[.field] [where filter])`.
    public static let aggregates: Set<String> = [
        "count", "distinct_months", "distinct_sources", "distinct_documents", "any", "all", "sum", "max", "min",
        "latest", "earliest",
    ]
    /// Plain functions.
    public static let functions: Set<String> = ["days_since", "days_until", "missing", "present", "lower", "length"]
    /// Words that cannot be field names.
    public static let keywords: Set<String> = [
        "and", "or", "not", "in", "contains", "matches", "where", "true", "false", "today", "evidence",
    ]
    /// Duration units and their length in days.
    public static let units: [String: Double] = [
        "day": 1, "days": 1, "week": 7, "weeks": 7, "month": 30.4375, "months": 30.4375, "year": 365.25,
        "years": 365.25,
    ]

    var tokens: [Token]
    var position = 0
    var depth = 0

    /// Parses `text` into a syntax tree.
    public static func parse(_ text: String) throws(ExpressionError) -> SyntaxNode {
        var parser = Parser(tokens: try Lexer(text).tokenize())
        let node = try parser.expression()
        let next = parser.peek
        if next.kind != .end {
            throw ExpressionError(
                code: "unexpected-token",
                message: "unexpected `\(next.text)` after a complete condition: join conditions with `and` / `or`",
                offset: next.offset, length: next.length)
        }
        return node
    }

    var peek: Token { self.tokens[self.position] }

    mutating func advance() -> Token {
        let token = self.tokens[self.position]
        if self.position < self.tokens.count - 1 {
            self.position += 1
        }
        return token
    }

    func isWord(_ word: String) -> Bool {
        if case .identifier(let name) = self.peek.kind { return name == word }
        return false
    }

    func isSymbol(_ symbol: String) -> Bool {
        if case .symbol(let text) = self.peek.kind { return text == symbol }
        return false
    }

    mutating func expect(_ symbol: String, _ why: String) throws(ExpressionError) -> Token {
        guard self.isSymbol(symbol) else {
            throw ExpressionError(
                code: "expected-symbol", message: "expected `\(symbol)` \(why), found `\(self.peek.text)`",
                offset: self.peek.offset, length: max(1, self.peek.length))
        }
        return self.advance()
    }

    static func span(_ first: SyntaxNode, _ last: SyntaxNode) -> (Int, Int) {
        (first.offset, last.offset + last.length - first.offset)
    }

    mutating func expression() throws(ExpressionError) -> SyntaxNode {
        self.depth += 1
        defer { self.depth -= 1 }
        if self.depth > 64 {
            throw ExpressionError(
                code: "too-deep", message: "expression nests too deeply; split it into simpler rules",
                offset: self.peek.offset, length: 1)
        }
        return try self.or()
    }

    mutating func or() throws(ExpressionError) -> SyntaxNode {
        var left = try self.and()
        while self.isWord("or") {
            _ = self.advance()
            let right = try self.and()
            let (offset, length) = Self.span(left, right)
            left = SyntaxNode(.binary(.or, left, right), offset: offset, length: length)
        }
        return left
    }

    mutating func and() throws(ExpressionError) -> SyntaxNode {
        var left = try self.not()
        while self.isWord("and") {
            _ = self.advance()
            let right = try self.not()
            let (offset, length) = Self.span(left, right)
            left = SyntaxNode(.binary(.and, left, right), offset: offset, length: length)
        }
        return left
    }

    mutating func not() throws(ExpressionError) -> SyntaxNode {
        if self.isWord("not") {
            let token = self.advance()
            let operand = try self.not()
            return SyntaxNode(.not(operand), offset: token.offset, length: operand.offset + operand.length - token.offset)
        }
        return try self.comparison()
    }

    mutating func comparison() throws(ExpressionError) -> SyntaxNode {
        let left = try self.additive()
        var op: BinaryOperator?
        if case .symbol(let symbol) = self.peek.kind, let found = BinaryOperator(rawValue: symbol),
            [.equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual].contains(found)
        {
            op = found
            _ = self.advance()
        } else if self.isWord("in") || self.isWord("contains") || self.isWord("matches") {
            if case .identifier(let word) = self.advance().kind {
                op = BinaryOperator(rawValue: word)
            }
        } else if self.isWord("not"), case .identifier("in") = self.tokens[min(self.position + 1, self.tokens.count - 1)].kind {
            _ = self.advance()
            _ = self.advance()
            op = .notIn
        }
        guard let op else { return left }
        let right = try self.additive()
        let (offset, length) = Self.span(left, right)
        return SyntaxNode(.binary(op, left, right), offset: offset, length: length)
    }

    mutating func additive() throws(ExpressionError) -> SyntaxNode {
        var left = try self.multiplicative()
        while self.isSymbol("+") || self.isSymbol("-") {
            let op: BinaryOperator = self.isSymbol("+") ? .plus : .minus
            _ = self.advance()
            let right = try self.multiplicative()
            let (offset, length) = Self.span(left, right)
            left = SyntaxNode(.binary(op, left, right), offset: offset, length: length)
        }
        return left
    }

    mutating func multiplicative() throws(ExpressionError) -> SyntaxNode {
        var left = try self.unary()
        while self.isSymbol("*") || self.isSymbol("/") {
            let op: BinaryOperator = self.isSymbol("*") ? .times : .divide
            _ = self.advance()
            let right = try self.unary()
            let (offset, length) = Self.span(left, right)
            left = SyntaxNode(.binary(op, left, right), offset: offset, length: length)
        }
        return left
    }

    mutating func unary() throws(ExpressionError) -> SyntaxNode {
        if self.isSymbol("-") {
            let token = self.advance()
            let operand = try self.unary()
            return SyntaxNode(
                .negate(operand), offset: token.offset, length: operand.offset + operand.length - token.offset)
        }
        return try self.primary()
    }
}
