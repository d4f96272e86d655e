import Foundation

/// A batch of records handed from the reading thread to the storing one, with the issues found
/// while reading them and how far into the file the reader had got.
public struct ImportBatch<Record: Sendable>: Sendable {
    /// Records in file order.
    public var records: [Record]
    /// Rejects and warnings raised while reading these records, in file order.
    public var issues: [ImportIssue]
    /// Bytes of the file consumed when the batch was handed over, when the reader reported it.
    public var bytesConsumed: Int?
}

/// Overlaps reading (parsing and mapping a file) with storing on the two halves of an import:
/// the reader runs on a second thread and hands over batches through a short bounded queue, the
/// store runs on the calling thread. Memory stays flat (at most `depth` batches wait), records
/// reach the store in file order, and issues arrive with the batch they belong to so the rejects
/// file and warnings are written on one thread.
///
/// When the reader fails part-way, every record it delivered before the fault is stored first and
/// the reader's error is returned. When the store fails, the reader is stopped and waited for,
/// and the store's error is thrown.
public enum ImportPipeline {
    /// Runs `read` on a second thread and `store` on this one.
    ///
    /// - Parameters:
    ///   - batchSize: records per batch (also the store's transaction size).
    ///   - depth: batches that may wait between the two threads.
    ///   - read: reads the file, feeding the sink; runs on the reader thread.
    ///   - store: stores one batch; runs on the calling thread, in order.
    /// - Returns: the reader's error, if it stopped before the end of the file.
    /// - Throws: what `store` threw.
    public static func run<Record: Sendable>(
        batchSize: Int, depth: Int = 4, read: @escaping @Sendable (ImportBatchSink<Record>) throws -> Void,
        store: (ImportBatch<Record>) throws -> Void
    ) throws -> (any Error)? {
        let channel = BatchChannel<Record>(depth: max(1, depth))
        let thread = Thread {
            let sink = ImportBatchSink(channel: channel, batchSize: max(1, batchSize))
            var failure: (any Error)?
            do {
                try read(sink)
                try sink.flush()
            } catch is PipelineCancelled {
            } catch {
                // Records read before the fault are still handed over.
                try? sink.flush()
                failure = error
            }
            channel.finish(failure)
        }
        thread.name = "import-reader"
        thread.stackSize = 8 << 20
        thread.start()
        do {
            while let batch = channel.take() {
                try store(batch)
            }
        } catch {
            channel.cancel()
            channel.waitUntilFinished()
            throw error
        }
        return channel.readError
    }
}

/// The reader's end of an `ImportPipeline`. Not shared: only the reader thread calls it.
public final class ImportBatchSink<Record: Sendable>: @unchecked Sendable {
    private let channel: BatchChannel<Record>
    private let batchSize: Int
    /// The first batch is small, so the store starts while the reader is still warming up.
    private var threshold: Int
    private var batch: ImportBatch<Record>

    fileprivate init(channel: BatchChannel<Record>, batchSize: Int) {
        self.channel = channel
        self.batchSize = batchSize
        self.threshold = min(batchSize, 256)
        self.batch = ImportBatch(records: [], issues: [], bytesConsumed: nil)
        self.batch.records.reserveCapacity(batchSize)
    }

    /// Adds a record; hands the batch over when it is full (waiting while the store is behind).
    ///
    /// - Throws: when the store has failed, so the reader stops.
    public func record(_ record: Record) throws {
        self.batch.records.append(record)
        if self.batch.records.count >= self.threshold { try self.flush() }
    }

    /// Adds an issue to the current batch.
    public func issue(_ issue: ImportIssue) {
        self.batch.issues.append(issue)
    }

    /// Notes how many bytes of the file have been consumed (for the progress bar).
    public func progress(_ bytes: Int) {
        self.batch.bytesConsumed = bytes
    }

    func flush() throws {
        guard !self.batch.records.isEmpty || !self.batch.issues.isEmpty || self.batch.bytesConsumed != nil else {
            return
        }
        self.threshold = self.batchSize
        var next = ImportBatch<Record>(records: [], issues: [], bytesConsumed: nil)
        next.records.reserveCapacity(self.batchSize)
        swap(&next, &self.batch)
        try self.channel.put(next)
    }
}

/// Thrown inside the reader when the store has given up.
struct PipelineCancelled: Error {}

/// A bounded queue of batches between one reader and one store.
private final class BatchChannel<Record: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var queue: [ImportBatch<Record>] = []
    private let depth: Int
    private var finished = false
    private var cancelled = false
    private(set) var readError: (any Error)?

    init(depth: Int) {
        self.depth = depth
    }

    func put(_ batch: ImportBatch<Record>) throws {
        self.condition.lock()
        defer { self.condition.unlock() }
        while self.queue.count >= self.depth, !self.cancelled { self.condition.wait() }
        if self.cancelled { throw PipelineCancelled() }
        self.queue.append(batch)
        self.condition.broadcast()
    }

    /// The next batch, or nil when the reader has finished and everything was taken.
    func take() -> ImportBatch<Record>? {
        self.condition.lock()
        defer { self.condition.unlock() }
        while self.queue.isEmpty, !self.finished { self.condition.wait() }
        guard !self.queue.isEmpty else { return nil }
        let batch = self.queue.removeFirst()
        self.condition.broadcast()
        return batch
    }

    func finish(_ error: (any Error)?) {
        self.condition.lock()
        self.readError = error
        self.finished = true
        self.condition.broadcast()
        self.condition.unlock()
    }

    func cancel() {
        self.condition.lock()
        self.cancelled = true
        self.queue.removeAll()
        self.condition.broadcast()
        self.condition.unlock()
    }

    func waitUntilFinished() {
        self.condition.lock()
        while !self.finished { self.condition.wait() }
        self.condition.unlock()
    }
}
