import SafeguardCore

/// An FHRS establishment with everything the store derives from it before writing: its hotel
/// basis, match keys, content hash and column texts.
///
/// Pure and `Sendable`: an import prepares records on the reading thread, so the thread that
/// writes to SQLite does only the writing (`SQLiteStore.recordEstablishments(prepared:…)`).
public struct PreparedEstablishment: Sendable {
    /// The establishment as read.
    public let establishment: FHRSEstablishment
    let basis: HotelBasis?
    let claim: PremisesClaim
    /// Address lines joined by newlines (the stored column).
    let addressText: String
    let ratingDate: String?
    let hash: Int64

    /// Derives the stored values of an establishment.
    public init(_ establishment: FHRSEstablishment) {
        self.establishment = establishment
        self.basis = establishment.hotelBasis
        self.addressText = establishment.addressLines.joined(separator: "\n")
        self.ratingDate = establishment.ratingDate?.description
        self.claim = PremisesClaim(
            name: establishment.name, address: establishment.addressLines.joined(separator: ", "),
            postcode: establishment.postcode)
        self.hash = SQLiteStore.hash(establishment, addressText: self.addressText, ratingDate: self.ratingDate)
    }
}
