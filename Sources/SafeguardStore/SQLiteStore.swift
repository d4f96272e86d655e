import Foundation
import GRDB
import SafeguardCore

/// The SQLite implementation of `SafeguardStore` (GRDB, WAL journal, foreign keys on).
///
/// Open one per database file; it is safe to share between tasks.
public final class SQLiteStore: SafeguardStore {
    /// The database file path (or `:memory:`-like temporary path in tests).
    public let path: String
    let writer: DatabasePool
    let premisesIndex = PremisesIndexLock()
    /// Test hook: makes a write fail part-way through a batch, as a crash would.
    let faults = FaultInjection()

    /// Opens (creating when missing) the database at `path` and applies pending migrations.
    ///
    /// - Throws: `StoreError` when the file cannot be opened or is not a Safeguard database.
    public init(path: String) throws {
        self.path = path
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            // WAL + NORMAL: a commit survives a process kill; only an OS crash can lose the last one.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            try db.execute(sql: "PRAGMA cache_size = -32768")
            try db.execute(sql: "PRAGMA wal_autocheckpoint = 8192")
        }
        do {
            self.writer = try DatabasePool(path: path, configuration: configuration)
            try Self.migrator.migrate(self.writer)
            // A bulk load cut short by a crash leaves its deferred indexes to rebuild.
            try self.restoreIndexes()
        } catch {
            throw StoreError(
                code: "store.open",
                message: "cannot open the database '\(path)': \(error). Check the path (--db or "
                    + "$SAFEGUARD_DB) points at a writable Safeguard database file.")
        }
    }

    /// The names of the migrations applied to this database, in order.
    public func appliedMigrations() throws -> [String] {
        try self.writer.read { db in try Self.migrator.appliedMigrations(db) }
    }

    /// The journal mode in effect (`wal`).
    public func journalMode() throws -> String {
        try self.writer.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "" }
    }

    public func tableCounts() throws -> [String: Int] {
        try self.writer.read { db in
            var counts: [String: Int] = [:]
            for table in Self.tables {
                counts[table] = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0
            }
            return counts
        }
    }

    /// Every row of every table as text, in key order: a canonical dump used to show that two
    /// databases hold the same data (the kill/re-run test).
    public func canonicalDump() throws -> [String] {
        try self.writer.read { db in
            var lines: [String] = []
            for table in Self.tables {
                let rows = try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY 1, 2")
                for row in rows {
                    lines.append(table + ":" + row.description)
                }
            }
            return lines
        }
    }

    package static let tables = [
        "entity", "fhrs_establishment", "licence_case", "licence_event", "taxi_driver", "taxi_vehicle",
        "taxi_operator", "review", "report", "intelligence", "entity_link", "evidence", "link_candidate",
    ]
}

/// A store failure with a user-facing message.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    /// A stable code ("store.open", "store.link.unknown").
    public var code: String
    /// What went wrong and how to fix it (no personal data).
    public var message: String

    /// Creates a store error.
    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { self.message }
}

/// Fails a write after a set number of records (tests simulate a crash mid-transaction with it).
final class FaultInjection: @unchecked Sendable {
    private let lock = NSLock()
    private var remaining: Int?

    /// Arms the fault: the `count + 1`-th record written fails.
    func fail(after count: Int?) {
        self.lock.withLock { self.remaining = count }
    }

    func tick() throws {
        try self.lock.withLock {
            guard let remaining = self.remaining else { return }
            if remaining == 0 {
                self.remaining = nil
                throw StoreError(code: "store.fault", message: "simulated crash")
            }
            self.remaining = remaining - 1
        }
    }
}
