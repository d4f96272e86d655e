/// What the store knows about the premises an application names: the entities it resolved to, the
/// signs seen in reviews, whistle-blowing reports and intelligence, and the licence register's cases.
public struct PremisesHistory: Sendable, Hashable, Codable {
    /// One case on the premises licence register (a licence, a variation, a review of the licence).
    public struct LicenceCase: Sendable, Hashable, Codable {
        public var caseReference: String
        public var serviceType: String?
        public var status: String?
        public var date: CalendarDay?
        /// True when the case is a review of a premises licence (s.51).
        public var isReview: Bool

        /// Creates a case.
        public init(caseReference: String, serviceType: String?, status: String?, date: CalendarDay?, isReview: Bool) {
            self.caseReference = caseReference
            self.serviceType = serviceType
            self.status = status
            self.date = date
            self.isReview = isReview
        }

        enum CodingKeys: String, CodingKey {
            case caseReference = "case-reference", serviceType = "service-type", status, date
            case isReview = "is-review"
        }
    }

    /// The store's entity ids ("E42").
    public var entityIDs: [String]
    /// How the premises were matched (`uprn`, `name+postcode`).
    public var matchedBy: String
    /// Signs seen at the premises, dated, pseudonymised, oldest first.
    public var evidence: [Evidence]
    /// Reviews, whistle-blowing reports and intelligence records linked to the premises.
    public var reviewCount: Int
    public var reportCount: Int
    public var intelligenceCount: Int
    /// The register's cases, newest first.
    public var licences: [LicenceCase]

    /// Creates a history.
    public init(
        entityIDs: [String], matchedBy: String, evidence: [Evidence], reviewCount: Int, reportCount: Int,
        intelligenceCount: Int, licences: [LicenceCase]
    ) {
        self.entityIDs = entityIDs
        self.matchedBy = matchedBy
        self.evidence = evidence
        self.reviewCount = reviewCount
        self.reportCount = reportCount
        self.intelligenceCount = intelligenceCount
        self.licences = licences
    }

    /// Reviews of a premises licence on the register.
    public var licenceReviews: Int { self.licences.filter(\.isReview).count }

    enum CodingKeys: String, CodingKey {
        case entityIDs = "entities", matchedBy = "matched-by", evidence, reviewCount = "reviews"
        case reportCount = "reports", intelligenceCount = "intelligence", licences
    }
}
