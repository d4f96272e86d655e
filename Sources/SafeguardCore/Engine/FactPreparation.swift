/// Turns a facts dictionary into typed slots for the entity kind's schema, noting problems.
enum FactPreparation {
    /// Fills `ctx`'s typed slots from `facts`.
    static func fill(_ ctx: EvaluationContext, _ facts: EntityFacts, issues: inout [String]) {
        let schema = FactSchema.of(facts.kind)
        for (path, value) in facts.fields {
            guard let slot = schema.slot(of: path) else {
                var issue = "`\(path)` is not a \(facts.kind.rawValue) fact and was ignored"
                if let suggestion = Suggest.closest(to: path, in: schema.fields.map(\.path)) {
                    issue += " (did you mean `\(suggestion)`?)"
                }
                issues.append(issue)
                continue
            }
            let type = schema.fields[slot].type
            if let typed = self.coerce(value, to: type) {
                ctx.store(typed, at: slot)
            } else {
                issues.append("`\(path)` should be \(type.article)\(type == .date ? " (YYYY-MM-DD)" : ""); treated as unknown")
            }
        }
    }

    /// A ready context for `facts`.
    static func context(_ facts: EntityFacts, signs: SignTable, today: Int, issues: inout [String]) -> EvaluationContext {
        let ctx = EvaluationContext(
            slotCount: FactSchema.of(facts.kind).fields.count, evidence: facts.evidence, signs: signs, today: today)
        self.fill(ctx, facts, issues: &issues)
        return ctx
    }

    /// The value as `type`, `.null` for null, nil when it cannot be read as that type.
    static func coerce(_ value: FactValue, to type: ValueType) -> FactValue? {
        switch (value, type) {
        case (.null, _): return .null
        case (.number, .number), (.string, .string), (.bool, .bool), (.date, .date), (.list, .list): return value
        case (.string(let text), .date):
            if text.trimmingWhitespace.isEmpty { return .null }
            return CalendarDay(iso: text.trimmingWhitespace).map(FactValue.date)
        case (.string(let text), .number):
            if text.trimmingWhitespace.isEmpty { return .null }
            return Double(text.trimmingWhitespace).map(FactValue.number)
        case (.string(let text), .bool):
            switch text.trimmingWhitespace.lowercased() {
            case "yes", "true", "y": return .bool(true)
            case "no", "false", "n": return .bool(false)
            case "": return .null
            default: return nil
            }
        case (.number(let number), .bool) where number == 0 || number == 1: return .bool(number == 1)
        case (.number, .string), (.bool, .string): return .string(value.text)
        case (.string(let text), .list): return .list(text.isEmpty ? [] : [text])
        case (.date(let day), .string): return .string(day.description)
        default: return nil
        }
    }
}

extension String {
    var trimmingWhitespace: String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
