/// A checked, compiled set of rules: every expression parsed and type-checked against its entity
/// kind's schema, ready for the `Engine`. Identified by the SHA-256 of its rule files.
public struct RuleSet: Sendable {
    /// Hex SHA-256 of the canonicalised rule files (see docs/rules.md).
    public let hash: String
    /// The hotel signs (`rules/hotels/signs.yaml`).
    public let signs: [SignDefinition]
    /// The rules as written.
    public let rules: [RuleDefinition]
    /// The conditions library as written.
    public let conditions: [ConditionDefinition]
    /// Bands per kind, lowest first.
    public let bands: [EntityKind: [BandDefinition]]
    /// Evidence-based hotel scoring parameters, when `rules/hotels/scoring.yaml` has them.
    public let hotelScoring: HotelScoringParameters?
    /// The files it was read from.
    public let files: [String]
    /// Non-fatal problems found while checking.
    public let warnings: [RuleDiagnostic]

    /// The compiled form, shared by reference so engines never copy it.
    let compiled: CompiledRuleSet

    /// Checks and compiles `definition`; throws every problem found, each with its file:line:column.
    public init(compiling definition: RuleSetDefinition) throws(RuleSetError) {
        let table = SignTable(definition.signs)
        var compiler = RuleCompiler(signs: table)
        let kinds = EntityKind.allCases
        var bands: [[BandDefinition]] = kinds.map { (definition.bands[$0] ?? []).sorted { $0.minimumScore < $1.minimumScore } }
        // Scores below the lowest band fall in an implicit "none" band (before outcome ranks are taken).
        for (index, kindBands) in bands.enumerated() where (kindBands.first?.minimumScore ?? 0) > 0 {
            bands[index].insert(BandDefinition(id: "none", minimumScore: -Double.infinity, action: "No action"), at: 0)
        }
        var rules: [[CompiledRule]] = kinds.map { _ in [] }
        var conditions: [[CompiledCondition]] = kinds.map { _ in [] }
        for rule in definition.rules {
            let kindIndex = kinds.firstIndex(of: rule.appliesTo) ?? 0
            var rank: Int?
            if let outcome = rule.outcome {
                rank = bands[kindIndex].firstIndex { $0.id == outcome }
                if rank == nil {
                    let known = bands[kindIndex].map(\.id)
                    compiler.diagnostics.append(
                        RuleDiagnostic(
                            code: "unknown-outcome",
                            message: known.isEmpty
                                ? "rule `\(rule.id)` has outcome `\(outcome)` but no bands are defined for \(rule.appliesTo.rawValue); add `bands:`"
                                : "rule `\(rule.id)` has outcome `\(outcome)`, which is not a \(rule.appliesTo.rawValue) band (\(known.joined(separator: ", ")))",
                            location: rule.location, excerpt: outcome, suggestion: Suggest.closest(to: outcome, in: known)))
                }
            }
            let template = compiler.template(rule.explain, kind: rule.appliesTo)
            guard let checked = compiler.condition(rule.when, kind: rule.appliesTo) else { continue }
            rules[kindIndex].append(
                CompiledRule(
                    definition: rule, condition: checked.test, conjuncts: checked.conjuncts,
                    evidenceFilters: checked.filters, template: template, outcomeRank: rank))
        }
        for condition in definition.conditions {
            let kindIndex = kinds.firstIndex(of: condition.appliesTo) ?? 0
            let template = compiler.template(condition.explain, kind: condition.appliesTo)
            guard let checked = compiler.condition(condition.when, kind: condition.appliesTo) else { continue }
            conditions[kindIndex].append(
                CompiledCondition(definition: condition, condition: checked.test, template: template))
        }
        let errors = compiler.diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty {
            throw RuleSetError(diagnostics: compiler.diagnostics)
        }
        self.hash = definition.hash
        self.signs = definition.signs
        self.rules = definition.rules
        self.conditions = definition.conditions
        self.bands = definition.bands
        self.hotelScoring = definition.hotelScoring
        self.files = definition.files
        self.warnings = compiler.diagnostics
        self.compiled = CompiledRuleSet(
            hash: definition.hash, signs: definition.signs, signTable: table, rules: rules, conditions: conditions,
            bands: bands, hotelScoring: definition.hotelScoring)
    }
}

/// The compiled rules, per entity kind (indexed by `EntityKind.allCases` position).
final class CompiledRuleSet: Sendable {
    let hash: String
    let signs: [SignDefinition]
    let signTable: SignTable
    let compiledRules: [[CompiledRule]]
    /// The rules' conditions per kind, flat, for the evaluation loop.
    let conditionsByKind: [ContiguousArray<ConditionBox>]
    let compiledConditions: [[CompiledCondition]]
    let sortedBands: [[BandDefinition]]
    let hotelScoring: HotelScoringParameters?

    init(
        hash: String, signs: [SignDefinition], signTable: SignTable, rules: [[CompiledRule]],
        conditions: [[CompiledCondition]], bands: [[BandDefinition]], hotelScoring: HotelScoringParameters?
    ) {
        self.hash = hash
        self.signs = signs
        self.signTable = signTable
        self.compiledRules = rules
        self.conditionsByKind = rules.map { ContiguousArray($0.map { ConditionBox(test: $0.condition) }) }
        self.compiledConditions = conditions
        self.sortedBands = bands
        self.hotelScoring = hotelScoring
    }
}

/// A condition closure in a struct, so arrays store it in its natural (thunk-free) representation.
struct ConditionBox: Sendable {
    let test: @Sendable (EvaluationContext) -> Bool?
}
