import ArgumentParser
import Foundation
import SafeguardStore

/// `--db PATH`, shared by every command that touches stored data.
struct StoreOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The Safeguard database file (default: $SAFEGUARD_DB, else ./safeguard.sqlite).", valueName: "path"))
    var db: String?

    /// The path in effect.
    var path: String {
        self.db ?? ProcessInfo.processInfo.environment["SAFEGUARD_DB"] ?? "./safeguard.sqlite"
    }

    /// Opens the store, turning a failure into a message a person understands.
    func open() throws -> SQLiteStore {
        do {
            return try SQLiteStore(path: self.path)
        } catch let error as StoreError {
            throw ValidationError(error.message)
        }
    }
}
