/// A rule as written in a rule file, before checking: `id`, `title`, `source`, `applies-to`,
/// `when`, `weight` or `outcome`, `explain`.
public struct RuleDefinition: Sendable, Hashable {
    public var id: String
    public var title: String
    /// Where the rule comes from (report paragraph, statutory guidance).
    public var source: String
    public var appliesTo: EntityKind
    /// The condition expression.
    public var when: ExpressionSource
    /// Points added to the entity's score when the rule fires.
    public var weight: Double?
    /// A band id the entity is raised to at least when the rule fires (e.g. `refer-to-committee`).
    public var outcome: String?
    /// The explanation template; `{expression}` placeholders are filled from the facts and evidence.
    public var explain: ExpressionSource?
    /// Where the rule is defined.
    public var location: SourceLocation?

    public init(
        id: String, title: String, source: String, appliesTo: EntityKind, when: ExpressionSource,
        weight: Double? = nil, outcome: String? = nil, explain: ExpressionSource? = nil, location: SourceLocation? = nil
    ) {
        self.id = id
        self.title = title
        self.source = source
        self.appliesTo = appliesTo
        self.when = when
        self.weight = weight
        self.outcome = outcome
        self.explain = explain
        self.location = location
    }
}

/// A score band: entities scoring at least `minimumScore` fall in it; its `action` is recommended.
public struct BandDefinition: Sendable, Hashable, Codable {
    public var id: String
    public var minimumScore: Double
    public var action: String
    public var location: SourceLocation?

    public init(id: String, minimumScore: Double, action: String, location: SourceLocation? = nil) {
        self.id = id
        self.minimumScore = minimumScore
        self.action = action
        self.location = location
    }
}

/// A licensing condition worth asking for (Sheffield-style library), recommended when `when` holds.
public struct ConditionDefinition: Sendable, Hashable {
    public var id: String
    public var title: String
    /// The condition as it would be worded on a licence.
    public var wording: String
    /// Why the condition is appropriate and proportionate (never blanket).
    public var proportionality: String
    public var source: String
    public var appliesTo: EntityKind
    public var when: ExpressionSource
    public var explain: ExpressionSource?
    public var location: SourceLocation?

    public init(
        id: String, title: String, wording: String, proportionality: String, source: String, appliesTo: EntityKind,
        when: ExpressionSource, explain: ExpressionSource? = nil, location: SourceLocation? = nil
    ) {
        self.id = id
        self.title = title
        self.wording = wording
        self.proportionality = proportionality
        self.source = source
        self.appliesTo = appliesTo
        self.when = when
        self.explain = explain
        self.location = location
    }
}

/// Everything a rule set is made of, as read from the rule files; `RuleSet(compiling:)` checks it.
public struct RuleSetDefinition: Sendable {
    public var rules: [RuleDefinition]
    /// Bands per entity kind, in any order (sorted by minimum score when compiled).
    public var bands: [EntityKind: [BandDefinition]]
    public var conditions: [ConditionDefinition]
    public var signs: [SignDefinition]
    /// Evidence-based hotel scoring parameters (`rules/hotels/scoring.yaml`), when present.
    public var hotelScoring: HotelScoringParameters?
    /// Hex SHA-256 of the canonicalised rule files.
    public var hash: String
    /// The files the rule set was read from (relative paths).
    public var files: [String]

    public init(
        rules: [RuleDefinition] = [], bands: [EntityKind: [BandDefinition]] = [:],
        conditions: [ConditionDefinition] = [], signs: [SignDefinition] = [],
        hotelScoring: HotelScoringParameters? = nil, hash: String = "", files: [String] = []
    ) {
        self.rules = rules
        self.bands = bands
        self.conditions = conditions
        self.signs = signs
        self.hotelScoring = hotelScoring
        self.hash = hash
        self.files = files
    }
}
