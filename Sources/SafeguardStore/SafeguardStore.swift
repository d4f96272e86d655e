import SafeguardCore

/// What Safeguard keeps between runs: the licence feeds, reviews, reports and intelligence,
/// tied together into entities (one premises, driver or vehicle seen in several sources).
///
/// Every `record…`/`save…` call is one transaction: it either stores the whole batch or
/// nothing, so an import killed at any moment leaves a consistent store, and re-running it
/// stores the rest without duplicates (records are keyed by their source ids).
public protocol SafeguardStore: Sendable {
    /// Stores FHRS establishments from one extract (upsert by FHRSID) and links each to an entity.
    func recordEstablishments(_ establishments: [FHRSEstablishment], extractDate: CalendarDay?) throws
        -> ImportSummary
    /// The same for rows prepared on the reading thread (`PreparedEstablishment`), the import's path.
    func recordEstablishments(prepared establishments: [PreparedEstablishment], extractDate: CalendarDay?) throws
        -> ImportSummary
    /// Stores premises-licence register rows (history per case reference) and links each case.
    func recordLicenceEvents(_ events: [PremisesLicenceEvent]) throws -> ImportSummary
    /// Stores taxi driver licences (upsert by authority + licence number), linked by badge.
    func recordDrivers(_ drivers: [TaxiDriverLicence]) throws -> ImportSummary
    /// Stores taxi vehicle licences (upsert by authority + licence number), linked by registration.
    func recordVehicles(_ vehicles: [TaxiVehicleLicence]) throws -> ImportSummary
    /// Stores private hire operator licences (upsert by authority + licence number).
    func recordOperators(_ operators: [TaxiOperatorLicence]) throws -> ImportSummary
    /// Stores pseudonymised reviews with their evidence, linked to a premises entity.
    func saveReviews(_ reviews: [ReviewRecord]) throws -> ImportSummary
    /// Stores pseudonymised whistle-blowing reports with their evidence, linked to the premises,
    /// vehicle and driver they name.
    func saveReports(_ reports: [ReportRecord]) throws -> ImportSummary
    /// Stores pseudonymised intelligence records with their evidence, linked like reports.
    func saveIntelligence(_ records: [IntelligenceRecord]) throws -> ImportSummary
    /// Every hotel (FHRS type 7842 and the name fallback) with its licences, review counts and
    /// all linked evidence, ordered by FHRS id.
    func hotels() throws -> [HotelSnapshot]
    /// Uncertain matches waiting for an officer's decision, oldest first.
    func pendingLinks() throws -> [LinkCandidate]
    /// Records an officer's decision on an uncertain match: accepting merges the two entities.
    func decideLink(id: Int64, accept: Bool) throws
    /// How many rows each table holds (for summaries and tests).
    func tableCounts() throws -> [String: Int]
}

/// What one import or save call did, counted in source records.
public struct ImportSummary: Sendable, Hashable, Codable {
    /// Records read from the source (stored, unchanged or rejected).
    public var read: Int = 0
    /// Records not seen before.
    public var new: Int = 0
    /// Records seen before whose content changed.
    public var updated: Int = 0
    /// Records seen before with the same content.
    public var unchanged: Int = 0
    /// Records rejected (by the reader or the store), each reported with a reason.
    public var rejected: Int = 0
    /// Records linked to an existing entity from another source (or to another record's entity).
    public var linked: Int = 0
    /// Hotels among the records (FHRS only; nil elsewhere).
    public var hotels: Int?
    /// Hotels found by the name fallback under another business type (FHRS only).
    public var hotelsByName: Int?
    /// Uncertain matches queued for an officer (`safeguard links review`).
    public var uncertain: Int = 0

    /// Creates an empty summary.
    public init() {}

    /// Adds another summary's counts to this one.
    public mutating func add(_ other: ImportSummary) {
        self.read += other.read
        self.new += other.new
        self.updated += other.updated
        self.unchanged += other.unchanged
        self.rejected += other.rejected
        self.linked += other.linked
        self.uncertain += other.uncertain
        if let hotels = other.hotels { self.hotels = (self.hotels ?? 0) + hotels }
        if let byName = other.hotelsByName { self.hotelsByName = (self.hotelsByName ?? 0) + byName }
    }
}

/// An uncertain match between two entities, waiting for an officer.
public struct LinkCandidate: Sendable, Hashable, Codable {
    /// The candidate id used by `safeguard links review --accept/--reject`.
    public var id: Int64
    /// The entity created for the new record ("E42").
    public var entityID: String
    /// Its name, address and postcode as given.
    public var entityName: String
    public var entityAddress: String?
    public var entityPostcode: String?
    /// Which source created it (`licence`, `review`, `report`, `intelligence`, `fhrs`).
    public var entitySource: String
    /// The existing entity it may be the same as.
    public var candidateID: String
    public var candidateName: String
    public var candidateAddress: String?
    public var candidatePostcode: String?
    public var candidateSource: String
    /// Match confidence (0-1) and why it is not certain.
    public var confidence: Double
    public var reason: String

    /// Creates a candidate (the stores build them from their rows).
    package init(
        id: Int64, entityID: String, entityName: String, entityAddress: String?, entityPostcode: String?,
        entitySource: String, candidateID: String, candidateName: String, candidateAddress: String?,
        candidatePostcode: String?, candidateSource: String, confidence: Double, reason: String
    ) {
        self.id = id
        self.entityID = entityID
        self.entityName = entityName
        self.entityAddress = entityAddress
        self.entityPostcode = entityPostcode
        self.entitySource = entitySource
        self.candidateID = candidateID
        self.candidateName = candidateName
        self.candidateAddress = candidateAddress
        self.candidatePostcode = candidatePostcode
        self.candidateSource = candidateSource
        self.confidence = confidence
        self.reason = reason
    }
}
