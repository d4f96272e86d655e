extension Parser {
    mutating func primary() throws(ExpressionError) -> SyntaxNode {
        let token = self.advance()
        switch token.kind {
        case .number(let value):
            if case .identifier(let unit) = self.peek.kind, let days = Parser.units[unit] {
                let unitToken = self.advance()
                return SyntaxNode(
                    .duration(value * days), offset: token.offset, length: unitToken.offset + unitToken.length - token.offset)
            }
            return SyntaxNode(.number(value), offset: token.offset, length: token.length)
        case .string(let value):
            return SyntaxNode(.string(value), offset: token.offset, length: token.length)
        case .date(let day):
            return SyntaxNode(.date(day), offset: token.offset, length: token.length)
        case .symbol("("):
            let inner = try self.expression()
            let close = try self.expect(")", "to close the `(`")
            return SyntaxNode(inner.syntax, offset: token.offset, length: close.offset + 1 - token.offset)
        case .symbol("["):
            var items: [SyntaxNode] = []
            if !self.isSymbol("]") {
                repeat {
                    if !items.isEmpty { _ = self.advance() }
                    items.append(try self.additive())
                } while self.isSymbol(",")
            }
            let close = try self.expect("]", "to close the list")
            return SyntaxNode(.list(items), offset: token.offset, length: close.offset + 1 - token.offset)
        case .identifier(let name):
            return try self.word(name, token)
        case .end:
            throw ExpressionError(
                code: "unexpected-end", message: "the condition ends too early: a value is missing",
                offset: token.offset, length: 0)
        case .symbol(let symbol):
            throw ExpressionError(
                code: "unexpected-token", message: "expected a value, found `\(symbol)`", offset: token.offset,
                length: token.length)
        }
    }

    mutating func word(_ name: String, _ token: Token) throws(ExpressionError) -> SyntaxNode {
        switch name {
        case "true": return SyntaxNode(.bool(true), offset: token.offset, length: token.length)
        case "false": return SyntaxNode(.bool(false), offset: token.offset, length: token.length)
        case "today": return SyntaxNode(.today, offset: token.offset, length: token.length)
        default: break
        }
        if self.isSymbol("(") {
            _ = self.advance()
            if Parser.aggregates.contains(name) {
                return try self.aggregate(name, token)
            }
            var arguments: [SyntaxNode] = []
            if !self.isSymbol(")") {
                repeat {
                    if !arguments.isEmpty { _ = self.advance() }
                    arguments.append(try self.expression())
                } while self.isSymbol(",")
            }
            let close = try self.expect(")", "to close the call to `\(name)`")
            guard Parser.functions.contains(name) else {
                throw ExpressionError(
                    code: "unknown-function", message: "there is no function `\(name)`", offset: token.offset,
                    length: token.length,
                    suggestion: Suggest.closest(to: name, in: Parser.functions.union(Parser.aggregates)))
            }
            return SyntaxNode(.call(name, arguments), offset: token.offset, length: close.offset + 1 - token.offset)
        }
        if Parser.keywords.contains(name) && name != "evidence" {
            throw ExpressionError(
                code: "unexpected-keyword", message: "`\(name)` cannot start a value here", offset: token.offset,
                length: token.length)
        }
        if Parser.aggregates.contains(name) || Parser.functions.contains(name) {
            throw ExpressionError(
                code: "missing-parenthesis", message: "`\(name)` is a function: write `\(name)(...)`",
                offset: token.offset, length: token.length)
        }
        return SyntaxNode(.path(name), offset: token.offset, length: token.length)
    }

    /// `name(evidence[.field] [where filter])`.
    mutating func aggregate(_ name: String, _ token: Token) throws(ExpressionError) -> SyntaxNode {
        let subject = self.advance()
        guard case .identifier(let path) = subject.kind, path == "evidence" || path.hasPrefix("evidence.") else {
            throw ExpressionError(
                code: "expected-evidence",
                message: "`\(name)` counts over the evidence list: write `\(name)(evidence where ...)`",
                offset: subject.offset, length: max(1, subject.length))
        }
        let field = path == "evidence" ? nil : String(path.dropFirst("evidence.".count))
        var filter: SyntaxNode?
        if self.isWord("where") {
            _ = self.advance()
            filter = try self.expression()
        }
        let close = try self.expect(")", "to close `\(name)(`")
        return SyntaxNode(
            .aggregate(name, field: field, filter: filter), offset: token.offset, length: close.offset + 1 - token.offset)
    }
}
