import Foundation
import SafeguardStore

@testable import SafeguardServer

/// A fresh database, key files and rules for one test, in a temporary directory.
struct ServerFixture {
    let directory: URL
    let store: SQLiteStore
    var configuration: ServerConfiguration

    init() throws {
        self.directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("safeguard-server-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: self.directory, withIntermediateDirectories: true)
        self.store = try SQLiteStore(path: self.directory.appendingPathComponent("test.sqlite").path)
        var configuration = ServerConfiguration()
        configuration.port = 0
        configuration.authorityName = "Test City Council"
        configuration.intakeKeyFile = self.directory.appendingPathComponent("intake.key").path
        configuration.pseudonymKeyFile = self.directory.appendingPathComponent("pseudonym.key").path
        configuration.rulesDirectory = Self.rulesDirectory
        configuration.secureCookies = false
        self.configuration = configuration
    }

    /// The repository's `rules/` directory (shipped with the code, not `../shared`).
    static var rulesDirectory: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("rules").path
    }
}
