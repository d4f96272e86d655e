import ArgumentParser
import Foundation
import SafeguardStore
import SafeguardStorePostgres

/// `safeguard db …`: the database's schema (named migrations) on either backend, and moving an
/// embedded (SQLite) deployment to a shared (PostgreSQL) one.
struct DBCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Migrate a database, show its migrations, or copy an SQLite database into PostgreSQL.",
        discussion: """
            --db is an SQLite file or postgres://USER[:PASSWORD]@HOST:PORT/DATABASE. On PostgreSQL, \
            run `db migrate` as the owner of the database's public schema and name the application role \
            the other commands connect as (--app-role); that role gets row access only, never ownership \
            or BYPASSRLS, so row-level security keeps authorities apart.
              safeguard db migrate --db postgres://owner@db.example:5432/safeguard --app-role safeguard_app
              safeguard db status --db postgres://owner@db.example:5432/safeguard
              safeguard db copy --from safeguard.sqlite --to postgres://safeguard_app@db.example:5432/safeguard?authority=coventry
            """,
        subcommands: [DBMigrate.self, DBStatus.self, DBCopy.self, DBShare.self])
}

/// `safeguard db migrate`: applies pending named migrations.
struct DBMigrate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Apply the pending named migrations (SQLite file, or PostgreSQL as the schema's owner).")

    @OptionGroup var store: StoreOptions

    @Option(
        name: .long,
        help: ArgumentHelp(
            "PostgreSQL: the application role to create (when missing) and grant row access to.", valueName: "role"))
    var appRole: String?

    func run() throws {
        let path = self.store.path
        if self.store.isPostgres {
            let outcome: PostgresMigrator.Outcome
            do {
                outcome = try PostgresMigrator.migrate(url: path, appRole: self.appRole)
            } catch let error as StoreError {
                throw CommandError(.database, error.message)
            }
            Self.report(applied: outcome.applied, all: outcome.all, at: PostgresLocation.redacted(path))
            if let role = self.appRole {
                print("Role '\(role)' may read and write rows (row-level security applies to it); connect as it with ?authority=ID.")
            }
            return
        }
        if self.appRole != nil {
            throw CommandError(.usage, "--app-role is for PostgreSQL; an SQLite file has no roles", fix: "leave --app-role out for --db \(path)")
        }
        let before = FileManager.default.fileExists(atPath: path) ? try Self.sqliteApplied(path) : []
        _ = try self.store.open()
        let after = try Self.sqliteApplied(path)
        Self.report(applied: after.filter { !before.contains($0) }, all: after, at: path)
    }

    static func sqliteApplied(_ path: String) throws -> [String] {
        do {
            return try SQLiteStore.appliedMigrations(path: path)
        } catch let error as StoreError {
            throw CommandError(.database, error.message, fix: "pass --db the Safeguard database file")
        }
    }

    static func report(applied: [String], all: [String], at location: String) {
        if applied.isEmpty {
            print("\(location): up to date, \(all.count) migration(s) applied.")
        } else {
            print("\(location): applied \(applied.count) migration(s):")
            for name in applied { print("  \(name)") }
            print("\(all.count) migration(s) now applied.")
        }
    }
}

/// `safeguard db status`: which named migrations are applied and which are pending.
struct DBStatus: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "List the named migrations applied to the database and those pending.")

    @OptionGroup var store: StoreOptions

    @Flag(name: .long, help: "Print the status as one JSON object.")
    var json = false

    func run() throws {
        let path = self.store.path
        let known: [String]
        let applied: [String]
        if self.store.isPostgres {
            known = PostgresMigrator.migrationNames
            do {
                applied = try PostgresMigrator.appliedMigrations(url: path)
            } catch let error as StoreError {
                throw CommandError(
                    .database, error.message,
                    fix: "check that the server is running and that the user, password and database in --db are right")
            }
        } else {
            try StoreOptions.requireExisting(path)
            known = SQLiteStore.migrationNames
            applied = try DBMigrate.sqliteApplied(path)
        }
        let pending = known.filter { !applied.contains($0) }
        let unknown = applied.filter { !known.contains($0) }
        let location = self.store.isPostgres ? PostgresLocation.redacted(path) : path
        if self.json {
            let object: [String: Any] = ["database": location, "applied": applied, "pending": pending, "unknown": unknown]
            let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
            print(String(decoding: data, as: UTF8.self))
            return
        }
        print("\(location): \(applied.count) applied, \(pending.count) pending")
        for name in applied { print("  applied  \(name)\(unknown.contains(name) ? " (unknown to this version of safeguard)" : "")") }
        for name in pending { print("  pending  \(name)") }
        if !pending.isEmpty {
            print("Run `safeguard db migrate --db \(location)`\(self.store.isPostgres ? " as the schema's owner" : "") to apply them.")
        }
    }
}

/// `safeguard db copy`: moves an embedded deployment's rows into a shared PostgreSQL database.
struct DBCopy: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "Copy an SQLite database's feeds, reviews, reports, links, evidence, screening decisions and taxi history into PostgreSQL.",
        discussion: """
            Copies into the authority named in the --to URL (which must hold no rows yet), in batches, \
            each in one transaction; then checks every table's row count and content hash on both sides. \
            Interrupted, it is resumed by running the same command again: rows already copied are skipped. \
            Tables copied: entity, fhrs_establishment, licence_case, licence_event, taxi_driver, taxi_vehicle, \
            taxi_operator, review, report, intelligence, entity_link, evidence, link_candidate, entity_uprn, \
            screening_decision, taxi_licence_history, taxi_nr3s_search, taxi_s6_reply. Not copied: the server's \
            intake (sealed reports, messages, intake audit, key fingerprint), partner tokens, officers' users, \
            sessions, allocations and audit; add users and tokens again on the PostgreSQL URL.
              safeguard db copy --from safeguard.sqlite --to postgres://safeguard_app@db.example:5432/safeguard?authority=coventry
            """)

    @Option(name: .long, help: ArgumentHelp("The SQLite database to copy from.", valueName: "file"))
    var from: String

    @Option(name: .long, help: ArgumentHelp("postgres://USER@HOST:PORT/DATABASE?authority=ID to copy into.", valueName: "url"))
    var to: String

    @Option(name: .long, help: ArgumentHelp("Name of this copy, so a resumed one finds its rows (default: the file's name).", valueName: "name"))
    var source: String?

    @Option(name: .long, help: ArgumentHelp("Rows per transaction.", visibility: .hidden))
    var batchSize = 5000

    func validate() throws {
        guard self.batchSize > 0 else { throw ValidationError("--batch-size must be positive") }
        guard PostgresLocation.matches(self.to) else {
            throw ValidationError("--to must be a postgres://USER@HOST:PORT/DATABASE?authority=ID URL")
        }
    }

    func run() throws {
        try StoreOptions.requireExisting(self.from)
        guard !PostgresLocation.matches(self.from) else {
            throw CommandError(.usage, "--from must be an SQLite file", fix: "pass the .sqlite file to copy from")
        }
        let sqlite: SQLiteStore
        do {
            sqlite = try SQLiteStore(path: self.from)
        } catch let error as StoreError {
            throw CommandError(.database, error.message)
        }
        let target = try StoreOptions.openPostgres(self.to)
        let source = self.source ?? URL(fileURLWithPath: self.from).lastPathComponent
        print("Copying \(self.from) into \(target.location) as '\(source)'")
        let tables: [TableCopy]
        do {
            tables = try target.copy(from: sqlite, source: source, batchSize: self.batchSize) { table, rows in
                FileHandle.standardError.write(Data("\r  \(table): \(rows) row(s)   ".utf8))
            }
            FileHandle.standardError.write(Data("\n".utf8))
        } catch let error as StoreError {
            throw CommandError(
                .database, error.message, fix: "fix that and run the same command again: rows already copied are skipped")
        }
        var failed: [String] = []
        for table in tables {
            let state = table.verified ? "ok" : "MISMATCH"
            print(
                "  \(table.table.padding(toLength: 20, withPad: " ", startingAt: 0)) \(table.sourceRows) in SQLite, "
                    + "\(table.targetRows) in PostgreSQL (\(table.copied) copied now), hash \(String(table.targetHash, radix: 16)) \(state)")
            if !table.verified { failed.append(table.table) }
        }
        guard failed.isEmpty else {
            throw CommandError(
                .database, "the copy of \(failed.joined(separator: ", ")) does not match the SQLite file (counts or content hashes differ)",
                fix: "run the same command again to finish an interrupted copy; if it still differs, the authority held other rows")
        }
        print("Verified: every table's row count and content hash match.")
    }
}
