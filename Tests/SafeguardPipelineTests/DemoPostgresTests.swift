import Foundation
import SafeguardCore
import SafeguardCorpus
import SafeguardPipeline
import SafeguardReports
import SafeguardRules
import SafeguardStore
import SafeguardStorePostgres
import SafeguardText
import Testing

/// A superuser on the throwaway test cluster, when one runs.
let demoPostgresURL = ProcessInfo.processInfo.environment["SAFEGUARD_TEST_POSTGRES_URL"]

/// The demo's import and hotel profile on PostgreSQL give the numbers they give on SQLite.
/// Runs when `SAFEGUARD_TEST_POSTGRES_URL` names a superuser on a throwaway cluster
/// (`. .ci/postgres` starts one); skipped otherwise.
@Suite(.enabled(if: demoPostgresURL != nil, "SAFEGUARD_TEST_POSTGRES_URL is not set (`. .ci/postgres` starts a cluster)"))
struct DemoPostgresTests {
    static let adminURL = demoPostgresURL

    /// A fresh database on the test cluster, migrated by the superuser, used as the non-owner role.
    static func freshPostgresURL(authority: String) throws -> String {
        let admin = try #require(Self.adminURL)
        let name = "safeguard_demo_" + UUID().uuidString.prefix(12).lowercased().replacingOccurrences(of: "-", with: "")
        try PostgresMigrator.execute(url: admin, sql: "CREATE DATABASE \(name)")
        var components = try #require(URLComponents(string: admin))
        components.path = "/" + name
        components.query = nil
        _ = try PostgresMigrator.migrate(url: try #require(components.string), appRole: "safeguard_app")
        components.user = "safeguard_app"
        components.password = nil
        components.queryItems = [URLQueryItem(name: "authority", value: authority)]
        return try #require(components.string)
    }

    /// Imports the committed corpus into `store` and profiles it with the shipped rules.
    static func demo(into store: any SafeguardStore, key: PseudonymKey, work: URL) throws -> (CorpusImport, ProfileJob.Result) {
        let corpus = DemoRun.repository.appendingPathComponent("corpus")
        let rules = DemoRun.repository.appendingPathComponent("rules")
        let manifest = try CorpusManifest.read(from: corpus.appendingPathComponent("manifest.json"))
        let signs = try SignListLoader.load(file: rules.appendingPathComponent("hotels/signs.yaml"))
        let analyser = TextAnalyser(signs: signs, key: key, gazetteer: try NameGazetteer.bundled())
        let importer = CorpusImport(store: store, analyser: analyser)
        try importer.importAll(from: corpus)
        let result = try ProfileJob(
            databasePath: "demo", rulesDirectory: rules, asOf: manifest.asOf, outputDirectory: work, store: store
        ).run()
        return (importer, result)
    }

    @Test func theDemoProfileIsTheSameOnPostgreSQLAsOnSQLite() throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("demo-pg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let key = PseudonymKey.random().key
        let sqlite = try SQLiteStore(path: work.appendingPathComponent("demo.sqlite").path)
        let postgres = try PostgresStore(url: try Self.freshPostgresURL(authority: "demo"))
        let (sqliteImport, onSQLite) = try Self.demo(into: sqlite, key: key, work: work.appendingPathComponent("sqlite"))
        let (postgresImport, onPostgres) = try Self.demo(into: postgres, key: key, work: work.appendingPathComponent("pg"))

        // Given the same corpus, when it is imported and profiled on each backend, then the stores
        // hold the same rows (the taxi register's history, NR3S searches and s.6 replies too)...
        #expect(try postgres.tableCounts() == sqlite.tableCounts())
        #expect(postgresImport.issues.count == sqliteImport.issues.count)
        #expect(sqliteImport.skipped.isEmpty)
        #expect(postgresImport.skipped.isEmpty)
        // ...and the profile flags the same premises with the same scores, bands and findings.
        let flagged = onSQLite.profile.entries
        #expect(flagged.count >= 5)
        #expect(onPostgres.profile.scope == onSQLite.profile.scope)
        #expect(onPostgres.profile.bands == onSQLite.profile.bands)
        #expect(onPostgres.profile.entries.map(\.id) == flagged.map(\.id))
        #expect(onPostgres.profile.entries.map(\.score) == flagged.map(\.score))
        #expect(onPostgres.profile.entries.map(\.band) == flagged.map(\.band))
        #expect(onPostgres.profile.entries.map { $0.findings.map(\.rule) } == flagged.map { $0.findings.map(\.rule) })
        #expect(onPostgres.profile.entries == flagged)
        #expect(onPostgres.profile == onSQLite.profile)

        // The demo's steps 4 and 5 on each backend: the driver check reads the same register
        // (history, NR3S searches, s.6 replies, the reports naming a badge or a plate) and flags
        // the same drivers for the same reasons...
        let rules = DemoRun.repository.appendingPathComponent("rules")
        let manifest = try CorpusManifest.read(from: DemoRun.repository.appendingPathComponent("corpus/manifest.json"))
        let driversOnSQLite = try DriverScreening.report(store: sqlite, rulesDirectory: rules, asOf: manifest.asOf)
        let driversOnPostgres = try DriverScreening.report(store: postgres, rulesDirectory: rules, asOf: manifest.asOf)
        #expect(driversOnSQLite.entries.count >= 8)
        #expect(driversOnPostgres.entries.map(\.licenceNumber) == driversOnSQLite.entries.map(\.licenceNumber))
        #expect(driversOnPostgres.outcomes == driversOnSQLite.outcomes)
        #expect(driversOnPostgres == driversOnSQLite)
        // ...and screening the corpus applications reads the same premises history and stores one
        // decision per application that replays the same.
        let applications = DemoRun.repository.appendingPathComponent("corpus/applications")
        let screening = try ApplicationScreening(rules: rules)
        let screenedOnSQLite = try screening.screen(
            directory: applications, store: sqlite, asOf: manifest.asOf,
            output: work.appendingPathComponent("sqlite-applications.json"), letters: nil)
        let screenedOnPostgres = try screening.screen(
            directory: applications, store: postgres, asOf: manifest.asOf,
            output: work.appendingPathComponent("pg-applications.json"), letters: nil)
        #expect(screenedOnSQLite.results.count >= 8)
        #expect(screenedOnPostgres.lines == screenedOnSQLite.lines)
        #expect(
            try Data(contentsOf: work.appendingPathComponent("pg-applications.json"))
                == Data(contentsOf: work.appendingPathComponent("sqlite-applications.json")))
        let recurring = try #require(screenedOnPostgres.results.first { $0.history != nil })
        #expect(try postgres.screening(id: recurring.decisionID)?.band == recurring.band)
    }
}
