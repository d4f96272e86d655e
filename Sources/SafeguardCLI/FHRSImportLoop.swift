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
    }

    /// Imports `file`, handing issues and progress to the caller on this thread.
    static func run(
        _ file: String, batchSize: Int, onIssue: (ImportIssue) -> Void, progress: ((Int) -> Void)?,
        store: ([PreparedEstablishment], CalendarDay?) throws -> ImportSummary
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
        do {
            outcome.readFailure = try ImportPipeline.run(batchSize: batchSize) {
                (sink: ImportBatchSink<PreparedEstablishment>) in
                try FHRSReader().read(path: file, progress: sink.progress, onIssue: sink.issue) { establishment in
                    try sink.record(PreparedEstablishment(establishment))
                }
            } store: { batch in
                for issue in batch.issues { onIssue(issue) }
                outcome.summary.add(try store(batch.records, extract))
                if let bytes = batch.bytesConsumed { progress?(bytes) }
            }
        } catch {
            outcome.storeFailure = error
        }
        return outcome
    }
}
