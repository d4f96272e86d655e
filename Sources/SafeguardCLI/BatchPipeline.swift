import Dispatch
import Foundation

/// Runs batches of work on every core while the calling thread prepares the next batch: `submit`
/// hands a batch to a background worker (which spreads it over the cores in chunks); the previous
/// batch's results are delivered, in order, to `deliver` on the calling thread once the new batch
/// has started. Reading input and writing output thus overlap the analysis instead of leaving the
/// cores waiting.
final class BatchPipeline<Item: Sendable, Result: Sendable>: @unchecked Sendable {
    private let transform: @Sendable (ArraySlice<Item>) -> [Result]
    private let queue = DispatchQueue(label: "safeguard.batch-pipeline")
    private var pending: DispatchWorkItem?
    private var results: [Result] = []
    private let chunksPerBatch: Int

    /// `chunkTransform` works out a whole chunk at once (one result per item, in order), so it can
    /// run each stage of its work over every item of the chunk before the next stage; each batch
    /// is cut into `chunksPerBatch` chunks of equal item count (the last smaller): large chunks let
    /// each stage run over many items before the next stage needs its own tables in the caches.
    init(chunksPerBatch: Int, chunkTransform: @escaping @Sendable (ArraySlice<Item>) -> [Result]) {
        self.chunksPerBatch = max(1, chunksPerBatch)
        self.transform = chunkTransform
    }

    /// Waits for the batch in flight, starts `batch`, then hands the finished batch's results to
    /// `deliver` while `batch` runs on the cores.
    func submit(_ batch: [Item], deliver: ([Result]) throws -> Void) rethrows {
        let done = self.wait()
        let chunk = max(1, (batch.count + self.chunksPerBatch - 1) / self.chunksPerBatch)
        let transform = self.transform
        let work = DispatchWorkItem { [self] in
            let chunks = (batch.count + chunk - 1) / chunk
            let slots = Slots<Result>(count: batch.count)
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                let start = c * chunk
                let end = min(batch.count, start + chunk)
                for (k, result) in zip(start..<end, transform(batch[start..<end])) { slots.set(k, result) }
            }
            self.results = slots.take()
        }
        self.pending = work
        self.queue.async(execute: work)
        if let done { try deliver(done) }
    }

    /// Waits for the batch in flight (if any) and hands its results to `deliver`.
    func drain(_ deliver: ([Result]) throws -> Void) rethrows {
        if let done = self.wait() { try deliver(done) }
    }

    /// Waits for the batch in flight and takes its results; nil when none is in flight.
    private func wait() -> [Result]? {
        guard let work = self.pending else { return nil }
        work.wait()
        self.pending = nil
        let done = self.results
        self.results = []
        return done
    }
}

/// Result slots written by many workers, each index by one worker only, read once all are done.
private final class Slots<Value: Sendable>: @unchecked Sendable {
    private let buffer: UnsafeMutableBufferPointer<Value?>

    init(count: Int) {
        self.buffer = .allocate(capacity: count)
        self.buffer.initialize(repeating: nil)
    }

    func set(_ index: Int, _ value: Value) { self.buffer[index] = value }

    /// The values, in order (call once, after every slot was set).
    func take() -> [Value] { self.buffer.map { $0! } }

    deinit {
        self.buffer.deinitialize()
        self.buffer.deallocate()
    }
}
