import ArgumentParser
import Foundation
import SafeguardStore
import SafeguardStorePostgres

/// `safeguard db share`: lets a partner authority read some kinds of this authority's records in
/// its regional profile (PostgreSQL only; explicit, per partner and per kind).
struct DBShare: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "share",
        abstract: "Share kinds of record with a partner authority (PostgreSQL), or stop sharing them.",
        discussion: """
            The authority in --db grants; the partner then sees those records when it connects with \
            ?scope=region (e.g. for `safeguard profile hotels`). Kinds: \(PostgresStore.shareableKinds.joined(separator: ", ")).
              safeguard db share --db 'postgres://safeguard_app@db:5432/safeguard?authority=coventry' --with warwick --kinds fhrs,reviews,reports
              safeguard db share --db 'postgres://safeguard_app@db:5432/safeguard?authority=coventry' --with warwick --kinds reports --stop
            """)

    @OptionGroup var store: StoreOptions

    @Option(name: .long, help: ArgumentHelp("The partner authority's id.", valueName: "id"))
    var with: String

    @Option(name: .long, help: ArgumentHelp("Comma-separated kinds of record.", valueName: "kinds"))
    var kinds: String

    @Flag(name: .long, help: "Stop sharing these kinds with the partner.")
    var stop = false

    func run() throws {
        guard self.store.isPostgres else {
            throw CommandError(
                .usage, "sharing between authorities needs the PostgreSQL store",
                fix: "pass --db postgres://USER@HOST:PORT/DATABASE?authority=ID")
        }
        let kinds = self.kinds.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let store = try StoreOptions.openPostgres(self.store.path)
        do {
            if self.stop {
                try store.unshare(kinds, with: self.with)
                print("\(store.authority) no longer shares \(kinds.joined(separator: ", ")) with \(self.with).")
            } else {
                try store.share(kinds, with: self.with)
                print("\(store.authority) shares \(kinds.joined(separator: ", ")) with \(self.with); \(self.with) reads them with ?scope=region.")
            }
        } catch let error as StoreError {
            throw CommandError(.usage, error.message)
        }
    }
}
