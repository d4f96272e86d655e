import Dispatch
import NIOPosix

/// Runs postgres-nio's async API for the synchronous `SafeguardStore` protocol.
///
/// The async work runs as a task whose executor is a dedicated Dispatch queue (not Swift's
/// cooperative pool, not a NIO event loop), and the calling thread waits on a semaphore. So a
/// caller that is itself a cooperative-pool thread (a server handler calling the store) blocks
/// only itself: the work it waits for never needs a pool thread to make progress. Calling from a
/// NIO event loop is refused, because the query's I/O may need that very loop.
final class BlockingBridge: TaskExecutor, @unchecked Sendable {
    private let queue = DispatchQueue(label: "safeguard.postgres.bridge", attributes: .concurrent)

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = self.asUnownedTaskExecutor()
        self.queue.async { job.runSynchronously(on: executor) }
    }

    /// Runs `body` to completion and returns its result, blocking the calling thread.
    func run<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
        precondition(
            MultiThreadedEventLoopGroup.currentEventLoop == nil,
            "the PostgreSQL store is synchronous: do not call it on a NIO event loop")
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        Task(executorPreference: self) {
            do {
                box.result = .success(try await body())
            } catch {
                box.result = .failure(error)
            }
            done.signal()
        }
        done.wait()
        return try box.result!.get()
    }

    /// Starts a long-running task on the bridge's executor (the client's `run()`).
    func start(_ body: @escaping @Sendable () async -> Void) -> Task<Void, Never> {
        Task(executorPreference: self) { await body() }
    }
}

/// The result handed from the task to the waiting thread (the semaphore orders the accesses).
private final class ResultBox<T>: @unchecked Sendable {
    var result: Result<T, any Error>?
}
