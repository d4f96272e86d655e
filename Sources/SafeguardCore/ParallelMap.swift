import Foundation

/// Maps an array over the cores in contiguous chunks, keeping the order: profile assessment and
/// the demo import's text scanning use it.
public enum ParallelMap {
    /// `items.map(transform)`, split over up to one worker per core, each with at least
    /// `minimumChunk` items (smaller inputs stay on the calling thread).
    public static func map<T: Sendable, U: Sendable>(
        _ items: [T], minimumChunk: Int = 64, _ transform: @Sendable (T) -> U
    ) -> [U] {
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, items.count / max(1, minimumChunk) + 1))
        guard workers > 1 else { return items.map(transform) }
        let chunk = (items.count + workers - 1) / workers
        let slots = Slots<[U]>(count: workers)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let start = worker * chunk
            let end = min(items.count, start + chunk)
            slots.set(worker, start < end ? items[start..<end].map(transform) : [])
        }
        return slots.values.flatMap { $0 }
    }

    /// Per-worker result slots (each index written by one worker only).
    private final class Slots<Value: Sendable>: @unchecked Sendable {
        private var storage: [Value?]
        private let lock = NSLock()

        init(count: Int) { self.storage = Array(repeating: nil, count: count) }

        func set(_ index: Int, _ value: Value) {
            self.lock.lock()
            self.storage[index] = value
            self.lock.unlock()
        }

        var values: [Value] {
            self.lock.lock()
            defer { self.lock.unlock() }
            return self.storage.compactMap { $0 }
        }
    }
}
