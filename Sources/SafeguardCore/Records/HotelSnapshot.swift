/// The current licence position of a premises, from the licence register's latest event.
public struct LicenceSummary: Sendable, Hashable, Codable {
    /// The licence case reference.
    public var caseReference: String
    /// The issuing council.
    public var organisation: String?
    /// `StatusLabel` of the latest event ("Granted", "Revoked"), when given.
    public var status: String?
    /// Date of the latest event.
    public var caseDate: CalendarDay?
    /// `ServiceTypeLabel`.
    public var serviceType: String?
    /// `AlcoholSupply`.
    public var alcoholSupply: String?
    /// `LateNightRefreshment`.
    public var lateNightRefreshment: String?
    /// `OpeningHours`.
    public var openingHours: String?
    /// How many register rows (history events) the case has.
    public var events: Int
    /// The register's extract date.
    public var extractDate: CalendarDay?

    /// Creates a licence summary.
    public init(
        caseReference: String, organisation: String? = nil, status: String? = nil, caseDate: CalendarDay? = nil,
        serviceType: String? = nil, alcoholSupply: String? = nil, lateNightRefreshment: String? = nil,
        openingHours: String? = nil, events: Int = 1, extractDate: CalendarDay? = nil
    ) {
        self.caseReference = caseReference
        self.organisation = organisation
        self.status = status
        self.caseDate = caseDate
        self.serviceType = serviceType
        self.alcoholSupply = alcoholSupply
        self.lateNightRefreshment = lateNightRefreshment
        self.openingHours = openingHours
        self.events = events
        self.extractDate = extractDate
    }
}

/// Everything the store knows about one hotel, for problem profiles (issue 5).
public struct HotelSnapshot: Sendable, Hashable, Codable {
    /// The resolved entity id ("E42") that ties the hotel's sources together.
    public var entityID: String
    /// The FHRS establishment as last imported.
    public var establishment: FHRSEstablishment
    /// Why it counts as a hotel.
    public var hotelBasis: HotelBasis
    /// The FHRS extract date it was last seen in.
    public var fhrsExtractDate: CalendarDay?
    /// Premises licences linked to the same entity (empty when unlicensed).
    public var licences: [LicenceSummary]
    /// How many reviews are linked to it.
    public var reviewCount: Int
    /// Days of the linked reviews (for review-volume charts), oldest first.
    public var reviewDates: [CalendarDay]
    /// How many whistle-blowing reports are linked to it.
    public var reportCount: Int
    /// How many intelligence records are linked to it.
    public var intelligenceCount: Int
    /// All evidence linked to it, from every source, oldest first.
    public var evidence: [Evidence]

    /// Creates a snapshot.
    public init(
        entityID: String, establishment: FHRSEstablishment, hotelBasis: HotelBasis,
        fhrsExtractDate: CalendarDay? = nil, licences: [LicenceSummary] = [], reviewCount: Int = 0,
        reviewDates: [CalendarDay] = [], reportCount: Int = 0, intelligenceCount: Int = 0,
        evidence: [Evidence] = []
    ) {
        self.entityID = entityID
        self.establishment = establishment
        self.hotelBasis = hotelBasis
        self.fhrsExtractDate = fhrsExtractDate
        self.licences = licences
        self.reviewCount = reviewCount
        self.reviewDates = reviewDates
        self.reportCount = reportCount
        self.intelligenceCount = intelligenceCount
        self.evidence = evidence
    }

    /// Name, from the FHRS record.
    public var name: String { self.establishment.name }
    /// Postcode, from the FHRS record.
    public var postcode: String? { self.establishment.postcode }
    /// District (FHRS local authority name).
    public var district: String? { self.establishment.localAuthorityName }
    /// The licence status of the most recent linked licence, or nil when unlicensed.
    public var licenceStatus: String? { self.licences.first?.status }
}
