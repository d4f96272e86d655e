import ArgumentParser
import Foundation
import SafeguardCore
import SafeguardCorpus
import SafeguardPipeline
import SafeguardStore
import SafeguardText

/// `safeguard bench profile`: generate a big corpus, import it, and time the hotel profile build.
struct BenchProfileCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profile",
        abstract: "Time the hotel problem profile on a generated corpus (default 5,000 hotels, 1,000,000 reviews).",
        discussion: """
            Steps, each timed: generate the corpus (seeded), import it into a fresh database (every \
            review pseudonymised and scanned), then build the profile from the stored data (read \
            hotels and evidence, score every hotel, build the profile) and write the three files. \
            The figure the issue asks for is the profile build from the stored data.

            Example:
              swift build -c release && .build/release/safeguard bench profile --hotels 5000 --reviews 1000000
            """)

    @Option(help: "Hotels in the generated corpus.")
    var hotels = 5_000

    @Option(help: "Reviews in the generated corpus.")
    var reviews = 1_000_000

    @Option(help: "Seed of the corpus generator.")
    var seed: UInt64 = 42

    @Option(help: "Working directory (default: a new temporary directory, removed afterwards).")
    var work: String?

    @Flag(help: "Reuse the database and corpus already in --work (skip generation and import).")
    var reuse = false

    @OptionGroup var rules: RulesDirectoryOptions

    func run() async throws {
        let rulesDirectory = try self.rules.directory()
        let temporary = self.work == nil
        let work = URL(fileURLWithPath: self.work ?? FileManager.default.temporaryDirectory.appendingPathComponent("safeguard-bench-profile-\(UUID().uuidString)").path)
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { if temporary { try? FileManager.default.removeItem(at: work) } }
        let corpus = work.appendingPathComponent("corpus")
        let database = work.appendingPathComponent("bench.sqlite").path
        let clock = ContinuousClock()
        var generator = CorpusGenerator(seed: self.seed, scale: max(1, self.hotels / 300))
        generator.counts.hotels = self.hotels
        generator.counts.reviews = self.reviews
        if !self.reuse {
            try? FileManager.default.removeItem(atPath: database)
            let start = clock.now
            let manifest = try generator.write(to: corpus)
            print("generate: \(manifest.hotelCount) hotels, \(manifest.files[CorpusGenerator.Layout.reviews] ?? 0) reviews, \(manifest.files[CorpusGenerator.Layout.fhrs] ?? 0) FHRS establishments in \(Self.seconds(clock.now - start)) s")
            let text = try TextOptions.parse(["--key-file", work.appendingPathComponent("bench.key").path, "--rules", rulesDirectory.path])
            let importer = CorpusImport(store: try SQLiteStore(path: database), analyser: try text.makeAnalyser())
            let importStart = clock.now
            try importer.importAll(from: corpus) { line in
                print("import \(line.source): \(line.read) records in \(String(format: "%.2f", line.seconds)) s")
            }
            print("import total: \(Self.seconds(clock.now - importStart)) s")
        }
        let result = try ProfileJob(
            databasePath: database, rulesDirectory: rulesDirectory, asOf: generator.asOf,
            outputDirectory: work.appendingPathComponent("profile")
        ).run()
        let build = result.readSeconds + result.buildSeconds
        print("profile: \(result.profile.scope.hotels) hotels, \(result.profile.scope.reviews) reviews, \(result.profile.scope.concernItems + result.profile.scope.goodPracticeItems) sign items, \(result.profile.scope.flagged) flagged")
        print("profile read store: \(String(format: "%.2f", result.readSeconds)) s; score + build: \(String(format: "%.2f", result.buildSeconds)) s; write files: \(String(format: "%.2f", result.writeSeconds)) s")
        print("profile build from stored data: \(String(format: "%.2f", build)) s (target < 10 s); with files: \(String(format: "%.2f", build + result.writeSeconds)) s")
    }

    static func seconds(_ duration: Duration) -> String {
        String(format: "%.2f", Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18)
    }
}
