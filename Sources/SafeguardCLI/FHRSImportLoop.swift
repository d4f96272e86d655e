import Dispatch
import SafeguardCore
import SafeguardImport
import SafeguardStore

/// One FHRS file into the store: the header first (its extract date goes with every record),
/// then parsing and preparing on a second thread while this one stores batch by batch.
/// Shared by `safeguard import fhrs` and `safeguard bench import`, so the benchmark measures
/// the command's own path.
enum FHRSImportLoop {
    /// What an import of one file came to.
    struct Outcome {
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

    /// Imports `file`, handing issues and progress to the caller on this thread.
    static func run(
        _ file: String, batchSize: Int, onIssue: (ImportIssue) -> Void, progress: ((Int) -> Void)?,
        into store: SQLiteStore
    ) -> Outcome {
        var outcome = Outcome()
        outcome.summary.hotels = 0
        outcome.summary.hotelsByName = 0
        let extract: CalendarDay?
        do {
            extract = try FHRSReader().header(path: file).extractDate
        } catch {
            outcome.readFailure = error
            return outcome
        }
        let readCPU = SendableBox(0.0)
        do {
            // Into an empty store, secondary indexes are built once at the end (restored on any exit).
            let bulk = try store.beginBulkLoad()
            defer {
                if bulk {
                    let started = DispatchTime.now().uptimeNanoseconds
                    do { try store.restoreIndexes() } catch { outcome.storeFailure = outcome.storeFailure ?? error }
                    outcome.indexSeconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
                }
            }
            outcome.readFailure = try ImportPipeline.run(batchSize: batchSize) {
                (sink: ImportBatchSink<PreparedEstablishment>) in
                let started = Measure.threadCPUSeconds()
                defer { readCPU.add(Measure.threadCPUSeconds() - started) }
                try FHRSReader().readRows(path: file, progress: sink.progress, onIssue: sink.issue) { row in
                    try sink.record(PreparedEstablishment(row))
                }
            } store: { batch in
                for issue in batch.issues { onIssue(issue) }
                let started = Measure.threadCPUSeconds()
            defer { outcome.storeCPU += Measure.threadCPUSeconds() - started }
            outcome.summary.add(try store.recordEstablishments(prepared: batch.records, extractDate: extract))
                if let bytes = batch.bytesConsumed { progress?(bytes) }
            }
        } catch {
            outcome.storeFailure = error
        }
        outcome.readCPU = readCPU.value
        return outcome
    }
}

/// A value the reader thread sets and the calling thread reads after the pipeline has joined it.
final class SendableBox: @unchecked Sendable {
    private(set) var value: Double
    init(_ value: Double) { self.value = value }
    func add(_ amount: Double) { self.value += amount }
}
