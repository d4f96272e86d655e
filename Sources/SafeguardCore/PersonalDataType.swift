/// The personal-data types the pseudonymiser recognises in free text (a contract: `signs.md`).
public enum PersonalDataType: String, Sendable, Hashable, Codable, CaseIterable {
    /// Names of people, including staff and guests.
    case person
    /// E-mail addresses.
    case email
    /// UK mobile and landline numbers, and international ones.
    case phone
    /// UK number plates, current and older formats.
    case vehicleRegistration = "vehicle-registration"
    /// `@usernames`.
    case handle
    /// A house number with a street.
    case address
    /// UK postcodes of people (not of the premises being described).
    case postcode
    /// Taxi badge and plate numbers as written in the register.
    case licenceNumber = "licence-number"

    /// The upper-case tag used in pseudonym tokens, e.g. `PERSON` in `[PERSON-7f3a9c2b]`.
    public var tokenTag: String {
        self.rawValue.uppercased()
    }
}
