import SafeguardImport
import SafeguardStore

/// One CSV file into the store: parsing, mapping and preparing on a second thread while this one
/// stores batch by batch (`ImportPipeline`). Shared by the `safeguard import` CSV commands and
/// `safeguard bench import`, so the benchmark measures the commands' own path.
enum CSVImportLoop {
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
    }

    /// Imports `file` through `profile`; `prepare` runs on the reading thread, `save` on this one
    /// with one batch (one transaction) at a time. Issues and progress reach the caller on this thread.
    static func run<P: CSVProfile, Prepared: Sendable>(
        _ file: String, profile: P, batchSize: Int, prepare: @escaping @Sendable (P.Record) -> Prepared,
        onIssue: (ImportIssue) -> Void, progress: ((Int) -> Void)?, save: ([Prepared]) throws -> ImportSummary
    ) -> Outcome {
        var outcome = Outcome()
        let readCPU = SendableBox(0.0)
        do {
            outcome.readFailure = try ImportPipeline.run(batchSize: batchSize) { (sink: ImportBatchSink<Prepared>) in
                let started = Measure.threadCPUSeconds()
                defer { readCPU.add(Measure.threadCPUSeconds() - started) }
                try CSVImporter.read(path: file, profile: profile, progress: sink.progress, onIssue: sink.issue) {
                    record in
                    try sink.record(prepare(record))
                }
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
        outcome.readCPU = readCPU.value
        return outcome
    }
}

extension ImportRun {
    /// Reads one CSV file through `profile` in batches of `batchSize`, saving each batch with `save`.
    func importCSV<P: CSVProfile>(
        _ file: String, profile: P, batchSize: Int, save: ([P.Record]) throws -> ImportSummary
    ) {
        self.importCSV(file, profile: profile, batchSize: batchSize, prepare: { $0 }, save: save)
    }

    /// Reads one CSV file through `profile`, preparing each record on the reading thread with
    /// `prepare` and saving batches of `batchSize` with `save` on this one.
    func importCSV<P: CSVProfile, Prepared: Sendable>(
        _ file: String, profile: P, batchSize: Int, prepare: @escaping @Sendable (P.Record) -> Prepared,
        save: ([Prepared]) throws -> ImportSummary
    ) {
        self.begin(file)
        let outcome = CSVImportLoop.run(
            file, profile: profile, batchSize: batchSize, prepare: prepare, onIssue: { self.report($0) },
            progress: self.progressHandler, save: save)
        if let failure = outcome.storeFailure { self.storeFailed(file, failure) }
        self.end(file, outcome.summary, failure: outcome.readFailure.map { self.importError(file, $0) })
    }
}
