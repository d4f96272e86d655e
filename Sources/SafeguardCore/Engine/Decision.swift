/// The engine's result for one entity: score, band, recommended action, findings with their evidence,
/// and the hash of the rules in force so the decision can be replayed.
///
/// A decision gives grounds for a visit, an interview or a representation; it never proves anything.
public struct Decision: Sendable, Hashable, Codable {
    public var entityID: String
    public var kind: EntityKind
    /// The day the decision was made for (ages and `days_since` count to it).
    public var asOf: CalendarDay
    public var score: Double
    /// The band id (e.g. `none`, `monitor`, `advisory-letter`, `visit`).
    public var band: String
    /// The band's recommended action.
    public var action: String
    public var findings: [Finding]
    /// Rules that did not fire, with the reason (only when asked for).
    public var misses: [Miss]
    /// Conditions worth asking for (applications).
    public var conditions: [RecommendedCondition]
    /// Problems with the facts (wrong type, unknown field): such facts are treated as unknown.
    public var factIssues: [String]
    /// Hex SHA-256 of the canonicalised rule files in force.
    public var rulesetHash: String

    public init(
        entityID: String, kind: EntityKind, asOf: CalendarDay, score: Double, band: String, action: String,
        findings: [Finding], misses: [Miss] = [], conditions: [RecommendedCondition] = [], factIssues: [String] = [],
        rulesetHash: String
    ) {
        self.entityID = entityID
        self.kind = kind
        self.asOf = asOf
        self.score = score
        self.band = band
        self.action = action
        self.findings = findings
        self.misses = misses
        self.conditions = conditions
        self.factIssues = factIssues
        self.rulesetHash = rulesetHash
    }

    enum CodingKeys: String, CodingKey {
        case entityID = "id", kind, asOf = "as-of", score, band, action, findings, misses, conditions
        case factIssues = "fact-issues", rulesetHash = "ruleset-hash"
    }
}
