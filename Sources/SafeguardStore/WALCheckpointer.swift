import Dispatch
import GRDB

/// Checkpoints a WAL database from a connection of its own, on a timer, so a writer that commits
/// many small transactions (the intake server's group commit) never pays for a checkpoint and its
/// `fsync` inside a commit.
///
/// A passive checkpoint copies what it can, and syncs the database file, without waiting for
/// readers or blocking the writer. The writer keeps SQLite's automatic checkpoint (the store's
/// `wal_autocheckpoint`): when it fires it finds nearly every frame already copied and synced, so
/// it finishes in a moment and lets the next transaction restart the WAL from its start. (A
/// background checkpoint alone cannot restart the WAL under a steady stream of commits: a commit
/// always lands while it copies, and the file would grow until the automatic checkpoint.)
///
/// `@unchecked Sendable`: the timer is created once in `init` and only cancelled afterwards, which
/// `DispatchSourceTimer` allows from any thread; the queue serialises every checkpoint.
public final class WALCheckpointer: @unchecked Sendable {
    private let connection: DatabaseQueue
    private let timer: any DispatchSourceTimer

    init(path: String, interval: Duration) throws {
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
        }
        self.timer.resume()
    }

    /// Stops the timer; the writer's automatic checkpoint keeps the WAL bounded on its own.
    public func stop() {
        self.timer.cancel()
    }

    deinit {
        self.timer.cancel()
    }
}

extension SQLiteStore {
    /// Does the bulk of WAL checkpointing (page copies and the database file's fsync) on a
    /// background connection every `interval`, so the writer's own automatic checkpoint has little
    /// left to do inside a commit. Keep the returned value alive for as long as it should run.
    ///
    /// - Throws: `StoreError` when the second connection cannot be opened.
    public func checkpointInBackground(every interval: Duration) throws -> WALCheckpointer {
        do {
            return try WALCheckpointer(path: self.path, interval: interval)
        } catch {
            throw StoreError(
                code: "store.checkpoint",
                message: "cannot open a checkpoint connection to '\(self.path)': \(error). Check the database file is writable.")
        }
    }
}
