/// Where an NR3S (National Register of Taxi and Private Hire Licence Revocations, Refusals and
/// Suspensions) search for one application stands. The register gives no reasons: a match is a
/// prompt to ask the recording authority for the details (entries are kept for 11 years).
public enum NR3SState: String, Sendable, Hashable, Codable, CaseIterable {
    case notSearched = "not-searched"
    case noMatch = "no-match"
    case match
    case detailsRequested = "details-requested"
    case detailsReceived = "details-received"
    case decided

    /// A match whose details have not been received and weighed yet.
    public var isOpenMatch: Bool {
        self == .match || self == .detailsRequested || self == .detailsReceived
    }
}

/// The NR3S search made for one application (grant or renewal) of a driver licence.
public struct NR3SSearch: Sendable, Hashable, Codable {
    public var licenceNumber: String
    public var issuingAuthority: String
    /// `grant` or `renewal`.
    public var applicationKind: TaxiLicenceEventKind
    /// The day the application was made.
    public var applicationOn: CalendarDay
    /// The day the register was searched (nil: not searched).
    public var searchedOn: CalendarDay?
    /// Whether the search matched an entry (nil when not searched).
    public var matched: Bool?
    /// The authority that recorded the matching entry.
    public var recordingAuthority: String?
    public var detailsRequestedOn: CalendarDay?
    public var detailsReceivedOn: CalendarDay?
    public var decidedOn: CalendarDay?

    /// Creates a search record.
    public init(
        licenceNumber: String, issuingAuthority: String, applicationKind: TaxiLicenceEventKind,
        applicationOn: CalendarDay, searchedOn: CalendarDay? = nil, matched: Bool? = nil,
        recordingAuthority: String? = nil, detailsRequestedOn: CalendarDay? = nil,
        detailsReceivedOn: CalendarDay? = nil, decidedOn: CalendarDay? = nil
    ) {
        self.licenceNumber = licenceNumber
        self.issuingAuthority = issuingAuthority
        self.applicationKind = applicationKind
        self.applicationOn = applicationOn
        self.searchedOn = searchedOn
        self.matched = matched
        self.recordingAuthority = recordingAuthority
        self.detailsRequestedOn = detailsRequestedOn
        self.detailsReceivedOn = detailsReceivedOn
        self.decidedOn = decidedOn
    }

    /// The state the dates say, furthest stage first.
    public var state: NR3SState {
        guard self.searchedOn != nil else { return .notSearched }
        guard self.matched == true else { return .noMatch }
        if self.decidedOn != nil { return .decided }
        if self.detailsReceivedOn != nil { return .detailsReceived }
        if self.detailsRequestedOn != nil { return .detailsRequested }
        return .match
    }

    /// The day the current state was reached.
    public var stateOn: CalendarDay? {
        switch self.state {
        case .notSearched: return nil
        case .noMatch, .match: return self.searchedOn
        case .detailsRequested: return self.detailsRequestedOn
        case .detailsReceived: return self.detailsReceivedOn
        case .decided: return self.decidedOn
        }
    }
}
