import SafeguardCore

/// What a generated hotel is planted as, so tests and the manifest can check the profile.
public enum HotelRole: String, Sendable, Codable, CaseIterable {
    /// An ordinary hotel with ordinary reviews.
    case ordinary
    /// A hotel no review site mentions (a data gap the profile reports).
    case unreviewed
    /// Recurring concern signs across months and sources (reviews, reports, intelligence).
    case planted
    /// A good hotel with one angry review full of signs: must not be flagged.
    case rant
    /// Reviews and a visit show good practice (ID checked, night porter, CCTV).
    case goodPractice = "good-practice"
    /// Many noise and cleanliness complaints and nothing else: at most "monitor".
    case noiseOnly = "noise-only"
}

/// One FHRS establishment of the fictional area.
struct Establishment: Sendable {
    var fhrsID: Int
    var localAuthorityBusinessID: String
    var name: String
    var businessType: String
    var businessTypeID: String
    var addressLine1: String
    var town: String
    var postcode: String?
    var district: String
    var rating: String
    var ratingDate: CalendarDay?
    var scores: (hygiene: Int, structural: Int, confidence: Int)?
    var latitude: Int?
    var longitude: Int?

    var address: String { "\(self.addressLine1), \(self.town)" }
}

/// A hotel with its planted role and the signs planted at it.
struct CorpusHotel: Sendable {
    var establishment: Establishment
    var role: HotelRole
    var plantedSigns: [String]
    var reviewWeight: Int
    var quality: Double
    var licenceCase: String?
    var plantedReviewHits: Int
    var plantedMonths: Int
    var plantedReports: Int
    var plantedIntelligence: Int
}

/// A planted hotel pattern: which signs recur, how often and in which sources.
struct PlantedPattern: Sendable {
    var signs: [String]
    var reviewHits: Int
    var months: Int
    var reports: Int
    var intelligence: Int
    var rating: String
}

extension PlantedPattern {
    /// The five base patterns, from the clearest to the weakest.
    static let base: [PlantedPattern] = [
        PlantedPattern(
            signs: ["young-people", "night-traffic", "men-loitering", "no-id-check", "cash-only"],
            reviewHits: 14, months: 10, reports: 4, intelligence: 4, rating: "3"),
        PlantedPattern(
            signs: ["condoms", "drug-use", "cannabis-smell", "oversight-lacking", "night-traffic"],
            reviewHits: 12, months: 8, reports: 2, intelligence: 3, rating: "2"),
        PlantedPattern(
            signs: ["sex-work", "men-loitering", "screaming", "no-id-check"],
            reviewHits: 10, months: 7, reports: 3, intelligence: 2, rating: "5"),
        PlantedPattern(
            signs: ["young-people", "cash-only", "no-id-check", "oversight-lacking"],
            reviewHits: 6, months: 5, reports: 2, intelligence: 3, rating: "4"),
        PlantedPattern(
            signs: ["drug-dealing", "cannabis-smell", "men-loitering", "pornography"],
            reviewHits: 7, months: 6, reports: 1, intelligence: 2, rating: "3"),
    ]
}
