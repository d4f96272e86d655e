import Foundation
import SafeguardCore
import SafeguardCorpus
import SafeguardPipeline
import SafeguardReports
import SafeguardRules
import SafeguardStore
import SafeguardText
import Testing

/// The committed demo corpus imported once into a fresh database and profiled with the shipped rules.
struct DemoRun: Sendable {
    let manifest: CorpusManifest
    let result: ProfileJob.Result
    let output: URL
    let issues: Int
    let database: String
    let rules: URL

    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let shared: Result<DemoRun, PipelineError> = {
        do {
            return .success(try DemoRun.make())
        } catch {
            return .failure(PipelineError(message: "\(error)"))
        }
    }()

    static func make() throws -> DemoRun {
        let corpus = Self.repository.appendingPathComponent("corpus")
        let rules = Self.repository.appendingPathComponent("rules")
        let manifest = try CorpusManifest.read(from: corpus.appendingPathComponent("manifest.json"))
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("pipeline-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let database = work.appendingPathComponent("demo.sqlite").path
        let signs = try SignListLoader.load(file: rules.appendingPathComponent("hotels/signs.yaml"))
        let analyser = TextAnalyser(signs: signs, key: PseudonymKey.random().key, gazetteer: try NameGazetteer.bundled())
        let importer = CorpusImport(store: try SQLiteStore(path: database), analyser: analyser)
        try importer.importAll(from: corpus)
        let output = work.appendingPathComponent("out")
        let result = try ProfileJob(databasePath: database, rulesDirectory: rules, asOf: manifest.asOf, outputDirectory: output).run()
        return DemoRun(manifest: manifest, result: result, output: output, issues: importer.issues.count, database: database, rules: rules)
    }

    static func get() throws -> DemoRun {
        try Self.shared.get()
    }
}

@Suite struct DemoCorpusProfileTests {
    @Test func plantedHotelsRankAtTheTopWithThePlantedReasons() throws {
        let run = try DemoRun.get()
        let planted = run.manifest.hotels(.planted)
        let top = run.result.profile.entries.prefix(planted.count)
        // Given five planted hotels, when the corpus is profiled, then they are the top five...
        #expect(Set(top.map(\.id)) == Set(planted.map(\.fhrsID)))
        for hotel in planted {
            let entry = try #require(top.first { $0.id == hotel.fhrsID })
            // ...in the highest band, with every planted sign among the findings, from all three sources.
            #expect(entry.band == run.result.profile.bands.last?.band, "\(hotel.name) is in band \(entry.band)")
            let rules = Set(entry.findings.map(\.rule))
            for sign in hotel.signs {
                #expect(rules.contains("sign/\(sign)"), "\(hotel.name): planted sign \(sign) is not a finding")
            }
            #expect(Set(entry.sources).isSuperset(of: ["review", "report", "intelligence"]), "\(hotel.name): sources \(entry.sources)")
            #expect(entry.distinctMonths >= 4)
            #expect(entry.timeline.contains { $0.source == "report" })
        }
    }

    @Test func aGoodHotelWithOneAngryReviewIsNotFlagged() throws {
        let run = try DemoRun.get()
        let flagged = Set(run.result.profile.entries.map(\.id))
        let rants = run.manifest.hotels(.rant)
        #expect(!rants.isEmpty)
        for hotel in rants {
            #expect(!flagged.contains(hotel.fhrsID), "\(hotel.name) (one furious review) is flagged")
        }
    }

    @Test func noiseOnlyHotelsAreAtMostMonitored() throws {
        let run = try DemoRun.get()
        let allowed: Set<String> = ["none", "monitor"]
        for hotel in run.manifest.hotels(.noiseOnly) {
            let band = run.result.profile.entries.first { $0.id == hotel.fhrsID }?.band ?? "none"
            #expect(allowed.contains(band), "\(hotel.name) has only noise and dirt but is in band \(band)")
        }
    }

    @Test func goodPracticeHotelsAreNotFlagged() throws {
        let run = try DemoRun.get()
        let flagged = Set(run.result.profile.entries.map(\.id))
        for hotel in run.manifest.hotels(.goodPractice) {
            #expect(!flagged.contains(hotel.fhrsID), "\(hotel.name) shows good practice but is flagged")
        }
    }

    @Test func profileCoversTheAreaAndItsGaps() throws {
        let run = try DemoRun.get()
        let profile = run.result.profile
        #expect(profile.scope.hotels == run.manifest.hotelCount)
        #expect(profile.scope.hotelsWithoutReviews >= run.manifest.unreviewedHotels)
        #expect(profile.scope.reports > 0 && profile.scope.intelligenceRecords > 0)
        #expect(profile.gaps.contains { $0.title == "Hotels with no reviews" })
        #expect(profile.monthly.reduce(0) { $0 + $1.total } > 0)
        #expect(run.issues == 0, "the corpus imports without rejected records")
    }

    @Test func outputsCarryNoPersonalDataFromTheCorpus() throws {
        let run = try DemoRun.get()
        for name in ["profile.html", "profile.csv", "profile.json"] {
            let text = try String(contentsOf: run.output.appendingPathComponent(name), encoding: .utf8)
            #expect(!text.contains("07700 900"), "\(name) carries a phone number")
            #expect(!text.contains("@example.com"), "\(name) carries an e-mail address")
        }
    }

    @Test func areaAndSinceNarrowTheProfileAndSuppressSmallHidesCounts() throws {
        let run = try DemoRun.get()
        let output = run.output.deletingLastPathComponent().appendingPathComponent("kv10")
        let result = try ProfileJob(
            databasePath: run.database, rulesDirectory: run.rules, asOf: run.manifest.asOf,
            since: CalendarDay(iso: "2026-01-01"), area: "KV10", suppressSmall: true, outputDirectory: output
        ).run()
        let profile = result.profile
        #expect(profile.area == "KV10")
        #expect(profile.scope.hotels > 0 && profile.scope.hotels < run.result.profile.scope.hotels)
        #expect(profile.entries.allSatisfy { $0.district == "KV10" })
        #expect(profile.monthly.first?.month == "2026-01")
        #expect(profile.entries.flatMap(\.timeline).allSatisfy { ($0.date ?? CalendarDay(iso: "2026-01-01")!) >= CalendarDay(iso: "2026-01-01")! })
        let csv = try String(contentsOf: output.appendingPathComponent("profile.csv"), encoding: .utf8)
        let small = profile.entries.contains { (1...4).contains($0.reportCount) }
        #expect(!small || csv.contains(",<5,"), "small counts are suppressed in the CSV")
    }
}
