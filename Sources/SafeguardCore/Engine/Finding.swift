/// A rule that fired for an entity: what it found, on which evidence, why, and where the rule comes from.
public struct Finding: Sendable, Hashable, Codable {
    /// The rule id (`driver-dbs-update-check-stale`, or `sign/condoms` for hotel sign scoring).
    public var ruleID: String
    public var title: String
    /// The rule's weight, when it has one.
    public var weight: Double?
    /// The band the rule raises the entity to at least, when it has one.
    public var outcome: String?
    /// Points this finding added to the score (negative for good practice).
    public var contribution: Double
    /// The evidence items that satisfied the rule (pseudonymised snippets only).
    public var evidence: [Evidence]
    /// The rendered explanation.
    public var explanation: String
    /// The rule's source citation (report paragraph, statutory guidance).
    public var source: String

    public init(
        ruleID: String, title: String, weight: Double?, outcome: String?, contribution: Double, evidence: [Evidence],
        explanation: String, source: String
    ) {
        self.ruleID = ruleID
        self.title = title
        self.weight = weight
        self.outcome = outcome
        self.contribution = contribution
        self.evidence = evidence
        self.explanation = explanation
        self.source = source
    }

    enum CodingKeys: String, CodingKey {
        case ruleID = "rule", title, weight, outcome, contribution, evidence, explanation, source
    }
}

/// A rule that did not fire, and why ("why not flagged?").
public struct Miss: Sendable, Hashable, Codable {
    public var ruleID: String
    public var title: String
    /// Which part of the condition was not met, with the values seen.
    public var reason: String
    public var source: String

    public init(ruleID: String, title: String, reason: String, source: String) {
        self.ruleID = ruleID
        self.title = title
        self.reason = reason
        self.source = source
    }

    enum CodingKeys: String, CodingKey {
        case ruleID = "rule", title, reason, source
    }
}

/// A licensing condition recommended for an application, with why it is proportionate.
public struct RecommendedCondition: Sendable, Hashable, Codable {
    public var id: String
    public var title: String
    public var wording: String
    public var proportionality: String
    public var explanation: String
    public var source: String

    public init(id: String, title: String, wording: String, proportionality: String, explanation: String, source: String) {
        self.id = id
        self.title = title
        self.wording = wording
        self.proportionality = proportionality
        self.explanation = explanation
        self.source = source
    }
}
