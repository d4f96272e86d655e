import ArgumentParser
import Foundation
import SafeguardCore
import SafeguardReports
import SafeguardRules
import SafeguardStore

/// `safeguard profile hotels`: the hotel problem profile from the stored data.
struct ProfileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profile",
        abstract: "Write problem profiles from the stored data.",
        subcommands: [Hotels.self]
    )

    struct Hotels: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Score every stored hotel and write profile.html, profile.csv and profile.json.",
            discussion: """
                Reads the hotels, licences and linked evidence (reviews, whistle-blowing reports, \
                intelligence, visits) from the database, scores each hotel with the rules and writes a \
                NIM-style problem profile. Nothing in it proves exploitation; it shows where a visit is justified.

                Examples:
                  safeguard profile hotels --out profile/
                  safeguard profile hotels --area KV10 --since 2026-01-01 --suppress-small --out shared/
                """
        )

        @Option(help: "Only hotels whose name, address, postcode, postcode district or authority contains this text.")
        var area: String?

        @Option(help: "Leave out evidence dated before this day (YYYY-MM-DD).")
        var since: String?

        @Option(help: "The day the profile describes (YYYY-MM-DD; default: today). Evidence ages count to it.")
        var asOf: String?

        @Flag(help: "Show counts under 5 as \"<5\" (for sharing with partners).")
        var suppressSmall = false

        @Option(help: "Directory to write profile.html, profile.csv and profile.json into.")
        var out: String

        @Option(help: ArgumentHelp("The Safeguard database file (default: $SAFEGUARD_DB, else ./safeguard.sqlite).", valueName: "path"))
        var db: String?

        @OptionGroup var rules: RulesDirectoryOptions

        func validate() throws {
            if let since = self.since, CalendarDay(iso: since) == nil || since.count != 10 {
                throw ValidationError("--since '\(since)' is not a date: write it as YYYY-MM-DD, e.g. --since 2026-01-01.")
            }
            if let asOf = self.asOf, CalendarDay(iso: asOf) == nil || asOf.count != 10 {
                throw ValidationError("--as-of '\(asOf)' is not a date: write it as YYYY-MM-DD, e.g. --as-of 2026-11-01.")
            }
        }

        func run() throws {
            let path = self.db ?? ProcessInfo.processInfo.environment["SAFEGUARD_DB"] ?? "./safeguard.sqlite"
            guard FileManager.default.fileExists(atPath: path) else {
                throw ValidationError("No database at '\(path)'. Import data first (`safeguard import fhrs ...`) or pass --db PATH; `safeguard demo` builds one from the demo corpus.")
            }
            let result = try ProfileJob(
                databasePath: path, rulesDirectory: try self.rules.directory(),
                asOf: self.asOf.flatMap { CalendarDay(iso: $0) } ?? ExplainCommand.today(),
                since: self.since.flatMap { CalendarDay(iso: $0) }, area: self.area,
                suppressSmall: self.suppressSmall, outputDirectory: URL(fileURLWithPath: self.out)
            ).run()
            print(result.summary)
        }
    }
}

/// Reads the store, scores the hotels, writes the three profile files. Shared by `profile hotels`,
/// `demo` and `bench profile`.
struct ProfileJob {
    var databasePath: String
    var rulesDirectory: URL
    var asOf: CalendarDay
    var since: CalendarDay?
    var area: String?
    var suppressSmall: Bool
    var outputDirectory: URL

    struct Result {
        var profile: HotelProfile
        var files: [URL]
        var readSeconds: Double
        var buildSeconds: Double
        var writeSeconds: Double

        var summary: String {
            var lines = ["Hotel problem profile for \(self.profile.area) as of \(self.profile.asOf): \(self.profile.scope.hotels) hotels, \(self.profile.scope.flagged) flagged."]
            for entry in self.profile.entries.prefix(10) {
                lines.append("  \(entry.rank). \(entry.name) (\(entry.postcode)) score \(entry.score) \(entry.band): \(entry.topReasons.joined(separator: "; "))")
            }
            if self.profile.entries.count > 10 { lines.append("  ... and \(self.profile.entries.count - 10) more") }
            lines.append("Written:")
            lines += self.files.map { "  \($0.path)" }
            return lines.joined(separator: "\n")
        }
    }

    func run() throws -> Result {
        let ruleSet: RuleSet
        do {
            ruleSet = try RuleSetLoader.load(directory: self.rulesDirectory)
        } catch {
            throw ValidationError("The rules in \(self.rulesDirectory.path) do not load: \(error). Run `safeguard rules check \(self.rulesDirectory.path)`.")
        }
        let clock = ContinuousClock()
        let start = clock.now
        let snapshots: [HotelSnapshot]
        do {
            snapshots = try SQLiteStore(path: self.databasePath).hotels()
        } catch let error as StoreError {
            throw ValidationError("Cannot read hotels from \(self.databasePath): \(error.message)")
        }
        let read = clock.now
        let profile = HotelProfileRun(engine: Engine(ruleSet: ruleSet), asOf: self.asOf, since: self.since, area: self.area)
            .profile(of: snapshots)
        let built = clock.now
        let files: [URL]
        do {
            files = try ProfileWriter(counts: CountStyle(suppressSmall: self.suppressSmall)).write(profile, to: self.outputDirectory)
        } catch let error as ReportError {
            throw ValidationError(error.message)
        }
        let written = clock.now
        func seconds(_ duration: Duration) -> Double {
            Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        }
        return Result(
            profile: profile, files: files, readSeconds: seconds(read - start), buildSeconds: seconds(built - read),
            writeSeconds: seconds(written - built))
    }
}
