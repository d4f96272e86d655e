import SafeguardCore

/// A licence register row with everything the store derives from it before writing: the
/// organisation key, the case key's hash, the row hash, the premises claim (match keys) and the
/// date texts.
///
/// Pure and `Sendable`: an import prepares rows on the reading thread, so the thread that writes
/// to SQLite does only the look-ups, resolution and writes (`SQLiteStore.recordLicenceEvents(prepared:)`).
public struct PreparedLicenceEvent: Sendable {
    /// The row as read.
    public let event: PremisesLicenceEvent
    /// The organisation a case reference belongs to (URI, else label, else empty).
    package let organisation: String
    /// Hash of (organisation, case reference): tells a case this import has not written yet.
    package let caseKey: Int64
    /// The content hash stored with the row (without its extract date).
    package let hash: Int64
    package let claim: PremisesClaim
    package let extractDate: String?
    package let caseDate: String?

    /// Derives the stored values of a register row.
    public init(_ event: PremisesLicenceEvent) {
        self.event = event
        self.organisation = event.organisationURI ?? event.organisationLabel ?? ""
        var key = ContentHash()
        key.add(self.organisation)
        key.add(event.caseReference)
        self.caseKey = key.int64
        self.hash = SQLiteStore.hash(event)
        self.claim = PremisesClaim(name: event.premisesName ?? "", address: event.locationText, postcode: event.postcode)
        self.extractDate = event.extractDate?.description
        self.caseDate = event.caseDate?.description
    }
}
