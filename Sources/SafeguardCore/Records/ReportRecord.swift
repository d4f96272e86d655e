/// Who made a whistle-blowing report.
public enum ReporterRole: String, Sendable, Hashable, Codable, CaseIterable {
    case taxiDriver = "taxi-driver"
    case hotelStaff = "hotel-staff"
    case licenceHolder = "licence-holder"
    case `public`
    case other
}

/// Contact details a reporter chose to give, each already pseudonymised (tokens, never clear text).
public struct ReportContact: Sendable, Hashable, Codable {
    /// Pseudonymised name token.
    public var name: String?
    /// Pseudonymised phone token.
    public var phone: String?
    /// Pseudonymised e-mail token.
    public var email: String?

    /// Creates a pseudonymised contact.
    public init(name: String? = nil, phone: String? = nil, email: String? = nil) {
        self.name = name
        self.phone = phone
        self.email = email
    }
}

/// A whistle-blowing report ready for storage: free text pseudonymised, signs found.
public struct ReportRecord: Sendable, Hashable, Codable {
    /// The receipt id given to the reporter ("WB-0001").
    public var receiptID: String
    /// The day it was received.
    public var received: CalendarDay
    /// The reporter's role.
    public var role: ReporterRole
    /// The short "what did you see" description, pseudonymised.
    public var seen: String
    /// The free text, pseudonymised.
    public var text: String
    /// Sign ids the reporter ticked.
    public var signs: [String]
    /// Evidence found in the text and from ticked signs.
    public var evidence: [Evidence]
    /// Where it happened (premises, address, postcode, vehicle, badge).
    public var place: PlaceReference
    /// When it happened, as given ("2025-03-01T23:30"), when given.
    public var when: String?
    /// The apparent age band of the young person ("13-15"), when given.
    public var apparentAgeBand: String?
    /// Whether the reporter said a child is in danger now.
    public var dangerNow: Bool
    /// Pseudonymised contact details, only when the reporter gave them.
    public var contact: ReportContact?

    /// Creates a report record.
    public init(
        receiptID: String, received: CalendarDay, role: ReporterRole, seen: String = "", text: String,
        signs: [String] = [], evidence: [Evidence] = [], place: PlaceReference = PlaceReference(),
        when: String? = nil, apparentAgeBand: String? = nil, dangerNow: Bool = false, contact: ReportContact? = nil
    ) {
        self.receiptID = receiptID
        self.received = received
        self.role = role
        self.seen = seen
        self.text = text
        self.signs = signs
        self.evidence = evidence
        self.place = place
        self.when = when
        self.apparentAgeBand = apparentAgeBand
        self.dangerNow = dangerNow
        self.contact = contact
    }
}
