/// Evaluates a checked `RuleSet` over entity facts and returns a `Decision` per entity.
///
/// Pure and thread-safe: no clock (the day is passed in), no I/O. Explanations are rendered only for
/// rules that fired; misses only when asked for.
public struct Engine: Sendable {
    /// The rules in force.
    public let ruleSet: RuleSet

    /// The hotel fact giving the number of reviews read (the review volume).
    static let reviewCountPath = "hotel.review_count"
    /// The derived hotel fact the engine fills from the evidence score: concern-bearing reviews beyond the
    /// background rate (rules use it so that review-only signs at a big hotel do not fire by volume alone).
    static let reviewExcessPath = "hotel.review_concern_excess"

    /// Creates an engine for `ruleSet`.
    let compiled: CompiledRuleSet

    public init(ruleSet: RuleSet) {
        self.ruleSet = ruleSet
        self.compiled = ruleSet.compiled
    }

    /// Evaluates every rule for `facts.kind` as of `asOf`.
    ///
    /// - Parameter explainMisses: also report rules that did not fire and which part failed.
    public func evaluate(_ facts: EntityFacts, asOf: CalendarDay, explainMisses: Bool = false) -> Decision {
        let compiled = self.compiled
        let kindIndex = EntityKind.allCases.firstIndex(of: facts.kind) ?? 0
        var issues: [String] = []
        let ctx = FactPreparation.context(
            facts, signs: compiled.signTable, today: asOf.daysSinceEpoch, issues: &issues)
        var score = 0.0
        var findings: [Finding] = []
        var misses: [Miss] = []
        var outcomeRank = -1
        if facts.kind == .hotel, let parameters = compiled.hotelScoring {
            let scorer = HotelScorer(parameters: parameters, signs: compiled.signs)
            let prepared = facts.evidence.map(compiled.signTable.prepare)
            let reviewCount = facts.fields[Self.reviewCountPath]
                .flatMap { FactPreparation.coerce($0, to: .number) }
                .flatMap { value -> Int? in
                    guard case .number(let number) = value, number.isFinite, number >= 0 else { return nil }
                    return Int(number)
                }
            let result = scorer.score(
                prepared, today: asOf.daysSinceEpoch, reviewCount: reviewCount, explainMisses: explainMisses)
            if let slot = FactSchema.hotel.slot(of: Self.reviewExcessPath) {
                ctx.store(.number(result.reviewExcess), at: slot)
            }
            score += result.score
            findings += result.findings
            misses += result.misses
        }
        var fired: [Int] = []
        compiled.conditionsByKind[kindIndex].withUnsafeBufferPointer { conditions in
            for index in 0..<conditions.count where conditions[index].test(ctx) == true {
                fired.append(index)
            }
        }
        let rules = compiled.compiledRules[kindIndex]
        for index in fired {
            let rule = rules[index]
            let weight = rule.definition.weight
            score += weight ?? 0
            if let rank = rule.outcomeRank, rank > outcomeRank {
                outcomeRank = rank
            }
            findings.append(
                Finding(
                    ruleID: rule.definition.id, title: rule.definition.title, weight: weight,
                    outcome: rule.definition.outcome, contribution: weight ?? 0, evidence: rule.evidence(ctx),
                    explanation: rule.render(ctx), source: rule.definition.source))
        }
        if explainMisses {
            var next = 0
            for (index, rule) in rules.enumerated() {
                if next < fired.count, fired[next] == index {
                    next += 1
                    continue
                }
                misses.append(
                    Miss(
                        ruleID: rule.definition.id, title: rule.definition.title, reason: rule.missReason(ctx),
                        source: rule.definition.source))
            }
        }
        var conditions: [RecommendedCondition] = []
        for condition in compiled.compiledConditions[kindIndex] where condition.condition(ctx) == true {
            let definition = condition.definition
            var explanation = ""
            for part in condition.template {
                switch part {
                case .text(let text): explanation += text
                case .value(let render): explanation += render(ctx)
                }
            }
            conditions.append(
                RecommendedCondition(
                    id: definition.id, title: definition.title, wording: definition.wording,
                    proportionality: definition.proportionality, explanation: explanation.trimmingWhitespace, source: definition.source))
        }
        let bands = compiled.sortedBands[kindIndex]
        var band = "none"
        var action = "No action"
        if !bands.isEmpty {
            var rank = 0
            for (index, candidate) in bands.enumerated() where score >= candidate.minimumScore {
                rank = index
            }
            rank = max(rank, outcomeRank)
            band = bands[rank].id
            action = bands[rank].action
        }
        return Decision(
            entityID: facts.id, kind: facts.kind, asOf: asOf, score: (score * 100).rounded() / 100, band: band,
            action: action, findings: findings, misses: misses, conditions: conditions, factIssues: issues,
            rulesetHash: compiled.hash)
    }
}
