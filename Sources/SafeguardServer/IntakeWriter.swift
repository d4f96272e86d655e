import Dispatch
import SafeguardStore
import Synchronization

/// Writes submissions with group commit: requests arriving while a transaction is being written
/// wait and go together in the next one, on a dedicated queue so no request task blocks a
/// cooperative thread on the store (SQLite or PostgreSQL). A submission's caller resumes only after its transaction
/// committed: an acknowledged receipt is in the database.
final class IntakeWriter: Sendable {
    private typealias Pending = (submission: IntakeSubmission, continuation: CheckedContinuation<Void, any Error>)

    private let store: any IntakeStore
    private let queue = DispatchQueue(label: "safeguard.intake.writer")
    private let pending = Mutex<(items: [Pending], scheduled: Bool)>(([], false))
    /// Most submissions written in one transaction.
    private let batchLimit = 256

    init(store: any IntakeStore) {
        self.store = store
    }

    /// Stores `submission`; returns once it is committed.
    func write(_ submission: IntakeSubmission) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            let schedule = self.pending.withLock { state in
                state.items.append((submission, continuation))
                if state.scheduled { return false }
                state.scheduled = true
                return true
            }
            if schedule {
                self.queue.async { self.drain() }
            }
        }
    }

    private func drain() {
        while true {
            let batch: [Pending] = self.pending.withLock { state in
                let taken = Array(state.items.prefix(self.batchLimit))
                state.items.removeFirst(taken.count)
                if taken.isEmpty { state.scheduled = false }
                return taken
            }
            if batch.isEmpty { return }
            do {
                try self.store.saveIntakeReports(batch.map(\.submission))
                for item in batch { item.continuation.resume() }
            } catch {
                // One bad submission must not sink the others: retry each on its own.
                for item in batch {
                    do {
                        try self.store.saveIntakeReports([item.submission])
                        item.continuation.resume()
                    } catch {
                        item.continuation.resume(throwing: error)
                    }
                }
            }
        }
    }
}
