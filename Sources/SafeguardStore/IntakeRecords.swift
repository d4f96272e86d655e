import SafeguardCore

/// A report that came in through the web form or the partner API, ready to store: the record
/// for the shared report path (pseudonymised, scanned, free text left out), the sealed
/// (encrypted) original text and contact details, the keyed hash of its receipt code, its
/// triage and its service-level clocks.
public struct IntakeSubmission: Sendable, Hashable {
    /// The report's reference ("WB-7F3A9C21D0E4"), also its `report.receipt_id`; never the receipt code.
    public var reference: String
    /// HMAC of the receipt code (the code itself is never stored).
    public var receiptHash: [UInt8]
    /// The hour it was received, UTC ("2026-12-06T16:00Z"): anonymous reports keep no finer time.
    public var receivedHour: String
    /// The record stored through the same path as imported reports (`saveReports`).
    public var record: ReportRecord {
        didSet { self.contentHash = Self.contentHash(of: self.record) }
    }
    /// The record's content hash, worked out when the submission is made (on the request's
    /// thread) rather than in the store's one writer.
    package private(set) var contentHash: Int64

    /// Every field of `record` hashed in turn. Imported reports hash their JSON (`hash(of:)`);
    /// a submitted report's row is new (its reference is random), so its hash only has to
    /// change with its content, and JSON-encoding it took a twentieth of the server's time.
    static func contentHash(of record: ReportRecord) -> Int64 {
        var hasher = ContentHash()
        hasher.add(record.receiptID)
        hasher.add(record.received.description)
        hasher.add(record.role.rawValue)
        hasher.add(record.seen)
        hasher.add(record.text)
        hasher.add(record.signs.count)
        for sign in record.signs { hasher.add(sign) }
        hasher.add(record.evidence.count)
        for item in record.evidence {
            hasher.add(item.sign)
            hasher.add(item.source.rawValue)
            hasher.add(item.sourceID)
            hasher.add(item.date?.description)
            hasher.add(item.snippet)
            hasher.add(item.origin)
        }
        let place = record.place
        for part in [place.premises, place.address, place.postcode, place.vehicle, place.badge] { hasher.add(part) }
        hasher.add(record.when)
        hasher.add(record.apparentAgeBand)
        hasher.add(record.dangerNow)
        hasher.add(record.contact != nil)
        hasher.add(record.contact?.name)
        hasher.add(record.contact?.phone)
        hasher.add(record.contact?.email)
        return hasher.int64
    }
    /// AES-GCM sealed original text, "seen" line, contact details and taxi firm.
    public var sealed: [UInt8]
    /// Triage band ("urgent", "priority", "routine"), score and the rules that fired.
    public var band: String
    public var score: Double
    public var firedRules: [String]
    /// When it must be acknowledged and fed back by (UTC, to the hour).
    public var acknowledgeBy: String
    public var feedbackBy: String
    /// The day from which it is deleted for good.
    public var expires: CalendarDay
    /// How it came in: "web" or "partner:NAME".
    public var channel: String

    /// Creates a submission.
    public init(
        reference: String, receiptHash: [UInt8], receivedHour: String, record: ReportRecord, sealed: [UInt8],
        band: String, score: Double, firedRules: [String], acknowledgeBy: String, feedbackBy: String,
        expires: CalendarDay, channel: String
    ) {
        self.reference = reference
        self.receiptHash = receiptHash
        self.receivedHour = receivedHour
        self.record = record
        self.contentHash = Self.contentHash(of: record)
        self.sealed = sealed
        self.band = band
        self.score = score
        self.firedRules = firedRules
        self.acknowledgeBy = acknowledgeBy
        self.feedbackBy = feedbackBy
        self.expires = expires
        self.channel = channel
    }
}

/// Where a report stands, as the reporter and the officers see it.
public enum IntakeStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case received
    case acknowledged
    case inProgress = "in-progress"
    /// Passed to a partner agency (police, children's services) to act on.
    case referred
    case closed

    /// Plain words for the reporter.
    public var plainWords: String {
        switch self {
        case .received: "Received: waiting for an officer to read it"
        case .acknowledged: "Read by an officer"
        case .inProgress: "Being looked into"
        case .referred: "Passed to a partner agency (such as the police or children's services) to act on"
        case .closed: "Closed"
        }
    }
}

/// One stored intake report (sealed fields still sealed).
public struct IntakeReport: Sendable, Hashable {
    public var id: Int64
    public var reference: String
    public var receivedHour: String
    public var status: IntakeStatus
    public var band: String
    public var score: Double
    public var firedRules: [String]
    public var dangerNow: Bool
    public var acknowledgeBy: String
    public var feedbackBy: String
    public var acknowledgedAt: String?
    public var firstFeedbackAt: String?
    public var expires: CalendarDay
    public var channel: String
    public var sealed: [UInt8]
    /// Messages in order (reporter additions and officer replies).
    public var messages: [IntakeMessage]

    /// Creates a stored report (the stores build them from their rows).
    package init(
        id: Int64, reference: String, receivedHour: String, status: IntakeStatus, band: String, score: Double,
        firedRules: [String], dangerNow: Bool, acknowledgeBy: String, feedbackBy: String, acknowledgedAt: String?,
        firstFeedbackAt: String?, expires: CalendarDay, channel: String, sealed: [UInt8], messages: [IntakeMessage]
    ) {
        self.id = id
        self.reference = reference
        self.receivedHour = receivedHour
        self.status = status
        self.band = band
        self.score = score
        self.firedRules = firedRules
        self.dangerNow = dangerNow
        self.acknowledgeBy = acknowledgeBy
        self.feedbackBy = feedbackBy
        self.acknowledgedAt = acknowledgedAt
        self.firstFeedbackAt = firstFeedbackAt
        self.expires = expires
        self.channel = channel
        self.sealed = sealed
        self.messages = messages
    }
}

/// A message on a report: information the reporter added or an officer's reply (sealed).
public struct IntakeMessage: Sendable, Hashable {
    /// "reporter" or "officer".
    public var author: String
    /// The officer's display name for replies (nil for the reporter).
    public var officer: String?
    /// When, UTC, to the hour for the reporter's messages.
    public var at: String
    /// AES-GCM sealed text.
    public var sealed: [UInt8]

    /// Creates a message.
    public init(author: String, officer: String?, at: String, sealed: [UInt8]) {
        self.author = author
        self.officer = officer
        self.at = at
        self.sealed = sealed
    }
}

/// One line of the intake audit: what happened to which report, when, by whom. Kept when the
/// report itself is deleted, so a deletion can be shown to have happened.
public struct IntakeAuditEntry: Sendable, Hashable {
    public var at: String
    public var reference: String
    /// "submitted", "added-information", "replied", "status", "deleted-retention".
    public var action: String
    /// "reporter", "partner:NAME", an officer's name or "retention".
    public var actor: String
    public var detail: String

    /// Creates an audit line (the stores build them from their rows).
    package init(at: String, reference: String, action: String, actor: String, detail: String) {
        self.at = at
        self.reference = reference
        self.action = action
        self.actor = actor
        self.detail = detail
    }
}
