/// What happened to a taxi licence (or an application for one) on a day.
public enum TaxiLicenceEventKind: String, Sendable, Hashable, Codable, CaseIterable {
    case application, grant, renewal, refusal, suspension, revocation
    /// The authority declined to renew (recorded on NR3S like a refusal).
    case nonRenewal = "non-renewal"

    /// Refusals, suspensions, revocations and non-renewals: the events NR3S records and rules weigh.
    public var isAdverse: Bool {
        switch self {
        case .refusal, .suspension, .revocation, .nonRenewal: return true
        case .application, .grant, .renewal: return false
        }
    }
}

/// Why a licence was refused, suspended, revoked or not renewed (a category, not the story: the
/// details stay with the authority that decided).
public enum TaxiAdverseReason: String, Sendable, Hashable, Codable, CaseIterable {
    case sexualOffence = "sexual-offence"
    case safeguardingConcern = "safeguarding-concern"
    case violence
    case dishonesty
    case drugs
    case driving
    case medical
    case conduct
    case other
}

/// The age band of the victim when a licence was refused, suspended or revoked for a sexual
/// offence (report 5.6.6: "the age of the victim is not recorded ... this should be reviewed").
public enum VictimAgeBand: String, Sendable, Hashable, Codable, CaseIterable {
    case under13 = "under-13"
    case from13to15 = "13-15"
    case from16to17 = "16-17"
    case adult = "18+"
    /// The deciding authority did not record it: kept visible so the gap can be closed.
    case notRecorded = "not-recorded"

    /// Under 18.
    public var isChild: Bool {
        self == .under13 || self == .from13to15 || self == .from16to17
    }
}

/// One event in a driver's (or vehicle's or operator's) licence history, here or with another
/// authority (`docs/formats.md`, `taxis/licence-history.csv`).
public struct TaxiLicenceEvent: Sendable, Hashable, Codable {
    /// The licence number the event is about (the register's key with `issuingAuthority`).
    public var licenceNumber: String
    /// The authority whose register holds the licence.
    public var issuingAuthority: String
    /// The authority that decided (for history elsewhere: not the issuing authority of today's licence).
    public var decidedBy: String
    /// What happened.
    public var kind: TaxiLicenceEventKind
    /// The day it happened.
    public var date: CalendarDay
    /// Why, for refusals, suspensions, revocations and non-renewals.
    public var reason: TaxiAdverseReason?
    /// For a sexual-offence reason, the victim's age band.
    public var victimAgeBand: VictimAgeBand?

    /// Creates an event.
    public init(
        licenceNumber: String, issuingAuthority: String, decidedBy: String, kind: TaxiLicenceEventKind,
        date: CalendarDay, reason: TaxiAdverseReason? = nil, victimAgeBand: VictimAgeBand? = nil
    ) {
        self.licenceNumber = licenceNumber
        self.issuingAuthority = issuingAuthority
        self.decidedBy = decidedBy
        self.kind = kind
        self.date = date
        self.reason = reason
        self.victimAgeBand = victimAgeBand
    }
}
