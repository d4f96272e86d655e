import ArgumentParser
import SafeguardCore
import SafeguardImport
import SafeguardStore

/// `safeguard import fhrs FILE...`
struct ImportFHRS: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fhrs",
        abstract: "Import Food Standards Agency FHRS XML extracts (every food business, hotels included).",
        discussion: "Example: safeguard import fhrs FHRS898en-GB.xml --rejects rejects.csv"
    )

    @Argument(help: ArgumentHelp("FHRS XML files (FHRS<code>en-GB.xml).", valueName: "file"))
    var files: [String]

    @Option(name: .long, help: "Input format: fhrs (the only one).")
    var format = "fhrs"

    @OptionGroup var options: ImportOptions

    func validate() throws {
        guard self.format == "fhrs" else { throw ValidationError("unknown --format '\(self.format)'; use fhrs") }
        guard self.options.batchSize > 0 else { throw ValidationError("--batch-size must be positive") }
    }

    func run() throws {
        let store = try self.options.store.open()
        let run = try ImportRun(options: self.options, wantsHotels: true)
        for file in self.files {
            run.begin(file)
            var fileSummary = ImportSummary()
            fileSummary.hotels = 0
            fileSummary.hotelsByName = 0
            var storeFailure: (any Error)?
            let failure = run.guarded(file) {
                // The header (with the extract date) precedes the records, so read it first.
                let extract = try FHRSReader().header(path: file).extractDate
                // Parsing runs on a second thread while this one stores, batch by batch.
                let progress = run.progressHandler
                let readFailure = try ImportPipeline.run(batchSize: self.options.batchSize) {
                    (sink: ImportBatchSink<FHRSEstablishment>) in
                    try FHRSReader().read(
                        path: file, progress: sink.progress, onIssue: sink.issue, onRecord: sink.record)
                } store: { batch in
                    for issue in batch.issues { run.report(issue) }
                    do {
                        fileSummary.add(try store.recordEstablishments(batch.records, extractDate: extract))
                    } catch {
                        storeFailure = error
                        throw error
                    }
                    if let bytes = batch.bytesConsumed { progress?(bytes) }
                }
                // Records read before a fault were stored; the fault is still reported.
                if let readFailure { throw readFailure }
            }
            if let storeFailure {
                run.storeFailed(file, storeFailure)
                run.end(file, fileSummary, failure: nil)
            } else {
                run.end(file, fileSummary, failure: failure)
            }
        }
        try run.finish()
    }
}
