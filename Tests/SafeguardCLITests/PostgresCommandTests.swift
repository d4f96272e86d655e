import Foundation
import Testing

/// `--db postgres://…` through the one store factory: what a user sees for a bad URL, a missing
/// authority, a server that is not there and a command that still needs SQLite (no server needed);
/// and, when `SAFEGUARD_TEST_POSTGRES_URL` names a throwaway cluster (`. .ci/postgres`), the `db`
/// commands, an import and a profile on PostgreSQL.
@Suite struct PostgresCommandTests {
    @Test func aURLWithoutAnAuthorityIsAUsageErrorSayingHowToAddOne() throws {
        let cli = try SafeguardBinary()
        defer { cli.cleanUp() }
        let result = try cli.run(["links", "review", "--db", "postgres://app@127.0.0.1:5432/safeguard"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("names no authority"))
        #expect(result.stderr.contains("?authority=ID"))
    }

    @Test func aMalformedURLSaysWhatToWrite() throws {
        let cli = try SafeguardBinary()
        defer { cli.cleanUp() }
        let result = try cli.run(["profile", "hotels", "--out", "out", "--db", "postgres://"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("is not a PostgreSQL URL"))
        #expect(result.stderr.contains("postgres://USER:PASSWORD@HOST:PORT/DATABASE?authority=ID"))
    }

    @Test func anUnreachableServerIsADatabaseErrorNamingItWithoutThePassword() throws {
        let cli = try SafeguardBinary()
        defer { cli.cleanUp() }
        // Port 1 on loopback: nothing listens there.
        let result = try cli.run(["links", "review", "--db", "postgres://app:s3cret@127.0.0.1:1/safeguard?authority=coventry"])
        #expect(result.status == 3)
        #expect(result.stderr.contains("cannot reach PostgreSQL at postgres://app@127.0.0.1:1/safeguard"))
        #expect(result.stderr.contains("check that the server is running"))
        #expect(!result.output.contains("s3cret"))
    }

    @Test func driversAndScreenTakeAPostgreSQLURLAndNameAServerThatIsNotThere() throws {
        let cli = try SafeguardBinary()
        defer { cli.cleanUp() }
        // Their tables are in the PostgreSQL store too: they connect (no "needs SQLite" refusal).
        let application = SafeguardBinary.repositoryRoot.appendingPathComponent("corpus/applications/APP-2026-0004.json").path
        for arguments in [["drivers"], ["screen", application]] {
            let result = try cli.run(arguments + ["--db", "postgres://app@127.0.0.1:1/safeguard?authority=coventry"])
            #expect(result.status == 3, "\(arguments)")
            #expect(result.stderr.contains("cannot reach PostgreSQL at postgres://app@127.0.0.1:1/safeguard"), "\(result.stderr)")
            #expect(!result.stderr.contains("SQLite"))
        }
    }

    @Test func dbStatusOnSQLiteListsAppliedMigrationsAndChangesNothing() throws {
        let cli = try SafeguardBinary()
        defer { cli.cleanUp() }
        #expect(try cli.run(["db", "status", "--db", "none.sqlite"]).status == 3)
        #expect(!FileManager.default.fileExists(atPath: cli.path("none.sqlite")))
        let migrate = try cli.run(["db", "migrate", "--db", "new.sqlite"])
        #expect(migrate.status == 0)
        #expect(migrate.stdout.contains("v1-entities-and-feeds"))
        let status = try cli.run(["db", "status", "--db", "new.sqlite"])
        #expect(status.status == 0)
        #expect(status.stdout.contains("0 pending"))
        #expect(status.stdout.contains("applied  v1-entities-and-feeds"))
        #expect(try cli.run(["db", "migrate", "--db", "new.sqlite"]).stdout.contains("up to date"))
    }
}

/// The PostgreSQL half: a fresh database on the test cluster per test.
@Suite(.enabled(if: cliPostgresURL != nil, "set SAFEGUARD_TEST_POSTGRES_URL (e.g. `. .ci/postgres`) to run the PostgreSQL half"))
struct PostgresCommandClusterTests {
    /// Creates a database with psql (installed with the cluster) and returns its owner URL.
    static func createDatabase() throws -> String {
        let admin = try #require(cliPostgresURL)
        let name = "safeguard_cli_" + UUID().uuidString.prefix(12).lowercased().replacingOccurrences(of: "-", with: "")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["psql", admin, "-qc", "CREATE DATABASE \(name)"]
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "psql could not create a database")
        var components = try #require(URLComponents(string: admin))
        components.path = "/" + name
        return try #require(components.string)
    }

    static func appURL(_ ownerURL: String, authority: String) throws -> String {
        var components = try #require(URLComponents(string: ownerURL))
        components.user = "safeguard_app"
        components.queryItems = [URLQueryItem(name: "authority", value: authority)]
        return try #require(components.string)
    }

    @Test func migrateStatusImportProfileAndCopyOnPostgreSQL() throws {
        let cli = try SafeguardBinary()
        defer { cli.cleanUp() }
        let owner = try Self.createDatabase()
        // Given an empty database, status lists every migration as pending, and the app role is refused until migrated,
        let before = try cli.run(["db", "status", "--db", owner])
        #expect(before.status == 0)
        #expect(before.stdout.contains("0 applied"))
        #expect(before.stdout.contains("pending  postgres-authority-isolation"))
        // when it is migrated as the owner with an application role, nothing is pending,
        let migrate = try cli.run(["db", "migrate", "--db", owner, "--app-role", "safeguard_app"])
        #expect(migrate.status == 0, "\(migrate.output)")
        #expect(try cli.run(["db", "status", "--db", owner]).stdout.contains(" 0 pending"))
        // and the commands run on it as the application role for an authority.
        let app = try Self.appURL(owner, authority: "blackpool")
        let imported = try cli.run(["import", "fhrs", SafeguardBinary.fhrsFixture, "--db", app])
        #expect(imported.status == 0, "\(imported.output)")
        let profile = try cli.run(["profile", "hotels", "--out", "out", "--as-of", "2024-01-01", "--db", app])
        #expect(profile.status == 0, "\(profile.output)")
        #expect(FileManager.default.fileExists(atPath: cli.path("out/profile.json")))
        // The same file into SQLite, then copied into another authority: verified, and again copies nothing.
        #expect(try cli.run(["import", "fhrs", SafeguardBinary.fhrsFixture, "--db", "local.sqlite"]).status == 0)
        let fylde = try Self.appURL(owner, authority: "fylde")
        let copy = try cli.run(["db", "copy", "--from", "local.sqlite", "--to", fylde])
        #expect(copy.status == 0, "\(copy.output)")
        #expect(copy.stdout.contains("Verified"))
        let again = try cli.run(["db", "copy", "--from", "local.sqlite", "--to", fylde])
        #expect(again.status == 0)
        #expect(again.stdout.contains("(0 copied now)"))
        #expect(!again.stdout.contains("MISMATCH"))
        // Sharing is explicit: Fylde's regional profile reads Blackpool's hotels only once Blackpool shares them.
        func hotels(_ url: String) throws -> Int? {
            let run = try cli.run(["profile", "hotels", "--out", "region", "--as-of", "2024-01-01", "--db", url])
            let words = run.stdout.split(separator: " ")
            return words.firstIndex(of: "hotels,").flatMap { Int(words[$0 - 1]) }
        }
        let fyldeRegion = fylde + "&scope=region"
        let own = try #require(try hotels(fylde))
        #expect(own > 0)
        #expect(try hotels(fyldeRegion) == own)
        #expect(try cli.run(["db", "share", "--db", app, "--with", "fylde", "--kinds", "gossip"]).status == 64)
        let share = try cli.run(["db", "share", "--db", app, "--with", "fylde", "--kinds", "fhrs"])
        #expect(share.status == 0, "\(share.output)")
        #expect(try hotels(fyldeRegion) == 2 * own)
        #expect(try hotels(fylde) == own)
        #expect(try cli.run(["db", "share", "--db", app, "--with", "fylde", "--kinds", "fhrs", "--stop"]).status == 0)
        #expect(try hotels(fyldeRegion) == own)
        // A copy into the authority that already has its own import is refused, naming why.
        let refused = try cli.run(["db", "copy", "--from", "local.sqlite", "--to", app])
        #expect(refused.status == 3)
        #expect(refused.stderr.contains("already holds"))
    }
}

extension PostgresCommandClusterTests {
    @Test func driversAndScreenGiveOnPostgreSQLWhatTheyGiveOnSQLite() throws {
        let cli = try SafeguardBinary()
        defer { cli.cleanUp() }
        let owner = try Self.createDatabase()
        #expect(try cli.run(["db", "migrate", "--db", owner, "--app-role", "safeguard_app"]).status == 0)
        let app = try Self.appURL(owner, authority: "kelverton")
        // Given the corpus's taxi register (licences, history, NR3S searches, s.6 replies) in each store,
        let taxis = ["drivers", "vehicles", "operators", "licence-history", "nr3s", "s6-replies"].map {
            SafeguardBinary.repositoryRoot.appendingPathComponent("corpus/taxis/\($0).csv").path
        }
        for db in [app, "local.sqlite"] {
            let imported = try cli.run(["import", "taxi"] + taxis + ["--db", db, "--json"])
            #expect(imported.status == 0, "\(imported.output)")
        }
        // the driver check flags the same drivers for the same reasons on both,
        let onPostgres = try cli.run(["drivers", "--as-of", "2026-11-01", "--json", "--db", app])
        let onSQLite = try cli.run(["drivers", "--as-of", "2026-11-01", "--json", "--db", "local.sqlite"])
        #expect(onPostgres.status == 0, "\(onPostgres.output)")
        #expect(onPostgres.stdout.contains("KV/PH/90007"))
        #expect(onPostgres.stdout == onSQLite.stdout)
        // and an application screened on PostgreSQL is stored there and replays by its decision id.
        let application = SafeguardBinary.repositoryRoot.appendingPathComponent("corpus/applications/APP-2026-0004.json").path
        let screened = try cli.run(["screen", application, "--as-of", "2026-11-01", "--json", "--db", app])
        #expect(screened.status == 0, "\(screened.output)")
        let results = try #require(try JSONSerialization.jsonObject(with: Data(screened.stdout.utf8)) as? [[String: Any]])
        let decision = results.first?["decision-id"] as? String
        let replay = try cli.run(["screen", "--replay", try #require(decision), "--db", app])
        #expect(replay.status == 0, "\(replay.output)")
        #expect(replay.stdout.contains("Stored decision \(decision!)"))
        // Another authority in the same database has no such decision.
        let other = try cli.run(["screen", "--replay", decision!, "--db", try Self.appURL(owner, authority: "ravensmoor")])
        #expect(other.status != 0)
    }
}

/// A superuser on the throwaway test cluster, when one runs.
let cliPostgresURL = ProcessInfo.processInfo.environment["SAFEGUARD_TEST_POSTGRES_URL"]
