import SafeguardCore

/// An FHRS row with what the store derives from it before writing: its hotel basis and match keys.
/// (The content hash is left to the storing thread, which has time to spare while the reader
/// parses.)
///
/// Pure and `Sendable`: an import prepares rows on the reading thread, so the thread that writes
/// to SQLite does only the writing (`SQLiteStore.recordEstablishments(prepared:…)`), binding the
/// row's texts straight from its bytes.
public struct PreparedEstablishment: Sendable {
    /// The row as read.
    public let row: FHRSRow
    package let basis: HotelBasis?
    package let claim: PremisesClaim
    package let ratingDate: String?

    /// Derives the stored values of a row.
    public init(_ row: FHRSRow) {
        self.row = row
        let name = row.name
        self.basis = FHRSEstablishment.hotelBasis(businessTypeID: row.businessTypeID, name: name)
        self.ratingDate = row.ratingDate?.description
        // The entity's address: the lines joined by ", " (the row holds them joined by newlines).
        var address: [UInt8] = []
        if let span = row.span(.address) {
            address.reserveCapacity(span.count + 8)
            for byte in row.bytes[span] {
                if byte == 0x0A {
                    address.append(UInt8(ascii: ","))
                    address.append(0x20)
                } else {
                    address.append(byte)
                }
            }
        }
        self.claim = PremisesClaim(
            name: name, address: String(decoding: address, as: UTF8.self), postcode: row.text(.postcode))
    }

    /// Derives the stored values of an establishment.
    public init(_ establishment: FHRSEstablishment) {
        self.init(FHRSRow(establishment))
    }
}
