/// Why an FHRS establishment is treated as a hotel.
public enum HotelBasis: String, Sendable, Hashable, Codable, CaseIterable {
    /// Filed under BusinessTypeID 7842, "Hotel/bed & breakfast/guest house".
    case businessType = "business-type"
    /// Filed under another type but its name says hotel, B&B, guest house, hostel, ...
    case nameFallback = "name-fallback"
}

/// One `<EstablishmentDetail>` of a Food Standards Agency FHRS open-data XML extract.
///
/// Fields are kept as the feed gives them; absent or `xsi:nil` values are nil.
public struct FHRSEstablishment: Sendable, Hashable, Codable {
    /// The FHRS hotel business type id.
    public static let hotelBusinessTypeID = 7842
    /// Business types (restaurant/cafe/canteen, other catering, pub/bar/nightclub) searched for
    /// hotels by name.
    public static let fallbackBusinessTypeIDs: Set<Int> = [1, 7841, 7843]

    /// `FHRSID`: the establishment's national id.
    public var fhrsID: Int
    /// `LocalAuthorityBusinessID`.
    public var localAuthorityBusinessID: String?
    /// `BusinessName`.
    public var name: String
    /// `BusinessType` ("Hotel/bed & breakfast/guest house").
    public var businessType: String?
    /// `BusinessTypeID` (7842 for hotels).
    public var businessTypeID: Int?
    /// `AddressLine1` … `AddressLine4`, the ones present, in order.
    public var addressLines: [String]
    /// `PostCode`, when present.
    public var postcode: String?
    /// `RatingValue`: "0"-"5" or a text value such as "AwaitingInspection" or "Exempt".
    public var ratingValue: String?
    /// `RatingKey` ("fhrs_5_en-GB").
    public var ratingKey: String?
    /// `RatingDate`; nil when `xsi:nil` or absent.
    public var ratingDate: CalendarDay?
    /// `LocalAuthorityCode`.
    public var localAuthorityCode: String?
    /// `LocalAuthorityName` (the district).
    public var localAuthorityName: String?
    /// `Scores/Hygiene`; nil when `<Scores />` is empty.
    public var hygieneScore: Int?
    /// `Scores/Structural`.
    public var structuralScore: Int?
    /// `Scores/ConfidenceInManagement`.
    public var confidenceInManagementScore: Int?
    /// `SchemeType` ("FHRS" or "FHIS").
    public var schemeType: String?
    /// `NewRatingPending`.
    public var newRatingPending: Bool?
    /// `Geocode/Longitude`.
    public var longitude: Double?
    /// `Geocode/Latitude`.
    public var latitude: Double?
    /// `RightToReply` text, when present.
    public var rightToReply: String?

    /// Creates an establishment.
    public init(
        fhrsID: Int, localAuthorityBusinessID: String? = nil, name: String, businessType: String? = nil,
        businessTypeID: Int? = nil, addressLines: [String] = [], postcode: String? = nil,
        ratingValue: String? = nil, ratingKey: String? = nil, ratingDate: CalendarDay? = nil,
        localAuthorityCode: String? = nil, localAuthorityName: String? = nil, hygieneScore: Int? = nil,
        structuralScore: Int? = nil, confidenceInManagementScore: Int? = nil, schemeType: String? = nil,
        newRatingPending: Bool? = nil, longitude: Double? = nil, latitude: Double? = nil,
        rightToReply: String? = nil
    ) {
        self.fhrsID = fhrsID
        self.localAuthorityBusinessID = localAuthorityBusinessID
        self.name = name
        self.businessType = businessType
        self.businessTypeID = businessTypeID
        self.addressLines = addressLines
        self.postcode = postcode
        self.ratingValue = ratingValue
        self.ratingKey = ratingKey
        self.ratingDate = ratingDate
        self.localAuthorityCode = localAuthorityCode
        self.localAuthorityName = localAuthorityName
        self.hygieneScore = hygieneScore
        self.structuralScore = structuralScore
        self.confidenceInManagementScore = confidenceInManagementScore
        self.schemeType = schemeType
        self.newRatingPending = newRatingPending
        self.longitude = longitude
        self.latitude = latitude
        self.rightToReply = rightToReply
    }

    /// Whether this establishment is a hotel, and on what basis (nil when it is not).
    ///
    /// BusinessTypeID 7842 is a hotel; otherwise, under a catering or pub type, a name that says hotel, motel, B&B,
    /// bed and breakfast, guest house, hostel or a national hotel chain marks a hotel
    /// filed under another type (report 5.6.23: the hotel universe, licensed or not).
    public var hotelBasis: HotelBasis? {
        Self.hotelBasis(businessTypeID: self.businessTypeID, name: self.name)
    }

    /// `hotelBasis` from the two fields it depends on.
    public static func hotelBasis(businessTypeID: Int?, name: String) -> HotelBasis? {
        if businessTypeID == Self.hotelBusinessTypeID { return .businessType }
        // Only types a hotel is plausibly filed under (restaurant, other catering, pub/bar): a
        // retailer called "Hotel Chocolat" is not a hotel.
        guard businessTypeID.map(Self.fallbackBusinessTypeIDs.contains) ?? true else { return nil }
        return Self.nameSaysHotel(name) ? .nameFallback : nil
    }

    /// True when a business name reads as a hotel, B&B, guest house or hostel.
    public static func nameSaysHotel(_ name: String) -> Bool {
        // Lower-case words joined by single spaces, "&" kept as a word, padded with spaces.
        var text: [UInt8] = [0x20]
        for byte in name.utf8 {
            switch byte {
            case 0x30...0x39, 0x61...0x7A, 0x80...: text.append(byte)
            case 0x41...0x5A: text.append(byte + 32)
            case UInt8(ascii: "&"):
                if text.last != 0x20 { text.append(0x20) }
                text.append(byte)
                text.append(0x20)
            default: if text.last != 0x20 { text.append(0x20) }
            }
        }
        if text.last != 0x20 { text.append(0x20) }
        return Self.hotelMarkers.contains { marker in Self.contains(text, marker) }
    }

    private static let hotelMarkers: [[UInt8]] = [
        " hotel ", " hotels ", " motel ", " aparthotel ", " b&b ", " b & b ", " bed and breakfast ",
        " bed & breakfast ", " guest house ", " guesthouse ", " hostel ", " travelodge ", " premier inn ",
        " holiday inn ", " ibis ", " youth hostel ", " serviced apartments ",
    ].map { Array($0.utf8) }

    private static func contains(_ text: [UInt8], _ needle: [UInt8]) -> Bool {
        guard text.count >= needle.count else { return false }
        let first = needle[0]
        var index = 0
        while index + needle.count <= text.count {
            if text[index] == first, text[index + 1] == needle[1] {
                var match = true
                for offset in 2..<needle.count where text[index + offset] != needle[offset] {
                    match = false
                    break
                }
                if match { return true }
            }
            index += 1
        }
        return false
    }
}
