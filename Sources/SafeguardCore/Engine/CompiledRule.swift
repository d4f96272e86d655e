/// One part of an `explain` template: literal text or a placeholder expression.
enum TemplatePart: Sendable {
    case text(String)
    case value(@Sendable (EvaluationContext) -> String)
}

/// One top-level `and` part of a condition, kept to say which part failed ("why not flagged?").
struct Conjunct: Sendable {
    let text: String
    let test: @Sendable (EvaluationContext) -> Bool?
    /// Non-literal operands of a comparison, rendered to show the values seen.
    let operands: [(text: String, render: @Sendable (EvaluationContext) -> String)]
}

/// A checked rule ready to run (a class, so iterating rules costs one retain, not a struct copy).
final class CompiledRule: Sendable {
    let definition: RuleDefinition
    let condition: @Sendable (EvaluationContext) -> Bool?
    let conjuncts: [Conjunct]
    /// Filters of the aggregates in `when` (nil: all evidence), to list the evidence behind a finding.
    let evidenceFilters: [(@Sendable (EvaluationContext) -> Bool?)?]
    let template: [TemplatePart]
    /// Index of the outcome band in the kind's sorted bands.
    let outcomeRank: Int?

    init(
        definition: RuleDefinition, condition: @escaping @Sendable (EvaluationContext) -> Bool?, conjuncts: [Conjunct],
        evidenceFilters: [(@Sendable (EvaluationContext) -> Bool?)?], template: [TemplatePart], outcomeRank: Int?
    ) {
        self.definition = definition
        self.condition = condition
        self.conjuncts = conjuncts
        self.evidenceFilters = evidenceFilters
        self.template = template
        self.outcomeRank = outcomeRank
    }

    func render(_ ctx: EvaluationContext) -> String {
        if self.template.isEmpty {
            return self.definition.title
        }
        var text = ""
        text.reserveCapacity(96)
        for part in self.template {
            switch part {
            case .text(let literal): text += literal
            case .value(let render): text += render(ctx)
            }
        }
        return text
    }

    func evidence(_ ctx: EvaluationContext) -> [Evidence] {
        guard !self.evidenceFilters.isEmpty else { return [] }
        var items: [Evidence] = []
        for index in 0..<ctx.evidenceCount {
            var keep = false
            for filter in self.evidenceFilters {
                ctx.current = index
                if let filter {
                    if filter(ctx) == true {
                        keep = true
                        break
                    }
                } else {
                    keep = true
                    break
                }
            }
            if keep {
                items.append(ctx.items[index])
            }
        }
        return items
    }

    func missReason(_ ctx: EvaluationContext) -> String {
        var reasons: [String] = []
        for conjunct in self.conjuncts {
            let result = conjunct.test(ctx)
            if result == true { continue }
            var reason = "`\(conjunct.text)` is \(result == nil ? "unknown (a fact it needs is missing)" : "false")"
            let values = conjunct.operands.map { "\($0.text) = \($0.render(ctx))" }
            if !values.isEmpty {
                reason += " (\(values.joined(separator: ", ")))"
            }
            reasons.append(reason)
        }
        return reasons.isEmpty ? "the condition is not met" : reasons.joined(separator: "; ")
    }
}

/// A checked licensing condition.
final class CompiledCondition: Sendable {
    let definition: ConditionDefinition
    let condition: @Sendable (EvaluationContext) -> Bool?
    let template: [TemplatePart]

    init(definition: ConditionDefinition, condition: @escaping @Sendable (EvaluationContext) -> Bool?, template: [TemplatePart]) {
        self.definition = definition
        self.condition = condition
        self.template = template
    }
}
