/// Splits an expression into tokens. Never traps: bad input becomes an `ExpressionError`.
public struct Lexer {
    let scalars: [Unicode.Scalar]

    /// Creates a lexer over `text`.
    public init(_ text: String) {
        self.scalars = Array(text.unicodeScalars)
    }

    /// All tokens, ending with `.end`.
    public func tokenize() throws(ExpressionError) -> [Token] {
        var tokens: [Token] = []
        var index = 0
        let count = self.scalars.count
        while index < count {
            let scalar = self.scalars[index]
            if scalar.properties.isWhitespace {
                index += 1
                continue
            }
            let start = index
            if Self.isDigit(scalar) {
                // A date YYYY-MM-DD or a number.
                if index + 10 <= count, let day = self.date(at: index) {
                    tokens.append(Token(kind: .date(day), offset: start, length: 10))
                    index += 10
                    continue
                }
                while index < count, Self.isDigit(self.scalars[index]) || self.scalars[index] == "_" {
                    index += 1
                }
                if index + 1 < count, self.scalars[index] == ".", Self.isDigit(self.scalars[index + 1]) {
                    index += 1
                    while index < count, Self.isDigit(self.scalars[index]) {
                        index += 1
                    }
                }
                let text = String(String.UnicodeScalarView(self.scalars[start..<index].filter { $0 != "_" }))
                guard let value = Double(text) else {
                    throw ExpressionError(
                        code: "bad-number", message: "`\(text)` is not a number", offset: start, length: index - start)
                }
                tokens.append(Token(kind: .number(value), offset: start, length: index - start))
                continue
            }
            if Self.isIdentifierStart(scalar) {
                while index < count, Self.isIdentifierPart(self.scalars[index]) {
                    index += 1
                }
                // A trailing dot is not part of a path.
                while index > start + 1, self.scalars[index - 1] == "." {
                    index -= 1
                }
                let name = String(String.UnicodeScalarView(self.scalars[start..<index]))
                tokens.append(Token(kind: .identifier(name), offset: start, length: index - start))
                continue
            }
            if scalar == "\"" || scalar == "'" {
                let quote = scalar
                index += 1
                var value = String.UnicodeScalarView()
                var closed = false
                while index < count {
                    let next = self.scalars[index]
                    if next == "\\", index + 1 < count {
                        value.append(self.scalars[index + 1])
                        index += 2
                        continue
                    }
                    if next == quote {
                        closed = true
                        index += 1
                        break
                    }
                    value.append(next)
                    index += 1
                }
                guard closed else {
                    throw ExpressionError(
                        code: "unterminated-string",
                        message: "text starting here is never closed: add the closing \(quote)",
                        offset: start, length: index - start)
                }
                tokens.append(Token(kind: .string(String(value)), offset: start, length: index - start))
                continue
            }
            let two = index + 1 < count ? String(String.UnicodeScalarView([scalar, self.scalars[index + 1]])) : ""
            if two == "&&" || two == "||" {
                tokens.append(Token(kind: .identifier(two == "&&" ? "and" : "or"), offset: start, length: 2))
                index += 2
                continue
            }
            if ["==", "!=", "<=", ">="].contains(two) {
                tokens.append(Token(kind: .symbol(two), offset: start, length: 2))
                index += 2
                continue
            }
            if "<>()[],+-*/!=".unicodeScalars.contains(scalar) {
                if scalar == "=" {
                    throw ExpressionError(
                        code: "single-equals", message: "use `==` to compare values", offset: start, length: 1,
                        suggestion: "==")
                }
                if scalar == "!" {
                    throw ExpressionError(
                        code: "bad-symbol", message: "use `not` to negate a condition", offset: start, length: 1,
                        suggestion: "not")
                }
                tokens.append(Token(kind: .symbol(String(scalar)), offset: start, length: 1))
                index += 1
                continue
            }
            throw ExpressionError(
                code: "unexpected-character", message: "unexpected character `\(scalar)`", offset: start, length: 1)
        }
        tokens.append(Token(kind: .end, offset: count, length: 0))
        return tokens
    }

    func date(at index: Int) -> CalendarDay? {
        let slice = self.scalars[index..<(index + 10)]
        guard slice[index + 4] == "-", slice[index + 7] == "-" else { return nil }
        if index + 10 < self.scalars.count, Self.isIdentifierPart(self.scalars[index + 10]) { return nil }
        return CalendarDay(iso: String(String.UnicodeScalarView(slice)))
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 48 && scalar.value <= 57
    }

    static func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value >= 65 && scalar.value <= 90) || (scalar.value >= 97 && scalar.value <= 122) || scalar == "_"
    }

    static func isIdentifierPart(_ scalar: Unicode.Scalar) -> Bool {
        self.isIdentifierStart(scalar) || self.isDigit(scalar) || scalar == "."
    }
}
