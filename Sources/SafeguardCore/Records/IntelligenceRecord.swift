/// Where an intelligence record came from.
public enum IntelligenceSource: String, Sendable, Hashable, Codable, CaseIterable {
    case returnInterview = "return-interview"
    case police
    case alcoholSeizure = "alcohol-seizure"
    case jointVisit = "joint-visit"
    case complaint
    case other
}

/// One intelligence record (return interview, police information, alcohol seizure, joint visit,
/// complaint) about a premises, a vehicle or a badge.
///
/// `summary` must already be pseudonymised when the record reaches the store.
public struct IntelligenceRecord: Sendable, Hashable, Codable {
    /// The record id given by the team that keeps the intelligence log.
    public var id: String
    /// The day of the information.
    public var date: CalendarDay
    /// Where it came from.
    public var source: IntelligenceSource
    /// The premises, vehicle or badge it is about.
    public var place: PlaceReference
    /// Sign ids given explicitly in the record (`signs.md`).
    public var signs: [String]
    /// The pseudonymised summary text.
    public var summary: String
    /// Evidence found in the summary and from the explicit signs.
    public var evidence: [Evidence]

    /// Creates an intelligence record.
    public init(
        id: String, date: CalendarDay, source: IntelligenceSource, place: PlaceReference, signs: [String] = [],
        summary: String, evidence: [Evidence] = []
    ) {
        self.id = id
        self.date = date
        self.source = source
        self.place = place
        self.signs = signs
        self.summary = summary
        self.evidence = evidence
    }
}
