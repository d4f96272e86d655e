/// Where a piece of evidence came from. Independent sources corroborate each other.
public enum EvidenceSource: String, Sendable, Hashable, Codable, CaseIterable {
    /// A review-site review (pseudonymised before storage).
    case review
    /// A whistle-blowing report from a driver, hotel worker, licence holder or member of the public.
    case report
    /// An intelligence record (return interview, police, alcohol seizure, complaint, ...).
    case intelligence
    /// Findings of a joint licensing task-force visit.
    case visit
    /// A licence register or FHRS feed fact.
    case register
}

/// One observed sign about an entity: the unit that rules count, date and explain.
///
/// The snippet is always pseudonymised text: evidence never carries personal data in the clear.
public struct Evidence: Sendable, Hashable, Codable {
    /// Sign id from `signs.md` / `rules/hotels/signs.yaml` (for example `condoms`).
    public var sign: String
    /// The kind of source it came from.
    public var source: EvidenceSource
    /// The id of the source document (review id, report receipt code, intelligence record id).
    public var sourceID: String
    /// The day the source document is dated (review date, report date), when known.
    public var date: CalendarDay?
    /// A short pseudonymised quotation that shows the sign.
    public var snippet: String
    /// Name of the originating site or organisation (for example `booking.com`, `police`), when known.
    public var origin: String?

    /// Creates an evidence item.
    public init(
        sign: String, source: EvidenceSource, sourceID: String, date: CalendarDay?, snippet: String,
        origin: String? = nil
    ) {
        self.sign = sign
        self.source = source
        self.sourceID = sourceID
        self.date = date
        self.snippet = snippet
        self.origin = origin
    }
}
