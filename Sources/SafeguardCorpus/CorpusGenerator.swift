import Foundation
import SafeguardCore

/// Generates the demo corpus: a fictional but realistic borough (Kelverton, postcode area
/// `KV`) in the real feed formats, with planted patterns listed in `manifest.json`.
///
/// Deterministic: the same seed and scale give byte-identical files. Scale multiplies every
/// count (scale 1 is about 300 hotels and 20,000 reviews); counts can be overridden for
/// benchmarks (for example 5,000 hotels with 1,000,000 reviews).
public struct CorpusGenerator: Sendable {
    /// How many records of each kind to generate.
    public struct Counts: Sendable, Codable, Hashable {
        public var hotels: Int
        public var otherBusinesses: Int
        public var premisesLicences: Int
        public var reviews: Int
        public var drivers: Int
        public var vehicles: Int
        public var operators: Int
        public var intelligence: Int
        public var reports: Int
        public var applications: Int

        /// The counts for a scale factor (scale 1: the committed demo corpus).
        public init(scale: Int) {
            let k = max(1, scale)
            self.hotels = 300 * k
            self.otherBusinesses = 3_000 * k
            self.premisesLicences = 1_500 * k
            self.reviews = 20_000 * k
            self.drivers = 2_000 * k
            self.vehicles = 1_500 * k
            self.operators = 40 * k
            self.intelligence = 50 * k
            self.reports = 30 * k
            self.applications = 10
        }
    }

    /// The seed; equal seeds give equal corpora.
    public var seed: UInt64
    /// The scale factor the counts were derived from.
    public var scale: Int
    /// Record counts (derived from the scale; may be overridden).
    public var counts: Counts
    /// The day the corpus describes: extracts are dated on it, reviews run for three years up to it.
    public var asOf: CalendarDay

    /// Creates a generator for a seed and a scale factor (1 = the committed demo corpus).
    public init(seed: UInt64, scale: Int = 1) {
        self.seed = seed
        self.scale = max(1, scale)
        self.counts = Counts(scale: scale)
        self.asOf = CalendarDay(year: 2026, month: 11, day: 1)!
    }

    /// The relative paths of the files `write(to:)` produces.
    public enum Layout {
        public static let fhrs = "fhrs/FHRS990en-GB.xml"
        public static let licences = "licences/premises-licences.csv"
        public static let reviews = "reviews/reviews.csv"
        public static let reports = "reports/reports.jsonl"
        public static let intelligence = "intelligence/intelligence.csv"
        public static let drivers = "taxis/drivers.csv"
        public static let vehicles = "taxis/vehicles.csv"
        public static let operators = "taxis/operators.csv"
        public static let applications = "applications"
        public static let manifest = "manifest.json"
    }

    /// Writes the whole corpus under `directory` (created if missing) and returns its manifest.
    @discardableResult
    public func write(to directory: URL) throws -> CorpusManifest {
        let files = FileManager.default
        for sub in ["fhrs", "licences", "reviews", "reports", "intelligence", "taxis", "applications"] {
            do {
                try files.createDirectory(
                    at: directory.appendingPathComponent(sub), withIntermediateDirectories: true)
            } catch {
                throw CorpusError(message: "cannot create \(directory.path)/\(sub): \(error.localizedDescription)")
            }
        }
        var manifest = CorpusManifest(seed: self.seed, scale: self.scale, asOf: self.asOf, counts: self.counts)

        let hotels = self.makeHotels()
        let others = self.makeOtherBusinesses(startingID: 700_000 + hotels.count)
        try self.writeFHRS(hotels: hotels, others: others, to: directory.appendingPathComponent(Layout.fhrs))
        let licensed = try self.writeLicences(
            hotels: hotels, others: others, to: directory.appendingPathComponent(Layout.licences))
        manifest.files[Layout.fhrs] = hotels.count + others.count
        manifest.files[Layout.licences] = licensed.rows

        let reviewCount = try self.writeReviews(hotels: hotels, to: directory.appendingPathComponent(Layout.reviews))
        manifest.files[Layout.reviews] = reviewCount

        let taxis = try self.writeTaxis(directory: directory)
        manifest.files[Layout.drivers] = taxis.drivers
        manifest.files[Layout.vehicles] = taxis.vehicles
        manifest.files[Layout.operators] = taxis.operators
        manifest.plantedDrivers = taxis.planted

        let sources = try self.writeReportsAndIntelligence(hotels: hotels, taxis: taxis, directory: directory)
        manifest.files[Layout.reports] = sources.reports
        manifest.files[Layout.intelligence] = sources.intelligence

        manifest.applications = try self.writeApplications(
            hotels: hotels, directory: directory.appendingPathComponent(Layout.applications))
        manifest.files[Layout.applications] = manifest.applications.count

        manifest.hotels = hotels.compactMap { hotel in
            guard hotel.role != .ordinary, hotel.role != .unreviewed else { return nil }
            return CorpusManifest.PlantedHotel(hotel: hotel, licensed: licensed.hotelStatus[hotel.establishment.fhrsID])
        }
        manifest.hotelCount = hotels.count
        manifest.unreviewedHotels = hotels.filter { $0.role == .unreviewed }.count
        try manifest.write(to: directory.appendingPathComponent(Layout.manifest))
        return manifest
    }

    /// A generator for one part of the corpus, independent of the others' draws.
    func random(_ stream: UInt64) -> SeededRandom {
        SeededRandom(seed: self.seed &* 0x2545_F491_4F6C_DD1D &+ stream &* 0x9E37_79B9)
    }
}
