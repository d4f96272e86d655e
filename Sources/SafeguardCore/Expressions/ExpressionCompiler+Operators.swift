/// Comparison, logic, membership and arithmetic.
extension ExpressionCompiler {
    mutating func binary(
        _ op: BinaryOperator, _ left: SyntaxNode, _ right: SyntaxNode, _ node: SyntaxNode
    ) throws(ExpressionError) -> Compiled {
        switch op {
        case .and:
            let l = try self.condition(left)
            let r = try self.condition(right)
            return .bool { ctx in
                let a = l(ctx)
                if a == false { return false }
                let b = r(ctx)
                if b == false { return false }
                return a == nil || b == nil ? nil : true
            }
        case .or:
            let l = try self.condition(left)
            let r = try self.condition(right)
            return .bool { ctx in
                let a = l(ctx)
                if a == true { return true }
                let b = r(ctx)
                if b == true { return true }
                return a == nil || b == nil ? nil : false
            }
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual:
            if let fast = try self.evidenceIdentityComparison(op, left, right) {
                return .bool(fast)
            }
            if let fused = self.fusedComparison(op, left, right) {
                return .bool(fused)
            }
            return .bool(try self.comparison(op, try self.compile(left), try self.compile(right), node))
        case .in, .notIn:
            let test = try self.membership(left, right, node)
            if op == .notIn {
                return .bool { ctx in test(ctx).map { !$0 } }
            }
            return .bool(test)
        case .contains:
            return .bool(try self.contains(try self.compile(left), try self.compile(right), node))
        case .matches:
            return .bool(try self.matches(left, right, node))
        case .plus, .minus, .times, .divide:
            return try self.arithmetic(op, try self.compile(left), try self.compile(right), node)
        }
    }

    func comparison(
        _ op: BinaryOperator, _ left: Compiled, _ right: Compiled, _ node: SyntaxNode
    ) throws(ExpressionError) -> @Sendable (EvaluationContext) -> Bool? {
        switch (left, right) {
        case (.number(let l), .number(let r)): return Self.ordered(op, l, r)
        case (.duration(let l), .duration(let r)): return Self.ordered(op, l, r)
        case (.date(let l), .date(let r)): return Self.ordered(op, l, r)
        case (.string(let l), .string(let r)):
            guard op == .equal || op == .notEqual else { break }
            return Self.ordered(op, l, r)
        case (.bool(let l), .bool(let r)):
            guard op == .equal || op == .notEqual else { break }
            let equal = op == .equal
            return { ctx in
                guard let a = l(ctx), let b = r(ctx) else { return nil }
                return (a == b) == equal
            }
        case (.duration, .number), (.number, .duration):
            throw self.fail(
                node, "type-mismatch",
                "cannot compare a duration with a plain number: give the number a unit, e.g. `180 days` or `6 months`")
        default:
            break
        }
        throw self.fail(
            node, "type-mismatch",
            "cannot compare \(left.type.article) with \(right.type.article) using `\(op.rawValue)`")
    }

    // Concrete (non-generic) comparisons: a generic version would wrap every operand closure in a
    // reabstraction thunk on the hot path.
    static func ordered(
        _ op: BinaryOperator, _ l: @escaping @Sendable (EvaluationContext) -> Double?,
        _ r: @escaping @Sendable (EvaluationContext) -> Double?
    ) -> @Sendable (EvaluationContext) -> Bool? {
        switch op {
        case .equal: return { ctx in guard let a = l(ctx), let b = r(ctx) else { return nil }; return a == b }
        case .notEqual: return { ctx in guard let a = l(ctx), let b = r(ctx) else { return nil }; return a != b }
        case .less: return { ctx in guard let a = l(ctx), let b = r(ctx) else { return nil }; return a < b }
        case .lessOrEqual: return { ctx in guard let a = l(ctx), let b = r(ctx) else { return nil }; return a <= b }
        case .greater: return { ctx in guard let a = l(ctx), let b = r(ctx) else { return nil }; return a > b }
        default: return { ctx in guard let a = l(ctx), let b = r(ctx) else { return nil }; return a >= b }
        }
    }

    static func ordered(
        _ op: BinaryOperator, _ l: @escaping @Sendable (EvaluationContext) -> Int?,
        _ r: @escaping @Sendable (EvaluationContext) -> Int?
    ) -> @Sendable (EvaluationContext) -> Bool? {
        switch op {
        case .equal: return { ctx in guard let a = l(ctx), let b = r(ctx) else { return nil }; return a == b }
        case .notEqual: return { ctx in guard let a = l(ctx), let b = r(ctx) else { return nil }; return a != b }
        case .less: return { ctx in guard let a = l(ctx), let b = r(ctx) else { return nil }; return a < b }
        case .lessOrEqual: return { ctx in guard let a = l(ctx), let b = r(ctx) else { return nil }; return a <= b }
        case .greater: return { ctx in guard let a = l(ctx), let b = r(ctx) else { return nil }; return a > b }
        default: return { ctx in guard let a = l(ctx), let b = r(ctx) else { return nil }; return a >= b }
        }
    }

    static func ordered(
        _ op: BinaryOperator, _ l: @escaping @Sendable (EvaluationContext) -> String?,
        _ r: @escaping @Sendable (EvaluationContext) -> String?
    ) -> @Sendable (EvaluationContext) -> Bool? {
        let equal = op == .equal
        return { ctx in
            guard let a = l(ctx), let b = r(ctx) else { return nil }
            return (a == b) == equal
        }
    }

    /// `sign == "condoms"` / `source == "review"` inside a filter: check the literal and compare integers.
    func evidenceIdentityComparison(
        _ op: BinaryOperator, _ left: SyntaxNode, _ right: SyntaxNode
    ) throws(ExpressionError) -> (@Sendable (EvaluationContext) -> Bool?)? {
        guard self.inFilter, op == .equal || op == .notEqual, case .path(let field) = left.syntax,
            case .string(let literal) = right.syntax
        else { return nil }
        let equal = op == .equal
        switch field {
        case "sign":
            let id = try self.signIndex(literal, right)
            return { ctx in (ctx.signIDs[ctx.current] == id) == equal }
        case "source":
            let index = try self.sourceIndex(literal, right)
            let code = EvidenceSource.index(of: EvidenceSource.allCases[index])
            return { ctx in (ctx.sourceIndexes[ctx.current] == code) == equal }
        case "kind":
            guard SignKind(rawValue: literal) != nil || literal == "unknown" else {
                throw self.fail(
                    right, "unknown-sign-kind", "sign kinds are concern, weak, good-practice (or unknown)",
                    suggestion: Suggest.closest(to: literal, in: SignKind.allCases.map(\.rawValue)))
            }
            let code = SignTable.kindCode(literal)
            return { ctx in (ctx.kindCodes[ctx.current] == code) == equal }
        default:
            return nil
        }
    }

    func signIndex(_ literal: String, _ node: SyntaxNode) throws(ExpressionError) -> Int {
        let id = self.signs.index(of: literal)
        if id == self.signs.unknown, !self.signs.ids.isEmpty {
            throw self.fail(
                node, "unknown-sign", "there is no sign `\(literal)` in rules/hotels/signs.yaml",
                suggestion: Suggest.closest(to: literal, in: self.signs.ids))
        }
        return id
    }

    func sourceIndex(_ literal: String, _ node: SyntaxNode) throws(ExpressionError) -> Int {
        guard let source = EvidenceSource(rawValue: literal), let index = EvidenceSource.allCases.firstIndex(of: source)
        else {
            throw self.fail(
                node, "unknown-source",
                "evidence sources are \(EvidenceSource.allCases.map(\.rawValue).joined(separator: ", "))",
                suggestion: Suggest.closest(to: literal, in: EvidenceSource.allCases.map(\.rawValue)))
        }
        return index
    }

    mutating func membership(
        _ left: SyntaxNode, _ right: SyntaxNode, _ node: SyntaxNode
    ) throws(ExpressionError) -> @Sendable (EvaluationContext) -> Bool? {
        // sign in ["a", "b"] inside a filter: integer set.
        if self.inFilter, case .path(let field) = left.syntax, field == "sign" || field == "source",
            case .list(let items) = right.syntax
        {
            var ids: [Int] = []
            for item in items {
                guard case .string(let literal) = item.syntax else {
                    throw self.fail(item, "type-mismatch", "list items here must be quoted \(field) ids")
                }
                ids.append(field == "sign" ? try self.signIndex(literal, item) : EvidenceSource.index(of: EvidenceSource.allCases[try self.sourceIndex(literal, item)]))
            }
            let constant = ids
            if field == "sign" {
                return { ctx in constant.contains(ctx.signIDs[ctx.current]) }
            }
            return { ctx in constant.contains(ctx.sourceIndexes[ctx.current]) }
        }
        let needle = try self.compile(left)
        let haystack = try self.compile(right)
        guard case .list(let list) = haystack else {
            throw self.fail(right, "type-mismatch", "`in` needs a list on its right, e.g. `in [\"a\", \"b\"]`")
        }
        switch needle {
        case .string(let value):
            return { ctx in
                guard let item = value(ctx), let items = list(ctx) else { return nil }
                return items.contains(item)
            }
        case .number(let value):
            return { ctx in
                guard let item = value(ctx), let items = list(ctx) else { return nil }
                return items.contains(NumberFormat.short(item))
            }
        default:
            throw self.fail(left, "type-mismatch", "only text or numbers can be looked up in a list")
        }
    }

    func contains(
        _ left: Compiled, _ right: Compiled, _ node: SyntaxNode
    ) throws(ExpressionError) -> @Sendable (EvaluationContext) -> Bool? {
        switch (left, right) {
        case (.list(let list), .string(let value)):
            return { ctx in
                guard let items = list(ctx), let item = value(ctx) else { return nil }
                return items.contains(item)
            }
        case (.string(let text), .string(let part)):
            return { ctx in
                guard let whole = text(ctx), let piece = part(ctx) else { return nil }
                return whole.lowercased().contains(piece.lowercased())
            }
        default:
            throw self.fail(
                node, "type-mismatch",
                "`contains` works on a list and an item, or on two texts; here it has \(left.type.article) and \(right.type.article)")
        }
    }

    mutating func matches(
        _ left: SyntaxNode, _ right: SyntaxNode, _ node: SyntaxNode
    ) throws(ExpressionError) -> @Sendable (EvaluationContext) -> Bool? {
        guard case .string(let text) = try self.compile(left) else {
            throw self.fail(left, "type-mismatch", "`matches` needs text on its left")
        }
        guard case .string(let pattern) = right.syntax else {
            throw self.fail(right, "pattern-literal", "the pattern after `matches` must be quoted text, e.g. \"hourly|by the hour\"")
        }
        let regex: CaseInsensitivePattern
        do {
            regex = try CaseInsensitivePattern(pattern)
        } catch {
            throw self.fail(right, "bad-pattern", "`\(pattern)` is not a valid regular expression")
        }
        return { ctx in
            guard let value = text(ctx) else { return nil }
            return regex.matches(value)
        }
    }

    func arithmetic(
        _ op: BinaryOperator, _ left: Compiled, _ right: Compiled, _ node: SyntaxNode
    ) throws(ExpressionError) -> Compiled {
        func combine(
            _ l: @escaping @Sendable (EvaluationContext) -> Double?, _ r: @escaping @Sendable (EvaluationContext) -> Double?
        ) -> @Sendable (EvaluationContext) -> Double? {
            switch op {
            case .plus: return { ctx in guard let a = l(ctx), let b = r(ctx) else { return nil }; return a + b }
            case .minus: return { ctx in guard let a = l(ctx), let b = r(ctx) else { return nil }; return a - b }
            case .times: return { ctx in guard let a = l(ctx), let b = r(ctx) else { return nil }; return a * b }
            default: return { ctx in guard let a = l(ctx), let b = r(ctx), b != 0 else { return nil }; return a / b }
            }
        }
        switch (left, right, op) {
        case (.number(let l), .number(let r), _): return .number(combine(l, r))
        case (.duration(let l), .duration(let r), .plus), (.duration(let l), .duration(let r), .minus):
            return .duration(combine(l, r))
        case (.duration(let l), .number(let r), .times), (.duration(let l), .number(let r), .divide):
            return .duration(combine(l, r))
        case (.date(let l), .duration(let r), .plus), (.date(let l), .duration(let r), .minus):
            let sign: Double = op == .plus ? 1 : -1
            return .date { ctx in
                guard let day = l(ctx), let days = r(ctx) else { return nil }
                return day + Int((sign * days).rounded())
            }
        case (.date(let l), .date(let r), .minus):
            return .duration { ctx in
                guard let a = l(ctx), let b = r(ctx) else { return nil }
                return Double(a - b)
            }
        default:
            throw self.fail(
                node, "type-mismatch", "cannot use `\(op.rawValue)` on \(left.type.article) and \(right.type.article)")
        }
    }
}
