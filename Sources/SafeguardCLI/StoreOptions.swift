import ArgumentParser
import Foundation
import SafeguardStore
import SafeguardStorePostgres

/// `--db PATH` or `--db postgres://…`, shared by every command that touches stored data
/// (`StoreOptions+Factory.swift` opens either backend).
struct StoreOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The Safeguard database: a file (SQLite) or postgres://USER@HOST:PORT/DB?authority=ID (default: $SAFEGUARD_DB, else ./safeguard.sqlite).",
            valueName: "path|url"))
    var db: String?

    /// The path in effect.
    var path: String {
        self.db ?? ProcessInfo.processInfo.environment["SAFEGUARD_DB"] ?? "./safeguard.sqlite"
    }

    /// Opens the store for a command that writes (an import), creating the database when absent.
    func open() throws -> SQLiteStore {
        try self.refusePostgres()
        try Self.checkNotDirectory(self.path)
        do {
            return try SQLiteStore(path: self.path)
        } catch let error as StoreError {
            throw CommandError(.database, error.message)
        }
    }

    /// Opens the store for a command that only reads (or decides on what is stored): the database
    /// must exist already; a missing one is an error naming the path and how to make one, and no
    /// file is created.
    func openExisting() throws -> SQLiteStore {
        try Self.requireExisting(self.path)
        return try self.open()
    }

    /// Throws the `no database at PATH` error unless a database file is at `path`.
    static func requireExisting(_ path: String) throws {
        if PostgresLocation.matches(path) { return }
        try Self.checkNotDirectory(path)
        guard FileManager.default.fileExists(atPath: path) else {
            throw CommandError(
                .database, "no database at \(path)",
                fix: "create one with `safeguard import ...` or `safeguard demo --db \(path)`, or pass --db PATH (or set SAFEGUARD_DB) to the one you have")
        }
    }

    private static func checkNotDirectory(_ path: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw CommandError(.database, "--db \(path) is a directory, not a database file", fix: "pass the database file, e.g. --db \(path)/safeguard.sqlite")
        }
    }
}
