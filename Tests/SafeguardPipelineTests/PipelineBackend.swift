import Foundation
import SafeguardStore
import SafeguardStorePostgres
import Testing

/// The store backends a pipeline test runs on: SQLite always, PostgreSQL when
/// `SAFEGUARD_TEST_POSTGRES_URL` names a superuser on a throwaway cluster (`. .ci/postgres`).
enum PipelineBackend: String, Sendable, CustomTestStringConvertible {
    case sqlite
    case postgres

    static let available: [PipelineBackend] = demoPostgresURL == nil ? [.sqlite] : [.sqlite, .postgres]

    var testDescription: String { self.rawValue }

    /// A fresh, empty store on this backend (for the PostgreSQL one, a new database used as the
    /// non-owner application role) and a scratch directory to remove afterwards.
    func makeStore() throws -> (store: any SafeguardStore & ScreeningStore & TaxiRegisterStore, directory: URL) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pipeline-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        switch self {
        case .sqlite:
            return (try SQLiteStore(path: directory.appendingPathComponent("s.sqlite").path), directory)
        case .postgres:
            return (try PostgresStore(url: try DemoPostgresTests.freshPostgresURL(authority: "test")), directory)
        }
    }
}
