/// Functions (`days_since`, `missing`, ...) and aggregates over evidence (`count(evidence where ...)`).
extension ExpressionCompiler {
    mutating func call(_ name: String, _ arguments: [SyntaxNode], _ node: SyntaxNode) throws(ExpressionError) -> Compiled {
        guard arguments.count == 1 else {
            throw self.fail(node, "argument-count", "`\(name)` takes exactly one argument")
        }
        if name == "missing" || name == "present", let fused = self.fusedPresence(name, arguments[0]) {
            return .bool(fused)
        }
        let argument = try self.compile(arguments[0])
        switch (name, argument) {
        case ("days_since", .date(let day)):
            return .duration { ctx in day(ctx).map { Double(ctx.today - $0) } }
        case ("days_until", .date(let day)):
            return .duration { ctx in day(ctx).map { Double($0 - ctx.today) } }
        case ("missing", let value):
            let known = value.isKnown
            return .bool { ctx in !known(ctx) }
        case ("present", let value):
            return .bool(value.isKnown)
        case ("lower", .string(let text)):
            return .string { ctx in text(ctx)?.lowercased() }
        case ("length", .list(let list)):
            return .number { ctx in list(ctx).map { Double($0.count) } }
        case ("length", .string(let text)):
            return .number { ctx in text(ctx).map { Double($0.count) } }
        default:
            let wanted = ["days_since": "a date", "days_until": "a date", "lower": "text", "length": "a list or text"]
            throw self.fail(
                arguments[0], "type-mismatch",
                "`\(name)` needs \(wanted[name] ?? "a value"), but this is \(argument.type.article)")
        }
    }

    mutating func aggregate(
        _ name: String, field: String?, filter: SyntaxNode?, _ node: SyntaxNode
    ) throws(ExpressionError) -> Compiled {
        if self.inFilter {
            throw self.fail(node, "nested-aggregate", "aggregates cannot be nested inside a `where` filter")
        }
        var test: (@Sendable (EvaluationContext) -> Bool?)?
        if let filter {
            self.inFilter = true
            defer { self.inFilter = false }
            test = try self.condition(filter)
        }
        self.evidenceFilters.append(test)
        let keep: @Sendable (EvaluationContext) -> Bool
        if let test {
            keep = { ctx in test(ctx) == true }
        } else {
            keep = { _ in true }
        }
        let needsField = ["sum", "max", "min"].contains(name)
        if needsField, field == nil {
            throw self.fail(node, "aggregate-field", "`\(name)` needs a field: `\(name)(evidence.weight ...)` or `\(name)(evidence.date ...)`")
        }
        if !needsField, let field {
            throw self.fail(node, "aggregate-field", "`\(name)` counts whole items: write `\(name)(evidence ...)`, not `evidence.\(field)`")
        }
        switch name {
        case "count":
            guard let test else {
                return .number { ctx in Double(ctx.evidenceCount) }
            }
            return .number { ctx in
                var total = 0
                for index in 0..<ctx.evidenceCount {
                    ctx.current = index
                    if test(ctx) == true { total += 1 }
                }
                return Double(total)
            }
        case "any":
            guard let test else {
                return .bool { ctx in ctx.evidenceCount > 0 }
            }
            return .bool { ctx in
                for index in 0..<ctx.evidenceCount {
                    ctx.current = index
                    if test(ctx) == true { return true }
                }
                return false
            }
        case "all":
            guard let test else {
                throw self.fail(node, "aggregate-filter", "`all` needs a condition: `all(evidence where ...)`")
            }
            return .bool { ctx in
                for index in 0..<ctx.evidenceCount {
                    ctx.current = index
                    if test(ctx) != true { return false }
                }
                return true
            }
        case "distinct_months":
            return .number { ctx in Double(Self.distinct(ctx, keep, ctx.months)) }
        case "distinct_sources":
            return .number { ctx in Double(Self.distinct(ctx, keep, ctx.sourceIndexes)) }
        case "distinct_documents":
            return .number { ctx in
                var seen: [(Int, String)] = []
                for index in 0..<ctx.evidenceCount {
                    ctx.current = index
                    guard keep(ctx) else { continue }
                    let source = ctx.sourceIndexes[index]
                    let id = ctx.items[index].sourceID
                    if !seen.contains(where: { $0.0 == source && $0.1 == id }) {
                        seen.append((source, id))
                    }
                }
                return Double(seen.count)
            }
        case "latest", "earliest":
            let latest = name == "latest"
            return .date { ctx in Self.extremeDay(ctx, keep, latest) }
        default:
            return try self.fieldAggregate(name, field ?? "", keep, node)
        }
    }

    func fieldAggregate(
        _ name: String, _ field: String, _ keep: @escaping @Sendable (EvaluationContext) -> Bool, _ node: SyntaxNode
    ) throws(ExpressionError) -> Compiled {
        switch (name, field) {
        case ("sum", "weight"):
            return .number { ctx in
                var total = 0.0
                for index in 0..<ctx.evidenceCount {
                    ctx.current = index
                    if keep(ctx) { total += ctx.weights[index] }
                }
                return total
            }
        case ("max", "weight"), ("min", "weight"):
            let largest = name == "max"
            return .number { ctx in Self.extremeWeight(ctx, keep, largest) }
        case ("max", "date"), ("min", "date"):
            let largest = name == "max"
            return .date { ctx in Self.extremeDay(ctx, keep, largest) }
        default:
            throw self.fail(
                node, "aggregate-field",
                "`\(name)(evidence.\(field))` is not available: use `evidence.weight` (sum, max, min) or `evidence.date` (max, min)",
                suggestion: Suggest.closest(to: field, in: ["weight", "date"]))
        }
    }

    static func distinct(
        _ ctx: EvaluationContext, _ keep: @Sendable (EvaluationContext) -> Bool, _ column: UnsafeMutablePointer<Int>
    ) -> Int {
        let count = ctx.evidenceCount
        if count == 0 { return 0 }
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: count) { buffer in
            var used = 0
            for index in 0..<count {
                let value = column[index]
                guard value != EvaluationContext.missingDay else { continue }
                ctx.current = index
                guard keep(ctx) else { continue }
                var seen = false
                for position in 0..<used where buffer[position] == value {
                    seen = true
                    break
                }
                if !seen {
                    buffer[used] = value
                    used += 1
                }
            }
            return used
        }
    }

    static func extremeDay(_ ctx: EvaluationContext, _ keep: @Sendable (EvaluationContext) -> Bool, _ largest: Bool) -> Int? {
        var best: Int?
        for index in 0..<ctx.evidenceCount {
            let value = ctx.days[index]
            guard value != EvaluationContext.missingDay else { continue }
            ctx.current = index
            guard keep(ctx) else { continue }
            if let current = best {
                best = largest ? max(current, value) : min(current, value)
            } else {
                best = value
            }
        }
        return best
    }

    static func extremeWeight(_ ctx: EvaluationContext, _ keep: @Sendable (EvaluationContext) -> Bool, _ largest: Bool) -> Double? {
        var best: Double?
        for index in 0..<ctx.evidenceCount {
            ctx.current = index
            guard keep(ctx) else { continue }
            let value = ctx.weights[index]
            if let current = best {
                best = largest ? max(current, value) : min(current, value)
            } else {
                best = value
            }
        }
        return best
    }
}
