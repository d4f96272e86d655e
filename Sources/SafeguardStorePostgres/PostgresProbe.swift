import Logging
import PostgresNIO
import SafeguardStore

/// One direct connection attempt before a pool is made: a server that is down, a wrong database,
/// role or password then fails at once with the server's own words, instead of after the pool's
/// minute of retries with a circuit-breaker code.
enum PostgresProbe {
    /// Connects to `location` once and closes the connection.
    ///
    /// - Throws: `StoreError` "store.postgres.connect" naming the location (never the password).
    /// (A TLS location is left to the pool, which builds the TLS context.)
    static func check(_ location: PostgresLocation, bridge: BlockingBridge) throws {
        guard !location.requireTLS else { return }
        var configuration = PostgresConnection.Configuration(
            host: location.host, port: location.port, username: location.username, password: location.password,
            database: location.database, tls: .disable)
        configuration.options.connectTimeout = .seconds(10)
        let logger = Logger(label: "safeguard.store.postgres.probe")
        let settings = configuration
        do {
            try bridge.run {
                let connection = try await PostgresConnection.connect(configuration: settings, id: 0, logger: logger)
                try await connection.close()
            }
        } catch {
            throw StoreError(
                code: "store.postgres.connect",
                message: "cannot reach PostgreSQL at \(location): \(PostgresStore.connectionProblem(error))")
        }
    }
}
