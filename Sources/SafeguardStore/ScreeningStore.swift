import SafeguardCore

/// What application screening needs from the store: the history of the premises an application
/// names (looked up, never created), and the screening decisions kept for replay.
public protocol ScreeningStore: Sendable {
    /// The premises' history, resolved by UPRN when the store knows it, else by name + postcode
    /// (certain matches only); nil when the store knows no such premises.
    func premisesHistory(name: String, postcode: String?, uprn: String?) throws -> PremisesHistory?
    /// Keeps a screening decision (idempotent: the same id stores once).
    func recordScreening(_ record: ScreeningRecord) throws
    /// A stored screening decision, nil when there is none with that id.
    func screening(id: String) throws -> ScreeningRecord?
}

/// A stored screening decision: what the rules in force said, with the hashes that identify the
/// rules and the input, so it can be shown again (`safeguard screen --replay ID`).
public struct ScreeningRecord: Sendable, Hashable {
    /// `SCR-` and 16 hex digits of the input, ruleset and day screened.
    public var id: String
    public var reference: String
    public var asOf: CalendarDay
    /// Hex SHA-256 of the rule files (and calendar and template) in force.
    public var rulesetHash: String
    /// Hex SHA-256 of the application file's bytes.
    public var inputHash: String
    public var band: String
    /// The screening result as JSON (premises, findings, conditions, window; no applicant or DPS names).
    public var resultJSON: String

    /// Creates a record.
    public init(
        id: String, reference: String, asOf: CalendarDay, rulesetHash: String, inputHash: String, band: String,
        resultJSON: String
    ) {
        self.id = id
        self.reference = reference
        self.asOf = asOf
        self.rulesetHash = rulesetHash
        self.inputHash = inputHash
        self.band = band
        self.resultJSON = resultJSON
    }
}
