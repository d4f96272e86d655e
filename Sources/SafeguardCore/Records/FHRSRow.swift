/// An FHRS establishment as the import reads and stores it: its texts as UTF-8 bytes back to
/// back in one buffer, its numbers and dates parsed. The import path goes from XML to SQLite
/// without a `String` per field; `FHRSEstablishment(_:)` gives the value type everything else uses.
public struct FHRSRow: Sendable {
    /// The text fields, in buffer order.
    public enum Text: Int, CaseIterable, Sendable {
        case laBusinessID, name, businessType, address, postcode, ratingValue, ratingKey, laCode, laName,
            schemeType, rightToReply
    }

    /// `FHRSID`.
    public var fhrsID: Int
    /// `BusinessTypeID`.
    public var businessTypeID: Int?
    /// `RatingDate`.
    public var ratingDate: CalendarDay?
    /// `Scores/Hygiene`.
    public var hygieneScore: Int?
    /// `Scores/Structural`.
    public var structuralScore: Int?
    /// `Scores/ConfidenceInManagement`.
    public var confidenceInManagementScore: Int?
    /// `NewRatingPending`.
    public var newRatingPending: Bool?
    /// `Geocode/Longitude`.
    public var longitude: Double?
    /// `Geocode/Latitude`.
    public var latitude: Double?
    /// The texts, trimmed, back to back; the address is its lines joined by newlines.
    public private(set) var bytes: [UInt8] = []
    /// Start and end of each text in `bytes`; a start of -1 marks an absent (or blank) text.
    private var spans = InlineArray<22, Int32>(repeating: -1)

    /// A row with an id and no texts yet.
    public init(fhrsID: Int) {
        self.fhrsID = fhrsID
        self.bytes.reserveCapacity(512)
    }

    /// The row of an establishment (its address lines joined by newlines).
    public init(_ establishment: FHRSEstablishment) {
        self.init(fhrsID: establishment.fhrsID)
        self.businessTypeID = establishment.businessTypeID
        self.ratingDate = establishment.ratingDate
        self.hygieneScore = establishment.hygieneScore
        self.structuralScore = establishment.structuralScore
        self.confidenceInManagementScore = establishment.confidenceInManagementScore
        self.newRatingPending = establishment.newRatingPending
        self.longitude = establishment.longitude
        self.latitude = establishment.latitude
        func put(_ text: Text, _ value: String?) {
            guard var value, !value.isEmpty else { return }
            value.withUTF8 { self.append(text, $0) }
        }
        put(.laBusinessID, establishment.localAuthorityBusinessID)
        put(.name, establishment.name)
        put(.businessType, establishment.businessType)
        put(.address, establishment.addressLines.joined(separator: "\n"))
        put(.postcode, establishment.postcode)
        put(.ratingValue, establishment.ratingValue)
        put(.ratingKey, establishment.ratingKey)
        put(.laCode, establishment.localAuthorityCode)
        put(.laName, establishment.localAuthorityName)
        put(.schemeType, establishment.schemeType)
        put(.rightToReply, establishment.rightToReply)
    }

    /// Appends a text (call in `Text` order, each at most once); empty bytes leave it absent.
    public mutating func append(_ text: Text, _ value: UnsafeBufferPointer<UInt8>) {
        guard !value.isEmpty else { return }
        self.spans[text.rawValue * 2] = Int32(self.bytes.count)
        self.bytes.append(contentsOf: value)
        self.spans[text.rawValue * 2 + 1] = Int32(self.bytes.count)
    }

    /// Appends one more address line (joined to the earlier ones by a newline).
    public mutating func appendAddressLine(_ line: UnsafeBufferPointer<UInt8>) {
        guard !line.isEmpty else { return }
        let slot = Text.address.rawValue * 2
        if self.spans[slot] < 0 {
            self.spans[slot] = Int32(self.bytes.count)
        } else {
            self.bytes.append(0x0A)
        }
        self.bytes.append(contentsOf: line)
        self.spans[slot + 1] = Int32(self.bytes.count)
    }

    /// Where a text lies in `bytes`, nil when absent.
    public func span(_ text: Text) -> Range<Int>? {
        let start = self.spans[text.rawValue * 2]
        guard start >= 0 else { return nil }
        return Int(start)..<Int(self.spans[text.rawValue * 2 + 1])
    }

    /// A text as a `String`, nil when absent.
    public func text(_ text: Text) -> String? {
        guard let span = self.span(text) else { return nil }
        return self.bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[span]), as: UTF8.self) }
    }

    /// `BusinessName` (required: a row always has one).
    public var name: String { self.text(.name) ?? "" }
}

extension FHRSEstablishment {
    /// The establishment of a row.
    public init(_ row: FHRSRow) {
        self.init(
            fhrsID: row.fhrsID, localAuthorityBusinessID: row.text(.laBusinessID), name: row.name,
            businessType: row.text(.businessType), businessTypeID: row.businessTypeID,
            addressLines: row.text(.address).map { $0.split(separator: "\n").map(String.init) } ?? [],
            postcode: row.text(.postcode), ratingValue: row.text(.ratingValue), ratingKey: row.text(.ratingKey),
            ratingDate: row.ratingDate, localAuthorityCode: row.text(.laCode),
            localAuthorityName: row.text(.laName), hygieneScore: row.hygieneScore,
            structuralScore: row.structuralScore, confidenceInManagementScore: row.confidenceInManagementScore,
            schemeType: row.text(.schemeType), newRatingPending: row.newRatingPending, longitude: row.longitude,
            latitude: row.latitude, rightToReply: row.text(.rightToReply))
    }
}
