/// One row of a premises licence register in the LGA open-data schema.
///
/// Several rows with the same `caseReference` are the history of one licence
/// (grant, variation, transfer, review, ...); the latest by case date is its current state.
public struct PremisesLicenceEvent: Sendable, Hashable, Codable {
    /// `ExtractDate`: when the council published the extract.
    public var extractDate: CalendarDay?
    /// `OrganisationURI`: the council's URI.
    public var organisationURI: String?
    /// `OrganisationLabel`: the council's name.
    public var organisationLabel: String?
    /// `CaseReference`: the licence / case number.
    public var caseReference: String
    /// `CaseDate`: the date of this event.
    public var caseDate: CalendarDay?
    /// `ServiceTypeURI`.
    public var serviceTypeURI: String?
    /// `ServiceTypeLabel` ("Premises licence", "Club premises certificate").
    public var serviceTypeLabel: String?
    /// `PremisesName`.
    public var premisesName: String?
    /// `LocationText`: the address as written.
    public var locationText: String?
    /// `Postcode`.
    public var postcode: String?
    /// `EntertainmentTypeURI`.
    public var entertainmentTypeURI: String?
    /// `EntertainmentTypeLabel`.
    public var entertainmentTypeLabel: String?
    /// `AlcoholSupply` (optional column).
    public var alcoholSupply: String?
    /// `LateNightRefreshment` (optional column).
    public var lateNightRefreshment: String?
    /// `OpeningHours` (optional column, may span lines).
    public var openingHours: String?
    /// `LicenceHolder` (optional column).
    public var licenceHolder: String?
    /// `StatusLabel` (optional column: Granted, Surrendered, Revoked, Lapsed, Suspended).
    public var statusLabel: String?

    /// Creates a licence register event.
    public init(
        extractDate: CalendarDay? = nil, organisationURI: String? = nil, organisationLabel: String? = nil,
        caseReference: String, caseDate: CalendarDay? = nil, serviceTypeURI: String? = nil,
        serviceTypeLabel: String? = nil, premisesName: String? = nil, locationText: String? = nil,
        postcode: String? = nil, entertainmentTypeURI: String? = nil, entertainmentTypeLabel: String? = nil,
        alcoholSupply: String? = nil, lateNightRefreshment: String? = nil, openingHours: String? = nil,
        licenceHolder: String? = nil, statusLabel: String? = nil
    ) {
        self.extractDate = extractDate
        self.organisationURI = organisationURI
        self.organisationLabel = organisationLabel
        self.caseReference = caseReference
        self.caseDate = caseDate
        self.serviceTypeURI = serviceTypeURI
        self.serviceTypeLabel = serviceTypeLabel
        self.premisesName = premisesName
        self.locationText = locationText
        self.postcode = postcode
        self.entertainmentTypeURI = entertainmentTypeURI
        self.entertainmentTypeLabel = entertainmentTypeLabel
        self.alcoholSupply = alcoholSupply
        self.lateNightRefreshment = lateNightRefreshment
        self.openingHours = openingHours
        self.licenceHolder = licenceHolder
        self.statusLabel = statusLabel
    }
}
