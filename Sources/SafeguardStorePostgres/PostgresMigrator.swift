import Logging
import PostgresNIO
import SafeguardStore

/// Applies `PostgresMigrations` as the database owner (`safeguard db migrate`) and grants the
/// application role what it needs: data access, never ownership or BYPASSRLS.
public enum PostgresMigrator {
    /// What `migrate` did.
    public struct Outcome: Sendable {
        /// Migrations applied by this run, in order.
        public var applied: [String]
        /// Every migration now applied.
        public var all: [String]
    }

    /// Applies the pending migrations at `url` (connect as the owner of the schema) in one
    /// transaction, then grants `appRole` (created, without login password, when missing) the
    /// rights to read and write rows.
    public static func migrate(url: String, appRole: String?) throws -> Outcome {
        let location = try PostgresLocation(url: url, environment: [:])
        if let appRole, !PostgresLocation.isValidAuthority(appRole) {
            throw StoreError(code: "store.postgres.role", message: "role name '\(appRole)' is not valid: use letters, digits, '-' and '_'")
        }
        let bridge = BlockingBridge()
        try PostgresProbe.check(location, bridge: bridge)
        let client = PostgresClient(configuration: location.clientConfiguration)
        let run = bridge.start { await client.run() }
        defer { run.cancel() }
        let logger = Logger(label: "safeguard.store.postgres.migrate")
        do {
            return try bridge.run {
                try await client.withConnection { connection in
                    try await connection.query("BEGIN", logger: logger)
                    do {
                        try await connection.query("SELECT pg_advisory_xact_lock(hashtext('safeguard.migrate'))", logger: logger)
                        try await connection.query(
                            """
                            CREATE TABLE IF NOT EXISTS safeguard_migration (
                                name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())
                            """, logger: logger)
                        let done = try await Self.applied(on: connection, logger: logger)
                        var applied: [String] = []
                        for migration in PostgresMigrations.all where !done.contains(migration.name) {
                            for statement in PostgresMigrations.statements(migration.sql) {
                                try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                            }
                            try await connection.query(
                                "INSERT INTO safeguard_migration (name) VALUES (\(migration.name))", logger: logger)
                            applied.append(migration.name)
                        }
                        if let appRole {
                            for statement in PostgresMigrations.statements(
                                """
                                        DO $$ BEGIN
                                            IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '\(appRole)') THEN
                                                CREATE ROLE "\(appRole)" LOGIN NOSUPERUSER NOBYPASSRLS;
                                            END IF;
                                        EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
                                        END $$;
                                        GRANT USAGE ON SCHEMA public TO "\(appRole)";
                                        GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO "\(appRole)";
                                        REVOKE INSERT, UPDATE, DELETE ON safeguard_migration FROM "\(appRole)";
                                        GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO "\(appRole)";
                                        GRANT EXECUTE ON FUNCTION safeguard_analyze(TEXT[]) TO "\(appRole)";
                                        """)
                            {
                                try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                            }
                        }
                        try await connection.query("COMMIT", logger: logger)
                        return Outcome(applied: applied, all: done + applied)
                    } catch {
                        _ = try? await connection.query("ROLLBACK", logger: logger)
                        throw error
                    }
                }
            }
        } catch {
            throw StoreError(
                code: "store.postgres.migrate",
                message: "cannot migrate \(location): \(StoreError.wrap(error)). Connect as the owner of the "
                    + "database's public schema.")
        }
    }

    /// The migrations applied, in order (none when the table does not exist yet).
    static func applied(on connection: PostgresConnection, logger: Logger) async throws -> [String] {
        let exists = try await connection.query("SELECT to_regclass('safeguard_migration') IS NOT NULL", logger: logger)
        var present = false
        for try await row in exists { present = try row.decode(Bool.self) }
        guard present else { return [] }
        let rows = try await connection.query(
            "SELECT name FROM safeguard_migration ORDER BY applied_at, name", logger: logger)
        var names: [String] = []
        for try await row in rows { names.append(try row.decode(String.self)) }
        // Applied in one transaction share a timestamp: order them as the list does.
        let order = Dictionary(uniqueKeysWithValues: PostgresMigrations.all.enumerated().map { ($1.name, $0) })
        return names.sorted { (order[$0] ?? .max, $0) < (order[$1] ?? .max, $1) }
    }
}

extension PostgresMigrator {
    /// Runs administrative SQL (e.g. `CREATE DATABASE`) outside a transaction, as the URL's role.
    public static func execute(url: String, sql: String) throws {
        do {
            try Self.withOneConnection(url: url, label: "safeguard.store.postgres.admin") { connection, logger in
                try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger)
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.wrap(error)
        }
    }

    /// One pooled connection to the database at `url` for `body`, after a direct probe so a server
    /// that is down fails at once; errors other than the probe's are rethrown as they are.
    static func withOneConnection<T: Sendable>(
        url: String, label: String, _ body: @escaping @Sendable (PostgresConnection, Logger) async throws -> T
    ) throws -> T {
        let location = try PostgresLocation(url: url, environment: [:])
        let bridge = BlockingBridge()
        try PostgresProbe.check(location, bridge: bridge)
        let client = PostgresClient(configuration: location.clientConfiguration)
        let run = bridge.start { await client.run() }
        defer { run.cancel() }
        let logger = Logger(label: label)
        return try bridge.run { try await client.withConnection { try await body($0, logger) } }
    }
}

extension PostgresMigrator {
    /// Every named migration this version of Safeguard knows for PostgreSQL, in order.
    public static var migrationNames: [String] { PostgresMigrations.all.map(\.name) }

    /// The migrations applied to the database at `url`, read without changing it (any role that
    /// can connect; no authority needed).
    public static func appliedMigrations(url: String) throws -> [String] {
        let location = try PostgresLocation(url: url, environment: [:])
        do {
            return try Self.withOneConnection(url: url, label: "safeguard.store.postgres.status") { connection, logger in
                try await Self.applied(on: connection, logger: logger)
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(
                code: "store.postgres.connect",
                message: "cannot reach PostgreSQL at \(location): \(PostgresStore.connectionProblem(error))")
        }
    }
}
