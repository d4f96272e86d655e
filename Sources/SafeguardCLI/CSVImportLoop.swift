import SafeguardImport
import SafeguardStore

/// One CSV file into the store through `ImportLoop`: parsing, mapping and preparing on a second
/// thread while this one stores batch by batch.
enum CSVImportLoop {
    /// Imports `file` through `profile`; `prepare` runs on the reading thread, `save` on this one
    /// with one batch (one transaction) at a time. Issues and progress reach the caller on this thread.
    static func run<P: CSVProfile, Prepared: Sendable>(
        _ file: String, profile: P, batchSize: Int, prepare: @escaping @Sendable (P.Record) -> Prepared,
        onIssue: (ImportIssue) -> Void, progress: ((Int) -> Void)?, save: ([Prepared]) throws -> ImportSummary
    ) -> ImportOutcome {
        var outcome = ImportOutcome()
        ImportLoop.run(
            batchSize: batchSize, into: &outcome,
            read: { (sink: ImportBatchSink<Prepared>) in
                try CSVImporter.read(path: file, profile: profile, progress: sink.progress, onIssue: sink.issue) {
                    try sink.record(prepare($0))
                }
            }, onIssue: onIssue, progress: progress, save: save)
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
