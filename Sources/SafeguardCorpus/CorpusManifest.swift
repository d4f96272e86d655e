import Foundation
import SafeguardCore

/// `corpus/manifest.json`: what was generated and what was planted, so tests can assert that the
/// profile finds the planted hotels for the planted reasons.
public struct CorpusManifest: Sendable, Codable, Hashable {
    /// A hotel with a planted role (planted concern, rant, good practice, noise only).
    public struct PlantedHotel: Sendable, Codable, Hashable {
        public var fhrsID: String
        public var name: String
        public var postcode: String
        public var role: HotelRole
        /// Signs planted at it (for planted hotels the reasons the profile must give).
        public var signs: [String]
        /// Sources the signs were planted in (review, report, intelligence, visit).
        public var sources: [String]
        public var reviewHits: Int
        public var distinctMonths: Int
        public var licenceStatus: String?
        public var fhrsRating: String

        init(hotel: CorpusHotel, licensed: String?) {
            self.fhrsID = String(hotel.establishment.fhrsID)
            self.name = hotel.establishment.name
            self.postcode = hotel.establishment.postcode ?? ""
            self.role = hotel.role
            self.signs = hotel.role == .rant ? ["screaming", "drug-dealing", "men-loitering", "dirty"]
                : (hotel.role == .goodPractice ? ["id-checked", "security-present"] : hotel.plantedSigns)
            var sources = ["review"]
            if hotel.plantedReports > 0 { sources.append("report") }
            if hotel.plantedIntelligence > 0 { sources.append("intelligence") }
            if hotel.role == .goodPractice { sources.append("visit") }
            self.sources = sources
            self.reviewHits = hotel.role == .rant ? 1 : hotel.plantedReviewHits
            self.distinctMonths = hotel.plantedMonths
            self.licenceStatus = licensed
            self.fhrsRating = hotel.establishment.rating
        }
    }

    /// A taxi driver with a planted safeguarding gap.
    public struct PlantedDriver: Sendable, Codable, Hashable {
        public var licenceNumber: String
        public var badge: String
        /// dbs-expired, no-update-service-check, no-safeguarding-training, revoked-sexual-offence,
        /// licensed-elsewhere, no-nr3s-search or barred-lists-not-checked.
        public var gap: String
    }

    /// A licence application and the focus points it should raise (empty: none).
    public struct PlantedApplication: Sendable, Codable, Hashable {
        public var file: String
        public var reference: String
        public var premisesName: String
        public var expectedConcerns: [String]
    }

    public var seed: UInt64
    public var scale: Int
    public var asOf: CalendarDay
    public var area: String
    public var counts: CorpusGenerator.Counts
    /// Records per file, by relative path.
    public var files: [String: Int] = [:]
    public var hotelCount = 0
    public var unreviewedHotels = 0
    public var hotels: [PlantedHotel] = []
    public var plantedDrivers: [PlantedDriver] = []
    public var applications: [PlantedApplication] = []

    init(seed: UInt64, scale: Int, asOf: CalendarDay, counts: CorpusGenerator.Counts) {
        self.seed = seed
        self.scale = scale
        self.asOf = asOf
        self.area = "\(CorpusVocabulary.authorityLongName) (fictional; postcode area KV)"
        self.counts = counts
    }

    /// Reads a manifest written by `CorpusGenerator.write(to:)`.
    public static func read(from url: URL) throws -> CorpusManifest {
        do {
            return try JSONDecoder().decode(CorpusManifest.self, from: Data(contentsOf: url))
        } catch {
            throw CorpusError(message: "cannot read corpus manifest \(url.path): \(error). Regenerate it with `safeguard corpus generate`.")
        }
    }

    func write(to url: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            try (encoder.encode(self) + Data("\n".utf8)).write(to: url)
        } catch {
            throw CorpusError(message: "cannot write \(url.path): \(error.localizedDescription)")
        }
    }

    /// The hotels planted with a given role.
    public func hotels(_ role: HotelRole) -> [PlantedHotel] {
        self.hotels.filter { $0.role == role }
    }
}
