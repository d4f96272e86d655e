import Foundation
import GRDB

extension SQLiteStore {
    /// Every named migration this version of Safeguard knows, in order.
    public static var migrationNames: [String] { Self.migrator.migrations }

    /// The migrations applied to the SQLite database at `path`, read without changing it (no
    /// migration runs, nothing is created).
    ///
    /// - Throws: `StoreError` when there is no readable database at `path`.
    public static func appliedMigrations(path: String) throws -> [String] {
        guard FileManager.default.fileExists(atPath: path) else {
            throw StoreError(code: "store.open", message: "no database at \(path)")
        }
        do {
            var configuration = Configuration()
            configuration.readonly = true
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            return try queue.read { db in
                guard try db.tableExists("grdb_migrations") else { return [] }
                let applied = Set(try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"))
                // In the order they are registered (the table keeps no order of its own).
                return Self.migrator.migrations.filter(applied.contains)
                    + applied.subtracting(Self.migrator.migrations).sorted()
            }
        } catch {
            throw StoreError(code: "store.open", message: "cannot read \(path) as a Safeguard database: \(error)")
        }
    }
}
