import ArgumentParser
import Foundation
import SafeguardCorpus

/// `safeguard corpus generate`: writes the seeded, fictional demo corpus.
struct CorpusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corpus",
        abstract: "Generate the fictional demo corpus (FHRS XML, licences, reviews, reports, intelligence, taxis, applications).",
        subcommands: [Generate.self]
    )

    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a seeded corpus of the fictional borough of Kelverton.",
            discussion: """
                The same seed and scale always give the same files. Scale 1 is the committed demo \
                corpus (about 300 hotels, 20,000 reviews); benchmarks scale it up.

                Examples:
                  safeguard corpus generate --seed 42 --scale 1 --out corpus
                  safeguard corpus generate --seed 42 --scale 17 --reviews 1000000 --out /tmp/big
                """
        )

        @Option(help: "Seed of the random generator.")
        var seed: UInt64 = 42

        @Option(help: "Scale factor: every count is multiplied by it.")
        var scale: Int = 1

        @Option(help: "Directory to write the corpus into (created if missing).")
        var out: String = "corpus"

        @Option(help: "Override the number of hotels.")
        var hotels: Int?

        @Option(help: "Override the number of reviews.")
        var reviews: Int?

        func validate() throws {
            guard self.scale >= 1, self.scale <= 1_000 else {
                throw ValidationError("--scale must be between 1 and 1000 (got \(self.scale)).")
            }
            if let hotels = self.hotels, hotels < 30 {
                throw ValidationError("--hotels must be at least 30 so every planted pattern fits (got \(hotels)).")
            }
            if let reviews = self.reviews, reviews < 0 {
                throw ValidationError("--reviews cannot be negative (got \(reviews)).")
            }
        }

        func run() throws {
            var generator = CorpusGenerator(seed: self.seed, scale: self.scale)
            if let hotels = self.hotels { generator.counts.hotels = hotels }
            if let reviews = self.reviews { generator.counts.reviews = reviews }
            let directory = URL(fileURLWithPath: self.out)
            let manifest: CorpusManifest
            do {
                manifest = try generator.write(to: directory)
            } catch let error as CorpusError {
                throw CommandError(.output, error.message)
            }
            print("corpus written to \(directory.path) (seed \(self.seed), scale \(self.scale), as of \(manifest.asOf))")
            for file in manifest.files.keys.sorted() {
                print("  \(file): \(manifest.files[file]!) records")
            }
            print("  planted hotels: \(manifest.hotels(.planted).count), rants: \(manifest.hotels(.rant).count), good practice: \(manifest.hotels(.goodPractice).count), noise only: \(manifest.hotels(.noiseOnly).count); drivers with gaps: \(manifest.plantedDrivers.count)")
        }
    }
}
