/// What an authority decided after a notification under s.5 of the Taxis and Private Hire Vehicles
/// (Safeguarding and Road Safety) Act 2022, as it must say under s.6.
public enum Section6Decision: String, Sendable, Hashable, Codable, CaseIterable {
    case noAction = "no-action"
    case suspended
    case revoked
    case otherAction = "other-action"
    case underConsideration = "under-consideration"
}

/// A s.5 notification sent about a driver licensed by another authority, and the s.6 reply when it
/// has come (`docs/formats.md`, `taxis/s6-replies.csv`).
public struct Section6Reply: Sendable, Hashable, Codable {
    /// The other authority's licence number.
    public var licenceNumber: String
    /// The other authority (the one notified).
    public var issuingAuthority: String
    /// The day the s.5 notification was sent.
    public var notifiedOn: CalendarDay
    /// The day the s.6 reply came (nil: still awaited).
    public var repliedOn: CalendarDay?
    public var decision: Section6Decision?
    /// The reply's own short note (no personal data).
    public var note: String?

    /// Creates a record.
    public init(
        licenceNumber: String, issuingAuthority: String, notifiedOn: CalendarDay, repliedOn: CalendarDay? = nil,
        decision: Section6Decision? = nil, note: String? = nil
    ) {
        self.licenceNumber = licenceNumber
        self.issuingAuthority = issuingAuthority
        self.notifiedOn = notifiedOn
        self.repliedOn = repliedOn
        self.decision = decision
        self.note = note
    }
}
