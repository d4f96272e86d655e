import SafeguardCore

/// What screening one application found: the focus points that apply, the premises' history, the
/// band and action, the conditions worth asking for (and the volunteered steps that made others
/// unnecessary), and the representation window. Stored as JSON with the decision for replay; it
/// holds no applicant or DPS names.
public struct ScreeningResult: Sendable, Hashable, Codable {
    /// The premises as the application names them.
    public struct PremisesSummary: Sendable, Hashable, Codable {
        public var name: String
        public var address: String?
        public var postcode: String?
        public var uprn: String?
        public var type: String
    }

    /// A condition not asked for because the operating schedule already volunteers it.
    public struct VolunteeredCondition: Sendable, Hashable, Codable {
        public var id: String
        public var title: String
        /// The recognised steps that cover it.
        public var coveredBy: [String]

        enum CodingKeys: String, CodingKey {
            case id, title, coveredBy = "covered-by"
        }
    }

    /// `SCR-…`: the id of the stored decision (`safeguard screen --replay ID`).
    public var decisionID: String
    public var reference: String
    public var kind: String
    public var authority: String?
    public var received: CalendarDay
    public var asOf: CalendarDay
    public var premises: PremisesSummary
    public var band: String
    public var action: String
    public var score: Double
    /// True when the band is above the lowest: grounds for advice and, if that fails, a representation.
    public var representation: Bool
    /// The focus points and history rules that fired, each with evidence, explanation and source.
    public var findings: [Finding]
    /// Conditions to ask for, each with wording, why it is proportionate here and its source.
    public var conditions: [RecommendedCondition]
    /// Operating-schedule steps recognised as good practice already offered.
    public var volunteered: [RecognisedStep]
    /// Conditions that would have been asked for but the schedule already volunteers.
    public var notNeeded: [VolunteeredCondition]
    /// What the store knows about the premises; nil when nothing (or no store).
    public var history: PremisesHistory?
    public var window: RepresentationWindow
    /// Days left to make a representation as of `asOf` (0 when the window has closed).
    public var daysLeft: Int
    /// Warnings about the form (unknown fields) and facts the rules could not use.
    public var warnings: [String]
    /// Hex SHA-256 of the rules, calendar and letter template in force.
    public var rulesetHash: String
    /// Hex SHA-256 of the application file's bytes.
    public var inputHash: String

    enum CodingKeys: String, CodingKey {
        case decisionID = "decision-id", reference, kind, authority, received, asOf = "as-of", premises, band, action
        case score, representation, findings, conditions, volunteered, notNeeded = "not-needed", history, window
        case daysLeft = "days-left", warnings, rulesetHash = "ruleset-hash", inputHash = "input-hash"
    }
}
