import Foundation
import PostgresNIO
import SafeguardStore

/// Where a PostgreSQL store lives and whose data a connection acts for, read from a URL:
/// `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE?authority=ID[&scope=region][&sslmode=require]`.
///
/// `authority` (else `$SAFEGUARD_AUTHORITY`) names the licensing authority every row read or
/// written belongs to; `scope=region` also reads what partner authorities share with it.
public struct PostgresLocation: Sendable, CustomStringConvertible {
    public var host: String
    public var port: Int
    public var username: String
    public var password: String?
    public var database: String
    public var authority: String?
    /// True when reads include rows partner authorities share with this one.
    public var regional: Bool
    public var requireTLS: Bool

    /// True for `postgres://` and `postgresql://` locations (anything else is an SQLite path).
    public static func matches(_ location: String) -> Bool {
        location.hasPrefix("postgres://") || location.hasPrefix("postgresql://")
    }

    /// Parses a URL; the message of a failure says what to write instead.
    public init(url: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        guard Self.matches(url), let components = URLComponents(string: url), let host = components.host,
            !host.isEmpty
        else {
            throw StoreError(
                code: "store.postgres.url",
                message: "'\(Self.redacted(url))' is not a PostgreSQL URL; write "
                    + "postgres://USER:PASSWORD@HOST:PORT/DATABASE?authority=ID")
        }
        self.host = host
        self.port = components.port ?? 5432
        self.username = components.percentEncodedUser.flatMap { $0.removingPercentEncoding } ?? "postgres"
        self.password = components.percentEncodedPassword.flatMap { $0.removingPercentEncoding }
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        self.database = path.isEmpty ? self.username : path
        let query = Dictionary(
            (components.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { $1 })
        self.authority = query["authority"] ?? environment["SAFEGUARD_AUTHORITY"]
        if let authority = self.authority, !Self.isValidAuthority(authority) {
            throw StoreError(
                code: "store.postgres.authority",
                message: "authority '\(authority)' is not valid: use letters, digits, '-' and '_' (e.g. coventry)")
        }
        self.regional = query["scope"] == "region"
        self.requireTLS = query["sslmode"] == "require"
    }

    /// Authority ids are short slugs (they appear in policies' settings and in sharing rules).
    public static func isValidAuthority(_ id: String) -> Bool {
        !id.isEmpty && id.count <= 64
            && id.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_" }
    }

    /// The URL without its password, for messages.
    public var description: String {
        "postgres://\(self.username)@\(self.host):\(self.port)/\(self.database)"
            + (self.authority.map { "?authority=\($0)" } ?? "")
    }

    /// A URL with any password replaced by `***`.
    public static func redacted(_ url: String) -> String {
        guard var components = URLComponents(string: url), components.password != nil else { return url }
        components.password = "***"
        return components.string ?? url
    }

    var clientConfiguration: PostgresClient.Configuration {
        var configuration = PostgresClient.Configuration(
            host: self.host, port: self.port, username: self.username, password: self.password,
            database: self.database, tls: self.requireTLS ? .require(.makeClientConfiguration()) : .disable)
        configuration.options.maximumConnections = 24
        configuration.options.keepAliveBehavior = nil
        return configuration
    }
}
