/// Where something was seen, as the source gave it: a premises, an address, a vehicle or a badge.
///
/// Every field is optional and kept as written; entity resolution normalises them when linking.
public struct PlaceReference: Sendable, Hashable, Codable {
    /// The premises name as given ("The Grand Hotel").
    public var premises: String?
    /// The address as given (free text, possibly several lines joined by ", ").
    public var address: String?
    /// The premises postcode as given.
    public var postcode: String?
    /// A vehicle registration (number plate) as given.
    public var vehicle: String?
    /// A taxi badge or plate number as given.
    public var badge: String?

    /// Creates a place reference.
    public init(
        premises: String? = nil, address: String? = nil, postcode: String? = nil, vehicle: String? = nil,
        badge: String? = nil
    ) {
        self.premises = premises
        self.address = address
        self.postcode = postcode
        self.vehicle = vehicle
        self.badge = badge
    }

    /// True when no field carries any text.
    public var isEmpty: Bool {
        [self.premises, self.address, self.postcode, self.vehicle, self.badge]
            .allSatisfy { ($0 ?? "").allSatisfy(\.isWhitespace) }
    }
}
