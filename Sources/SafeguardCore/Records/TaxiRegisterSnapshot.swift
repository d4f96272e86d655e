/// A whistle-blowing report or intelligence record that names a licensed driver (by badge) or a
/// vehicle (by registration), as the driver screening reads it from the store.
public struct LinkedDocument: Sendable, Hashable, Codable {
    /// `report` or `intelligence`.
    public var source: EvidenceSource
    /// Receipt code or intelligence record id.
    public var id: String
    /// When it happened (or was received).
    public var date: CalendarDay?
    /// The reporter's role (reports) or the intelligence source (`police`, `complaint`, ...).
    public var origin: String
    /// A short pseudonymised line: what was seen, or the start of the summary.
    public var snippet: String
    /// Signs found in it or ticked by the reporter (pseudonymised snippets).
    public var evidence: [Evidence]
    /// Badge key (normalised) and registration key (normalised) it names, when given.
    public var badgeKey: String?
    public var registrationKey: String?

    /// Creates a linked document.
    public init(
        source: EvidenceSource, id: String, date: CalendarDay?, origin: String, snippet: String,
        evidence: [Evidence], badgeKey: String? = nil, registrationKey: String? = nil
    ) {
        self.source = source
        self.id = id
        self.date = date
        self.origin = origin
        self.snippet = snippet
        self.evidence = evidence
        self.badgeKey = badgeKey
        self.registrationKey = registrationKey
    }
}

/// Everything the driver screening needs from the taxi register: drivers, vehicles, operators
/// (linked: a driver drives a vehicle, a vehicle works for an operator), licence history, NR3S
/// searches, s.6 replies, and the reports and intelligence that name a badge or a plate.
public struct TaxiRegisterSnapshot: Sendable {
    public var drivers: [TaxiDriverLicence]
    public var vehicles: [TaxiVehicleLicence]
    public var operators: [TaxiOperatorLicence]
    public var history: [TaxiLicenceEvent]
    public var nr3s: [NR3SSearch]
    public var replies: [Section6Reply]
    public var documents: [LinkedDocument]

    /// Creates a snapshot.
    public init(
        drivers: [TaxiDriverLicence] = [], vehicles: [TaxiVehicleLicence] = [],
        operators: [TaxiOperatorLicence] = [], history: [TaxiLicenceEvent] = [], nr3s: [NR3SSearch] = [],
        replies: [Section6Reply] = [], documents: [LinkedDocument] = []
    ) {
        self.drivers = drivers
        self.vehicles = vehicles
        self.operators = operators
        self.history = history
        self.nr3s = nr3s
        self.replies = replies
        self.documents = documents
    }

    /// The key by which badges and registrations are matched: upper-case letters and digits only.
    public static func matchKey(_ text: String?) -> String? {
        guard let text else { return nil }
        var key = ""
        for scalar in text.unicodeScalars where scalar.isASCII {
            let value = scalar.value
            if (48...57).contains(value) || (65...90).contains(value) {
                key.unicodeScalars.append(scalar)
            } else if (97...122).contains(value) {
                key.unicodeScalars.append(Unicode.Scalar(value - 32)!)
            }
        }
        return key.isEmpty ? nil : key
    }
}
