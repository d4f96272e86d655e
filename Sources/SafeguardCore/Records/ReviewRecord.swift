/// A review-site review ready for storage: text already pseudonymised, signs already found.
///
/// The premises fields are kept as the site gave them; the store resolves them to an entity.
public struct ReviewRecord: Sendable, Hashable, Codable {
    /// The review id in its source (for Booking.com extracts: the 1-based data row).
    public var sourceID: String
    /// The site it came from (`booking.com`, `tripadvisor`).
    public var site: String
    /// The premises name as given.
    public var premisesName: String
    /// The premises address as given.
    public var address: String?
    /// The premises postcode as given.
    public var postcode: String?
    /// The review date.
    public var date: CalendarDay?
    /// The reviewer's score (1-10), when given.
    public var rating: Double?
    /// The pseudonymised review text.
    public var text: String
    /// Signs found in the text.
    public var evidence: [Evidence]

    /// Creates a review record.
    public init(
        sourceID: String, site: String, premisesName: String, address: String? = nil, postcode: String? = nil,
        date: CalendarDay? = nil, rating: Double? = nil, text: String, evidence: [Evidence] = []
    ) {
        self.sourceID = sourceID
        self.site = site
        self.premisesName = premisesName
        self.address = address
        self.postcode = postcode
        self.date = date
        self.rating = rating
        self.text = text
        self.evidence = evidence
    }
}
