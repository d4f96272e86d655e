import SafeguardCore

/// The hotel problem profile as a pure value: everything the HTML, CSV and JSON renderings show.
///
/// Built by `HotelProfileBuilder` from scored hotels; rendered by `ProfileHTMLRenderer`,
/// `ProfileCSVRenderer` and `ProfileJSONRenderer`, which therefore carry the same numbers.
public struct HotelProfile: Sendable, Hashable, Codable {
    /// "Hotel problem profile".
    public var title: String
    /// The area the profile covers (the authority, or the `--area` filter).
    public var area: String
    /// The day the profile describes (ages and decay count to it).
    public var asOf: CalendarDay
    /// Evidence before this day was left out (`--since`), when set.
    public var since: CalendarDay?
    /// Hex SHA-256 of the rules in force.
    public var rulesetHash: String
    /// Where the data came from and how fresh it is.
    public var extracts: [DataExtract]
    /// What the profile covers, in counts.
    public var scope: ProfileScope
    /// How many hotels fell in each band, lowest band first.
    public var bands: [BandCount]
    /// Flagged hotels (band above the lowest), highest score first.
    public var entries: [ProfileEntry]
    /// Concern evidence per month across all hotels in scope, oldest first.
    public var monthly: [MonthlyTrend]
    /// Postcode districts, most concern first.
    public var districts: [DistrictSummary]
    /// Every hotel with a geocode, for the map.
    public var mapPoints: [MapPoint]
    /// Data gaps and how to fill them.
    public var gaps: [DataGap]
    /// Recommendations, most urgent first.
    public var recommendations: [String]
    /// Method and caveats, one paragraph each.
    public var method: [String]

    public init(
        title: String, area: String, asOf: CalendarDay, since: CalendarDay?, rulesetHash: String,
        extracts: [DataExtract], scope: ProfileScope, bands: [BandCount], entries: [ProfileEntry],
        monthly: [MonthlyTrend], districts: [DistrictSummary], mapPoints: [MapPoint], gaps: [DataGap],
        recommendations: [String], method: [String]
    ) {
        self.title = title
        self.area = area
        self.asOf = asOf
        self.since = since
        self.rulesetHash = rulesetHash
        self.extracts = extracts
        self.scope = scope
        self.bands = bands
        self.entries = entries
        self.monthly = monthly
        self.districts = districts
        self.mapPoints = mapPoints
        self.gaps = gaps
        self.recommendations = recommendations
        self.method = method
    }
}

/// One data source of the profile and its extract date.
public struct DataExtract: Sendable, Hashable, Codable {
    /// "FHRS hotel feed", "Premises licence register", "Review sites", ...
    public var source: String
    /// The extract (or latest record) date, when known.
    public var extractDate: CalendarDay?
    /// Records used from it.
    public var records: Int

    public init(source: String, extractDate: CalendarDay?, records: Int) {
        self.source = source
        self.extractDate = extractDate
        self.records = records
    }
}

/// The profile's coverage in counts.
public struct ProfileScope: Sendable, Hashable, Codable {
    public var hotels: Int
    public var hotelsWithReviews: Int
    public var hotelsWithoutReviews: Int
    public var licensedHotels: Int
    public var hotelsWithGeocode: Int
    public var reviews: Int
    public var reports: Int
    public var intelligenceRecords: Int
    public var concernItems: Int
    public var goodPracticeItems: Int
    public var flagged: Int

    public init(
        hotels: Int, hotelsWithReviews: Int, hotelsWithoutReviews: Int, licensedHotels: Int, hotelsWithGeocode: Int,
        reviews: Int, reports: Int, intelligenceRecords: Int, concernItems: Int, goodPracticeItems: Int, flagged: Int
    ) {
        self.hotels = hotels
        self.hotelsWithReviews = hotelsWithReviews
        self.hotelsWithoutReviews = hotelsWithoutReviews
        self.licensedHotels = licensedHotels
        self.hotelsWithGeocode = hotelsWithGeocode
        self.reviews = reviews
        self.reports = reports
        self.intelligenceRecords = intelligenceRecords
        self.concernItems = concernItems
        self.goodPracticeItems = goodPracticeItems
        self.flagged = flagged
    }
}

/// How many hotels fell in a band.
public struct BandCount: Sendable, Hashable, Codable {
    public var band: String
    public var action: String
    public var hotels: Int

    public init(band: String, action: String, hotels: Int) {
        self.band = band
        self.action = action
        self.hotels = hotels
    }
}

/// One flagged hotel: its rank, decision, reasons and evidence timeline.
public struct ProfileEntry: Sendable, Hashable, Codable {
    public var rank: Int
    /// FHRS id (or the store's entity id when the hotel has none).
    public var id: String
    public var name: String
    public var address: String
    public var postcode: String
    /// Postcode district ("KV1").
    public var district: String
    /// The score, rounded to one decimal as every rendering shows it.
    public var score: Double
    public var band: String
    public var action: String
    /// Up to three short reasons (finding titles), strongest first.
    public var topReasons: [String]
    public var findings: [ProfileFinding]
    /// Evidence items, newest first.
    public var timeline: [TimelineItem]
    /// Latest licence status, or nil when unlicensed.
    public var licenceStatus: String?
    public var fhrsRating: String?
    /// Good practice seen (sign labels).
    public var goodPractice: [String]
    public var reviewCount: Int
    public var reportCount: Int
    public var intelligenceCount: Int
    /// Concern evidence items (concern and weak signs).
    public var concernItems: Int
    /// Distinct months with concern evidence.
    public var distinctMonths: Int
    /// Distinct kinds of source with concern evidence (review, report, intelligence, visit).
    public var sources: [String]
    public var latitude: Double?
    public var longitude: Double?
}

/// A finding as the profile shows it.
public struct ProfileFinding: Sendable, Hashable, Codable {
    public var rule: String
    public var title: String
    /// Points it added (negative for good practice), one decimal.
    public var contribution: Double
    public var explanation: String
    public var source: String

    public init(rule: String, title: String, contribution: Double, explanation: String, source: String) {
        self.rule = rule
        self.title = title
        self.contribution = contribution
        self.explanation = explanation
        self.source = source
    }
}

/// One evidence item on a premises' timeline.
public struct TimelineItem: Sendable, Hashable, Codable {
    public var date: CalendarDay?
    public var source: String
    public var origin: String?
    public var sourceID: String
    public var sign: String
    public var signLabel: String
    public var kind: String
    /// Pseudonymised snippet.
    public var snippet: String
}

/// Concern evidence in one month.
public struct MonthlyTrend: Sendable, Hashable, Codable {
    /// "YYYY-MM".
    public var month: String
    public var reviewItems: Int
    public var reportItems: Int
    public var intelligenceItems: Int
    public var visitItems: Int
    /// Hotels with any concern evidence that month.
    public var hotels: Int

    public var total: Int { self.reviewItems + self.reportItems + self.intelligenceItems + self.visitItems }
}

/// One postcode district.
public struct DistrictSummary: Sendable, Hashable, Codable {
    public var district: String
    public var hotels: Int
    public var flagged: Int
    public var concernItems: Int
    public var hotelsWithoutReviews: Int
}

/// One hotel on the map.
public struct MapPoint: Sendable, Hashable, Codable {
    public var latitude: Double
    public var longitude: Double
    /// Postcode district.
    public var district: String
    /// Its band, and its rank when flagged.
    public var band: String
    public var rank: Int?
}

/// A gap in the data, how big it is and how to fill it.
public struct DataGap: Sendable, Hashable, Codable {
    public var title: String
    public var detail: String
    public var howToFill: String
}
