/// The outcome of comparing a record's premises with one existing entity.
package struct MatchDecision: Sendable, Equatable {
    /// How sure the match is.
    package enum Strength: Sendable, Equatable {
        /// Linked automatically.
        case certain
        /// Listed for an officer, never merged silently.
        case uncertain
        /// Not the same premises.
        case none
    }

    package var strength: Strength
    /// How the match was made (`postcode+name`, `postcode+name+address`, `name+address`).
    package var method: String
    /// 0-1.
    package var confidence: Double

    /// The highest confidence `compare` gives (same postcode, identical name key).
    package static let perfectConfidence = 1.0

    /// Decides whether two premises are the same from name similarity, postcode and house number.
    ///
    /// Same postcode and a name similarity of 0.85+ (or 0.6+ with the same house number) is
    /// certain; same postcode with a similar name (0.5+) or the same house number, or the
    /// same name and house number without postcodes, is uncertain.
    package static func compare(
        nameSimilarity: Double, samePostcode: Bool, bothPostcodes: Bool, sameHouseNumber: Bool?
    ) -> MatchDecision {
        if samePostcode {
            if nameSimilarity >= 0.85 {
                return MatchDecision(strength: .certain, method: "postcode+name", confidence: 0.9 + nameSimilarity / 10)
            }
            if nameSimilarity >= 0.6, sameHouseNumber == true {
                return MatchDecision(
                    strength: .certain, method: "postcode+name+address", confidence: 0.8 + nameSimilarity / 10)
            }
            if nameSimilarity >= 0.5 || sameHouseNumber == true {
                return MatchDecision(strength: .uncertain, method: "postcode+name", confidence: 0.5 + nameSimilarity / 5)
            }
            return MatchDecision(strength: .none, method: "", confidence: 0)
        }
        if bothPostcodes { return MatchDecision(strength: .none, method: "", confidence: 0) }
        // At least one side has no postcode: only the name and house number can speak.
        if nameSimilarity >= 0.95, sameHouseNumber == true {
            return MatchDecision(strength: .uncertain, method: "name+address", confidence: 0.7)
        }
        if nameSimilarity >= 0.95 {
            return MatchDecision(strength: .uncertain, method: "name", confidence: 0.5)
        }
        return MatchDecision(strength: .none, method: "", confidence: 0)
    }
}
