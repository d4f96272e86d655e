import ArgumentParser
import Foundation
import SafeguardCore
import SafeguardReports
import SafeguardPipeline
import SafeguardStorePostgres
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

        @OptionGroup var store: StoreOptions

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
            let path = self.store.path
            try StoreOptions.requireExisting(path)
            let rulesDirectory = try self.rules.directory()
            let store = try self.store.openExistingStore()
            let result = try ProfileJob(
                databasePath: PostgresLocation.redacted(path), rulesDirectory: rulesDirectory,
                asOf: self.asOf.flatMap { CalendarDay(iso: $0) } ?? ExplainCommand.today(),
                since: self.since.flatMap { CalendarDay(iso: $0) }, area: self.area,
                suppressSmall: self.suppressSmall, outputDirectory: URL(fileURLWithPath: self.out), store: store
            ).run()
            print(result.summary)
        }
    }
}
