import Foundation
import Logging
import PostgresNIO
import SafeguardCore
import SafeguardStore

/// The PostgreSQL implementation of `SafeguardStore`, for shared, multi-officer and regional
/// deployments (postgres-nio's `PostgresClient` pool).
///
/// Every row carries the authority it belongs to, and row-level security (migration
/// `postgres-authority-isolation`) lets a transaction see only the rows of the authority it set
/// with `set_config('safeguard.authority', …, true)`, which ends with the transaction, so a pooled
/// connection never carries one authority's setting into another's work. The store refuses a role
/// that is a superuser, holds BYPASSRLS or owns the tables: connect as the application role that
/// `safeguard db migrate --app-role` granted.
///
/// Writes serialise per authority (a transaction-level advisory lock), as SQLite's single writer
/// does, so entity resolution sees every earlier write and no update is lost; reads run in
/// repeatable-read snapshots and never wait for writers.
///
/// The look-ups of a write also name the authority themselves (`authority =
/// current_setting('safeguard.authority')`, what the policy already enforces): the policies of
/// a table are OR-ed (own rows, or rows a partner shares), which the planner cannot match to the
/// `(authority, …)` indexes, so without it every batch's look-up would scan the whole table.
public final class PostgresStore: SafeguardStore {
    /// Where the store lives and which authority it acts for.
    public let location: PostgresLocation
    /// The authority every row read or written belongs to.
    public let authority: String
    let client: PostgresClient
    let bridge = BlockingBridge()
    let logger = Logger(label: "safeguard.store.postgres")
    let analyses = PendingAnalyses()
    private let runTask: Task<Void, Never>

    /// Connects to the database at `url` (see `PostgresLocation`) and checks that its migrations
    /// are applied and that the role cannot bypass row-level security.
    ///
    /// - Throws: `StoreError` with a message saying what to fix.
    public convenience init(url: String) throws {
        try self.init(location: PostgresLocation(url: url))
    }

    /// Connects to `location` (see `init(url:)`).
    public init(location: PostgresLocation) throws {
        guard let authority = location.authority else {
            throw StoreError(
                code: "store.postgres.authority",
                message: "no authority for \(location): add ?authority=ID to the URL or set $SAFEGUARD_AUTHORITY")
        }
        self.location = location
        self.authority = authority
        try PostgresProbe.check(location, bridge: self.bridge)
        let client = PostgresClient(configuration: location.clientConfiguration)
        self.client = client
        self.runTask = self.bridge.start { await client.run() }
        do {
            try self.checkReady()
        } catch let error as StoreError {
            self.runTask.cancel()
            throw error
        } catch {
            self.runTask.cancel()
            throw StoreError(
                code: "store.postgres.connect",
                message: "cannot reach PostgreSQL at \(location): \(Self.connectionProblem(error))")
        }
    }

    deinit {
        // An analysis still running would be lost with the connection: let it finish first (not
        // on an event loop, which the bridge must not block).
        if !self.analyses.isEmpty, MultiThreadedEventLoopGroup.currentEventLoop == nil {
            let analyses = self.analyses
            _ = try? self.bridge.run { await analyses.wait() }
        }
        self.runTask.cancel()
    }

    /// A connection failure in words (postgres-nio's errors print as codes); never the password.
    static func connectionProblem(_ error: any Error) -> String {
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] { return message }
            if let underlying = error.underlying { return "\(underlying)" }
            return "\(error.code)"
        }
        return "\(error)"
    }

    private func checkReady() throws {
        let expected = PostgresMigrations.all.map(\.name)
        let (applied, role) = try self.bridge.run { [client, logger] () -> ([String], (Bool, Bool, Bool)) in
            try await client.withConnection { connection in
                let names = try await PostgresMigrator.applied(on: connection, logger: logger)
                let rows = try await connection.query(
                    """
                    SELECT r.rolsuper, r.rolbypassrls,
                           EXISTS (SELECT 1 FROM pg_tables WHERE tablename = 'report' AND tableowner = current_user)
                    FROM pg_roles r WHERE r.rolname = current_user
                    """, logger: logger)
                var role = (false, false, false)
                for try await row in rows { role = try row.decode((Bool, Bool, Bool).self) }
                return (names, role)
            }
        }
        if applied != expected {
            let missing = expected.filter { !applied.contains($0) }
            throw StoreError(
                code: "store.postgres.migrations",
                message: "\(self.location) is missing migrations \(missing.joined(separator: ", ")): run "
                    + "`safeguard db migrate --db postgres://OWNER@…/\(self.location.database) --app-role "
                    + "\(self.location.username)` as the database owner")
        }
        if role.0 || role.1 || role.2 {
            throw StoreError(
                code: "store.postgres.role",
                message: "role '\(self.location.username)' "
                    + (role.0 ? "is a superuser" : role.1 ? "holds BYPASSRLS" : "owns the Safeguard tables")
                    + ", so row-level security would not keep authorities apart; connect as the application "
                    + "role that `safeguard db migrate --app-role ROLE` granted")
        }
    }

    /// The names of the migrations applied to this database, in order.
    public func appliedMigrations() throws -> [String] {
        try self.bridge.run { [client, logger] in
            try await client.withConnection { try await PostgresMigrator.applied(on: $0, logger: logger) }
        }
    }

    public func tableCounts() throws -> [String: Int] {
        try self.read { connection, logger in
            var counts: [String: Int] = [:]
            for table in SQLiteStore.tables {
                let rows = try await connection.query(PostgresQuery(unsafeSQL: "SELECT count(*) FROM \(table)"), logger: logger)
                for try await row in rows { counts[table] = try row.decode(Int.self) }
            }
            return counts
        }
    }

    /// Runs `body` in one write transaction for this store's authority (see the type's notes).
    /// A bulk write (`rows` at least `PostgresPlannerStatistics.minimumRows`) then refreshes the
    /// planner's statistics of the tables it grew, on another connection (`PendingAnalyses`).
    func write<T: Sendable>(
        rows: Int = 0, _ body: @escaping @Sendable (PostgresConnection, Logger) async throws -> T
    ) throws -> T {
        let authority = self.authority
        return try self.bridge.run { [client, logger, analyses, bridge] in
            try await client.withConnection { connection in
                try await connection.query("BEGIN", logger: logger)
                do {
                    try await connection.query(
                        """
                        SELECT set_config('safeguard.authority', \(authority), true),
                               set_config('safeguard.scope', 'own', true),
                               pg_advisory_xact_lock(hashtext('safeguard.writer.' || \(authority)))
                        """, logger: logger)
                    let result = try await body(connection, logger)
                    let stale =
                        rows >= PostgresPlannerStatistics.minimumRows
                        ? try await PostgresPlannerStatistics.staleTables(on: connection, logger: logger) : []
                    try await connection.query("COMMIT", logger: logger)
                    if !stale.isEmpty {
                        // On another connection, while the caller goes on with its next batch.
                        analyses.add(
                            Task(executorPreference: bridge) {
                                _ = try? await client.withConnection {
                                    await PostgresPlannerStatistics.analyse(stale, on: $0, logger: logger)
                                }
                            })
                    }
                    return result
                } catch {
                    _ = try? await connection.query("ROLLBACK", logger: logger)
                    throw StoreError.wrap(error)
                }
            }
        }
    }

    /// Runs `body` in a read-only repeatable-read snapshot: the authority's own rows, plus what
    /// partners share when the location asked for the regional scope.
    func read<T: Sendable>(
        _ body: @escaping @Sendable (PostgresConnection, Logger) async throws -> T
    ) throws -> T {
        let authority = self.authority
        let scope = self.location.regional ? "region" : "own"
        return try self.bridge.run { [client, logger, analyses] in
            // Planned with the statistics of the latest bulk write.
            await analyses.wait()
            return try await client.withConnection { connection in
                try await connection.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", logger: logger)
                do {
                    try await connection.query(
                        """
                        SELECT set_config('safeguard.authority', \(authority), true),
                               set_config('safeguard.scope', \(scope), true)
                        """, logger: logger)
                    let result = try await body(connection, logger)
                    try await connection.query("COMMIT", logger: logger)
                    return result
                } catch {
                    _ = try? await connection.query("ROLLBACK", logger: logger)
                    throw StoreError.wrap(error)
                }
            }
        }
    }
}

extension StoreError {
    /// A PostgreSQL error as a store error whose message carries the server's own text.
    static func wrap(_ error: any Error) -> any Error {
        if error is StoreError { return error }
        if let error = error as? PSQLError {
            let message = error.serverInfo?[.message] ?? "\(error.code)"
            // The server's detail line can quote row values (personal data): left out.
            return StoreError(code: "store.postgres", message: "PostgreSQL: \(message)")
        }
        return error
    }
}
