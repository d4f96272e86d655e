import Dispatch
import GRDB

/// Checkpoints a WAL database in the background, so a writer that commits many small
/// transactions (the intake server's group commit) does not copy pages and sync the database file
/// inside its commits.
///
/// Each tick does two steps. First a passive checkpoint on a connection of its own copies the
/// bulk of the new frames into the database file and syncs it, while the writer keeps committing.
/// Then `finish` runs a second passive checkpoint on the writer's own connection, between two of
/// its transactions: it copies only the few frames committed meanwhile, so the log is complete and
/// the writer's next transaction restarts the WAL from its start. (The first step alone can never
/// complete under a steady stream of commits, and the WAL would grow to the writer's automatic
/// checkpoint, which then copies everything inside a commit: 75-260 ms stalls at 1,500 reports/s.)
/// The writer's automatic checkpoint stays as a backstop (`backstopPages`) in case this stops.
///
/// `@unchecked Sendable`: the timer is created once in `init` and only cancelled afterwards, which
/// `DispatchSourceTimer` allows from any thread; the queue serialises every tick.
public final class WALCheckpointer: @unchecked Sendable {
    /// The writer's automatic checkpoint threshold (pages) while this runs.
    public static let backstopPages = 65_536

    private let connection: DatabaseQueue
    private let timer: any DispatchSourceTimer

    init(path: String, interval: Duration, finish: @escaping @Sendable () throws -> Void) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(1)
        configuration.label = "safeguard.checkpointer"
        self.connection = try DatabaseQueue(path: path, configuration: configuration)
        let queue = DispatchQueue(label: "safeguard.checkpointer", qos: .utility)
        self.timer = DispatchSource.makeTimerSource(queue: queue)
        let milliseconds = Int(interval.components.seconds * 1000 + interval.components.attoseconds / 1_000_000_000_000_000)
        self.timer.schedule(deadline: .now() + .milliseconds(milliseconds), repeating: .milliseconds(max(milliseconds, 1)))
        let connection = self.connection
        self.timer.setEventHandler {
            // A busy database or a reader holding old frames only delays the copy to the next tick.
            _ = try? connection.writeWithoutTransaction { db in try db.checkpoint(.passive) }
            try? finish()
        }
        self.timer.resume()
    }

    /// Stops the timer; the writer's automatic checkpoint (`backstopPages`) still bounds the WAL.
    public func stop() {
        self.timer.cancel()
    }

    deinit {
        self.timer.cancel()
    }
}

extension SQLiteStore {
    /// Checkpoints the WAL every `interval`, the bulk of it on a background connection, so
    /// the writer's commits stay short (see `WALCheckpointer`). Keep the returned value alive for
    /// as long as it should run.
    ///
    /// - Throws: `StoreError` when the second connection cannot be opened.
    public func checkpointInBackground(every interval: Duration) throws -> WALCheckpointer {
        do {
            try self.writer.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA wal_autocheckpoint = \(WALCheckpointer.backstopPages)")
            }
            let writer = self.writer
            return try WALCheckpointer(path: self.path, interval: interval) {
                try writer.writeWithoutTransaction { db in _ = try db.checkpoint(.passive) }
            }
        } catch {
            throw StoreError(
                code: "store.checkpoint",
                message: "cannot open a checkpoint connection to '\(self.path)': \(error). Check the database file is writable.")
        }
    }
}
