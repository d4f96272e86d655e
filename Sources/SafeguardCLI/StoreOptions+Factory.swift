import Foundation
import SafeguardStore
import SafeguardStorePostgres

/// The one place a command turns `--db` (or `$SAFEGUARD_DB`) into a store: a `postgres://` or
/// `postgresql://` URL opens the shared PostgreSQL store for the URL's authority, anything else
/// is an SQLite file as before.
extension StoreOptions {
    /// True when `--db` names a PostgreSQL server rather than an SQLite file.
    var isPostgres: Bool { PostgresLocation.matches(self.path) }

    /// Opens the store on either backend for a command that writes (an import): an SQLite file is
    /// created when absent; a PostgreSQL database must be migrated already (`safeguard db migrate`).
    func openStore() throws -> any SafeguardStore {
        if self.isPostgres { return try Self.openPostgres(self.path) }
        return try self.open()
    }

    /// Opens the store on either backend for a command that only reads or decides: an SQLite
    /// file must exist already.
    func openExistingStore() throws -> any SafeguardStore {
        if self.isPostgres { return try Self.openPostgres(self.path) }
        return try self.openExisting()
    }

    /// Opens the store of the server's tables (intake, partner tokens, officers' users, sessions,
    /// audit, report links) on either backend, for `serve`, `tokens`, `users` and `audit`.
    func openOfficerStore() throws -> any OfficerStore {
        if self.isPostgres { return try Self.openPostgres(self.path) }
        return try self.open()
    }

    /// As `openOfficerStore`, but an SQLite file must exist already.
    func openExistingOfficerStore() throws -> any OfficerStore {
        if self.isPostgres { return try Self.openPostgres(self.path) }
        return try self.openExisting()
    }

    /// Opens the taxi register (licences, history, NR3S searches, s.6 replies) on either backend
    /// for `drivers`: an SQLite file must exist already.
    func openExistingTaxiRegisterStore() throws -> any TaxiRegisterStore {
        if self.isPostgres { return try Self.openPostgres(self.path) }
        return try self.openExisting()
    }

    /// Opens the store of screening decisions and premises history on either backend for
    /// `screen` (an SQLite file is created when absent).
    func openScreeningStore() throws -> any ScreeningStore {
        if self.isPostgres { return try Self.openPostgres(self.path) }
        return try self.open()
    }

    /// Refuses a PostgreSQL URL where an SQLite file is meant (`open()`, `openExisting()`): every
    /// command that takes a PostgreSQL URL opens it through the methods above instead.
    func refusePostgres() throws {
        guard self.isPostgres else { return }
        throw CommandError(
            .database, "this step needs an SQLite database file, not a PostgreSQL URL",
            fix: "pass --db FILE.sqlite (or set SAFEGUARD_DB to one) for this command")
    }

    /// Opens the PostgreSQL store at `url`; every failure names what to fix (the URL's form, the
    /// authority, the server, the migrations or the role), never the password.
    static func openPostgres(_ url: String) throws -> PostgresStore {
        let location: PostgresLocation
        do {
            location = try PostgresLocation(url: url)
        } catch let error as StoreError {
            throw CommandError(.usage, "--db: \(error.message)")
        }
        guard location.authority != nil else {
            throw CommandError(
                .usage, "--db \(location) names no authority: every row belongs to one licensing authority",
                fix: "add ?authority=ID to the URL (e.g. \(location)?authority=coventry) or set SAFEGUARD_AUTHORITY")
        }
        do {
            return try PostgresStore(location: location)
        } catch let error as StoreError where error.code == "store.postgres.connect" {
            throw CommandError(
                .database, error.message,
                fix: "check that the server is running and accepts connections on \(location.host):\(location.port), "
                    + "and that the user, password and database in --db are right")
        } catch let error as StoreError {
            throw CommandError(.database, error.message)
        }
    }
}
