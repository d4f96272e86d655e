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
        let run = try ImportRun(options: self.options, wantsHotels: true)
        let files = try run.readableFiles(self.files, check: InputFormat.check(expected: "an FHRS XML extract") { $0 == .fhrs })
        let store = try self.options.store.openStore()
        for file in files {
            run.begin(file)
            let outcome = FHRSImportLoop.run(
                file, batchSize: self.options.batchSize, onIssue: run.report, progress: run.progressHandler,
                into: store)
            if let storeFailure = outcome.storeFailure { run.storeFailed(file, storeFailure) }
            // Records read before a fault were stored; the fault is still reported.
            run.end(file, outcome.summary, failure: outcome.readFailure.map { run.importError(file, $0) })
        }
        try run.finish()
    }
}
