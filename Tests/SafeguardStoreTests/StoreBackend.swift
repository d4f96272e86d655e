import Foundation
import SafeguardCore
import SafeguardStore
import SafeguardStorePostgres
import Testing

/// The backends the store suite runs on. PostgreSQL joins when `SAFEGUARD_TEST_POSTGRES_URL`
/// names a superuser on a throwaway cluster (`.ci/postgres` starts one and exports it); without
/// it, `PostgresIsolationTests` shows as skipped with that notice and plain `swift test` runs the
/// SQLite half only.
enum StoreBackend: String, Sendable, CustomTestStringConvertible {
    case sqlite
    case postgres

    static let adminURL = ProcessInfo.processInfo.environment["SAFEGUARD_TEST_POSTGRES_URL"]
    static let available: [StoreBackend] = adminURL == nil ? [.sqlite] : [.sqlite, .postgres]

    var testDescription: String { self.rawValue }

    /// A fresh, empty store on this backend.
    func makeStore(authority: String = "test") throws -> any SafeguardStore {
        switch self {
        case .sqlite: return try temporaryStore()
        case .postgres: return try PostgresTestDatabase.create().store(authority: authority)
        }
    }
}

/// A fresh database on the test cluster, migrated as the superuser, used as the non-owner
/// application role `safeguard_app` (no BYPASSRLS), as a deployment would.
struct PostgresTestDatabase {
    static let appRole = "safeguard_app"
    var ownerURL: String
    var components: URLComponents

    static func create() throws -> PostgresTestDatabase {
        let admin = try #require(StoreBackend.adminURL, "SAFEGUARD_TEST_POSTGRES_URL is not set")
        let name = "safeguard_test_" + UUID().uuidString.prefix(12).lowercased().replacingOccurrences(of: "-", with: "")
        try PostgresMigrator.execute(url: admin, sql: "CREATE DATABASE \(name)")
        var components = try #require(URLComponents(string: admin))
        components.path = "/" + name
        components.query = nil
        let ownerURL = try #require(components.string)
        _ = try PostgresMigrator.migrate(url: ownerURL, appRole: Self.appRole)
        return PostgresTestDatabase(ownerURL: ownerURL, components: components)
    }

    /// The application role's URL acting for `authority`.
    func url(authority: String, regional: Bool = false) -> String {
        var components = self.components
        components.user = Self.appRole
        components.password = nil
        components.queryItems = [URLQueryItem(name: "authority", value: authority)]
            + (regional ? [URLQueryItem(name: "scope", value: "region")] : [])
        return components.string!
    }

    func store(authority: String, regional: Bool = false) throws -> PostgresStore {
        try PostgresStore(url: self.url(authority: authority, regional: regional))
    }
}
