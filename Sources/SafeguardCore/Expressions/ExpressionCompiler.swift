/// The static checker and compiler: resolves field paths to slots, checks types, and produces closures.
///
/// All errors are found here, before any rule runs; evaluation itself cannot fail.
struct ExpressionCompiler {
    let schema: FactSchema
    let signs: SignTable
    /// True while compiling the filter of an aggregate: evidence fields (`sign`, `date`) are in scope.
    var inFilter = false
    /// The evidence filters of the aggregates compiled so far (nil: all evidence), used to list a
    /// finding's evidence.
    var evidenceFilters: [(@Sendable (EvaluationContext) -> Bool?)?] = []

    init(schema: FactSchema, signs: SignTable) {
        self.schema = schema
        self.signs = signs
    }

    func fail(_ node: SyntaxNode, _ code: String, _ message: String, suggestion: String? = nil) -> ExpressionError {
        ExpressionError(code: code, message: message, offset: node.offset, length: node.length, suggestion: suggestion)
    }

    /// Compiles a condition that must be true/false.
    mutating func condition(_ node: SyntaxNode) throws(ExpressionError) -> @Sendable (EvaluationContext) -> Bool? {
        let compiled = try self.compile(node)
        guard case .bool(let test) = compiled else {
            throw self.fail(
                node, "type-mismatch",
                "a condition must be true or false, but this is \(compiled.type.article); compare it, e.g. `... > 0`")
        }
        return test
    }

    mutating func compile(_ node: SyntaxNode) throws(ExpressionError) -> Compiled {
        switch node.syntax {
        case .number(let value): return .number { _ in value }
        case .string(let value): return .string { _ in value }
        case .bool(let value): return .bool { _ in value }
        case .date(let day):
            let days = day.daysSinceEpoch
            return .date { _ in days }
        case .duration(let days): return .duration { _ in days }
        case .today: return .date { $0.today }
        case .path(let path): return try self.path(path, node)
        case .list(let items): return try self.list(items, node)
        case .not(let operand):
            let test = try self.condition(operand)
            return .bool { ctx in test(ctx).map { !$0 } }
        case .negate(let operand):
            switch try self.compile(operand) {
            case .number(let f): return .number { ctx in f(ctx).map { -$0 } }
            case .duration(let f): return .duration { ctx in f(ctx).map { -$0 } }
            case let other:
                throw self.fail(node, "type-mismatch", "cannot negate \(other.type.article)")
            }
        case .binary(let op, let left, let right):
            return try self.binary(op, left, right, node)
        case .call(let name, let arguments):
            return try self.call(name, arguments, node)
        case .aggregate(let name, let field, let filter):
            return try self.aggregate(name, field: field, filter: filter, node)
        }
    }

    mutating func list(_ items: [SyntaxNode], _ node: SyntaxNode) throws(ExpressionError) -> Compiled {
        var values: [String] = []
        for item in items {
            switch item.syntax {
            case .string(let text): values.append(text)
            case .number(let number): values.append(NumberFormat.short(number))
            default:
                throw self.fail(item, "list-literal", "list items must be text or numbers written out, e.g. [\"a\", \"b\"]")
            }
        }
        let constant = values
        return .list { _ in constant }
    }

    func path(_ path: String, _ node: SyntaxNode) throws(ExpressionError) -> Compiled {
        if self.inFilter, let field = FactSchema.evidenceFields.first(where: { $0.0 == path }) {
            return self.evidenceField(field.0)
        }
        if path == "evidence" || path.hasPrefix("evidence.") {
            throw self.fail(
                node, "evidence-outside-aggregate",
                "the evidence list is read through an aggregate, e.g. `count(evidence where sign == \"condoms\")`")
        }
        guard let slot = self.schema.slot(of: path) else {
            var candidates = self.schema.fields.map(\.path)
            if self.inFilter {
                candidates += FactSchema.evidenceFields.map(\.0)
            }
            let prefix = path.split(separator: ".").first.map(String.init) ?? path
            if let other = EntityKind(rawValue: prefix), other != self.schema.kind {
                throw self.fail(
                    node, "wrong-kind-field",
                    "`\(path)` would be a \(other.rawValue) field, but this rule applies to \(self.schema.kind.rawValue)")
            }
            let hint = self.inFilter ? " (inside `where`, evidence fields are sign, source, source_id, date, origin, snippet, weight, kind)" : ""
            throw self.fail(
                node, "unknown-field", "\(self.schema.kind.rawValue) facts have no field `\(path)`\(hint)",
                suggestion: Suggest.closest(to: path, in: candidates))
        }
        switch self.schema.fields[slot].type {
        case .number:
            return .number { ctx in
                let value = ctx.numbers[slot]
                return value.isNaN ? nil : value
            }
        case .string:
            return .string { ctx in ctx.strings[slot] }
        case .bool:
            return .bool { ctx in
                let flag = ctx.flags[slot]
                return flag < 0 ? nil : flag == 1
            }
        case .date:
            return .date { ctx in
                let day = ctx.dates[slot]
                return day == EvaluationContext.missingDay ? nil : day
            }
        case .list:
            return .list { ctx in ctx.lists[slot] }
        case .duration, .evidence:
            return .number { _ in nil }
        }
    }

    func evidenceField(_ name: String) -> Compiled {
        switch name {
        case "sign": return .string { ctx in ctx.items[ctx.current].sign }
        case "source": return .string { ctx in ctx.items[ctx.current].source.rawValue }
        case "source_id": return .string { ctx in ctx.items[ctx.current].sourceID }
        case "date":
            return .date { ctx in
                let day = ctx.days[ctx.current]
                return day == EvaluationContext.missingDay ? nil : day
            }
        case "origin": return .string { ctx in ctx.items[ctx.current].origin }
        case "snippet": return .string { ctx in ctx.items[ctx.current].snippet }
        case "weight": return .number { ctx in ctx.weights[ctx.current] }
        default:
            let names = ["concern", "weak", "good-practice", "unknown"]
            return .string { ctx in names[ctx.kindCodes[ctx.current]] }
        }
    }
}
