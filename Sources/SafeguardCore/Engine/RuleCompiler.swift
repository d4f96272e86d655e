/// Checks and compiles rule definitions: parse, resolve fields against the kind's schema, type-check.
struct RuleCompiler {
    let signs: SignTable
    var diagnostics: [RuleDiagnostic] = []

    init(signs: SignTable) {
        self.signs = signs
    }

    mutating func condition(
        _ source: ExpressionSource, kind: EntityKind
    ) -> (test: @Sendable (EvaluationContext) -> Bool?, conjuncts: [Conjunct], filters: [(@Sendable (EvaluationContext) -> Bool?)?])? {
        do throws(ExpressionError) {
            let node = try Parser.parse(source.text)
            var compiler = ExpressionCompiler(schema: .of(kind), signs: self.signs)
            let test = try compiler.condition(node)
            var conjuncts: [Conjunct] = []
            for part in Self.conjuncts(node) {
                var partCompiler = ExpressionCompiler(schema: .of(kind), signs: self.signs)
                let partTest = try partCompiler.condition(part)
                var operands: [(text: String, render: @Sendable (EvaluationContext) -> String)] = []
                if case .binary(let op, let left, let right) = part.syntax, op != .and, op != .or {
                    for operand in [left, right] where !Self.isLiteral(operand) {
                        operands.append(
                            (source.excerpt(offset: operand.offset, length: operand.length),
                             try partCompiler.compile(operand).render))
                    }
                }
                conjuncts.append(
                    Conjunct(text: source.excerpt(offset: part.offset, length: part.length), test: partTest, operands: operands))
            }
            return (test, conjuncts, compiler.evidenceFilters)
        } catch {
            self.diagnostics.append(source.diagnostic(error))
            return nil
        }
    }

    mutating func template(_ source: ExpressionSource?, kind: EntityKind) -> [TemplatePart] {
        guard let source else { return [] }
        let scalars = Array(source.text.unicodeScalars)
        var parts: [TemplatePart] = []
        var literal = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            guard scalar == "{" else {
                literal.append(scalar)
                index += 1
                continue
            }
            guard let close = scalars[index...].firstIndex(of: "}") else {
                self.diagnostics.append(
                    RuleDiagnostic(
                        code: "unclosed-placeholder", message: "a `{` placeholder in `explain` is never closed with `}`",
                        location: source.location(at: index), excerpt: "{"))
                return []
            }
            if !literal.isEmpty {
                parts.append(.text(String(literal)))
                literal = String.UnicodeScalarView()
            }
            let expression = String(String.UnicodeScalarView(scalars[(index + 1)..<close]))
            do throws(ExpressionError) {
                let node = try Parser.parse(expression)
                var compiler = ExpressionCompiler(schema: .of(kind), signs: self.signs)
                parts.append(.value(try compiler.compile(node).render))
            } catch {
                var shifted = error
                shifted.offset += index + 1
                self.diagnostics.append(source.diagnostic(shifted))
            }
            index = close + 1
        }
        if !literal.isEmpty {
            parts.append(.text(String(literal)))
        }
        // Trim the template once here, not every rendering.
        if case .text(let first) = parts.first {
            parts[0] = .text(String(first.drop { $0.isWhitespace }))
        }
        if case .text(let last) = parts.last {
            var text = Substring(last)
            while let character = text.last, character.isWhitespace {
                text.removeLast()
            }
            parts[parts.count - 1] = .text(String(text))
        }
        return parts
    }

    static func conjuncts(_ node: SyntaxNode) -> [SyntaxNode] {
        if case .binary(.and, let left, let right) = node.syntax {
            return self.conjuncts(left) + self.conjuncts(right)
        }
        return [node]
    }

    static func isLiteral(_ node: SyntaxNode) -> Bool {
        switch node.syntax {
        case .number, .string, .bool, .date, .duration, .list: return true
        default: return false
        }
    }
}
