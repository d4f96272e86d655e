import Foundation
import SafeguardCore
import SafeguardReports
import SafeguardRules
import SafeguardStore

/// Reads the store, scores the hotels, writes the three profile files. Shared by `profile hotels`,
/// `demo` and `bench profile`.
public struct ProfileJob: Sendable {
    public var databasePath: String
    public var rulesDirectory: URL
    public var asOf: CalendarDay
    public var since: CalendarDay?
    public var area: String?
    public var suppressSmall: Bool
    public var outputDirectory: URL
    /// The store to read; nil opens the SQLite file at `databasePath` (the PostgreSQL store, or any
    /// other, is passed here and `databasePath` only names it in messages).
    public var store: (any SafeguardStore)?

    public struct Result: Sendable {
        public var profile: HotelProfile
        public var files: [URL]
        public var readSeconds: Double
        public var buildSeconds: Double
        public var writeSeconds: Double

        /// A short text summary: counts, the top ten and the files.
        public var summary: String {
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

    public init(
        databasePath: String, rulesDirectory: URL, asOf: CalendarDay, since: CalendarDay? = nil, area: String? = nil,
        suppressSmall: Bool = false, outputDirectory: URL, store: (any SafeguardStore)? = nil
    ) {
        self.store = store
        self.databasePath = databasePath
        self.rulesDirectory = rulesDirectory
        self.asOf = asOf
        self.since = since
        self.area = area
        self.suppressSmall = suppressSmall
        self.outputDirectory = outputDirectory
    }

    /// Loads the rules, reads the hotels, scores them, writes the three files.
    public func run() throws -> Result {
        let ruleSet: RuleSet
        do {
            ruleSet = try RuleSetLoader.load(directory: self.rulesDirectory)
        } catch {
            throw PipelineError(message: "The rules in \(self.rulesDirectory.path) do not load: \(error). Run `safeguard rules check \(self.rulesDirectory.path)`.", step: .rules)
        }
        let clock = ContinuousClock()
        let start = clock.now
        let snapshots: [HotelSnapshot]
        do {
            snapshots = try (self.store ?? SQLiteStore(path: self.databasePath)).hotels()
        } catch let error as StoreError {
            throw PipelineError(message: "Cannot read hotels from \(self.databasePath): \(error.message)", step: .store)
        }
        let read = clock.now
        let profile = HotelProfileRun(engine: Engine(ruleSet: ruleSet), asOf: self.asOf, since: self.since, area: self.area)
            .profile(of: snapshots)
        let built = clock.now
        let files: [URL]
        do {
            files = try ProfileWriter(counts: CountStyle(suppressSmall: self.suppressSmall)).write(profile, to: self.outputDirectory)
        } catch let error as ReportError {
            throw PipelineError(message: error.message, step: .output)
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
