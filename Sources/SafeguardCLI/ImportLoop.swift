import SafeguardImport
import SafeguardStore

/// What an import of one file came to.
struct ImportOutcome {
    /// Counts over the batches stored.
    var summary = ImportSummary()
    /// Why the file could not be read to its end (the records before it are stored).
    var readFailure: (any Error)?
    /// Why storing stopped (the reader was stopped too; batches before it are stored).
    var storeFailure: (any Error)?
    /// CPU seconds the storing thread spent in the store (for `bench import`).
    var storeCPU = 0.0
    /// CPU seconds of the reading thread (for `bench import`).
    var readCPU = 0.0
    /// Wall seconds spent building deferred indexes at the end (for `bench import`).
    var indexSeconds = 0.0
}

/// The loop every feed import shares: `read` parses (and prepares) on a second thread, feeding
/// the sink; this thread saves one batch, one transaction, at a time (`ImportPipeline`), and hands
/// issues and progress to the caller. `safeguard import` and `safeguard bench import` both run it,
/// so the benchmark measures the commands' own path.
enum ImportLoop {
    static func run<Record: Sendable>(
        batchSize: Int, into outcome: inout ImportOutcome,
        read: @escaping @Sendable (ImportBatchSink<Record>) throws -> Void, onIssue: (ImportIssue) -> Void,
        progress: ((Int) -> Void)?, save: ([Record]) throws -> ImportSummary
    ) {
        let readCPU = SendableBox(0.0)
        do {
            outcome.readFailure = try ImportPipeline.run(batchSize: batchSize) { (sink: ImportBatchSink<Record>) in
                let started = Measure.threadCPUSeconds()
                defer { readCPU.add(Measure.threadCPUSeconds() - started) }
                try read(sink)
            } store: { batch in
                for issue in batch.issues { onIssue(issue) }
                if !batch.records.isEmpty {
                    let started = Measure.threadCPUSeconds()
                    defer { outcome.storeCPU += Measure.threadCPUSeconds() - started }
                    outcome.summary.add(try save(batch.records))
                }
                if let bytes = batch.bytesConsumed { progress?(bytes) }
            }
        } catch {
            outcome.storeFailure = error
        }
        outcome.readCPU += readCPU.value
    }
}

/// A value the reader thread sets and the calling thread reads after the pipeline has joined it.
final class SendableBox: @unchecked Sendable {
    private(set) var value: Double
    init(_ value: Double) { self.value = value }
    func add(_ amount: Double) { self.value += amount }
}
