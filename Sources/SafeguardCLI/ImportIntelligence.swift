import ArgumentParser
import SafeguardCore
import SafeguardImport
import SafeguardText

/// `safeguard import intel FILE...`
struct ImportIntelligence: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "intel",
        abstract: "Import intelligence records (return interviews, police, alcohol seizures, joint visits, complaints).",
        discussion: """
            Each record is linked to the premises, vehicle (registration) or driver (badge) it names. \
            The summary text is pseudonymised before it is stored; signs listed in the record become \
            evidence.

            Example: safeguard import intel intelligence.csv --rejects rejects.csv
            """
    )

    @Argument(help: ArgumentHelp("Intelligence CSV files.", valueName: "file"))
    var files: [String]

    @Option(name: .long, help: "Input format: intelligence (the only one).")
    var format = "intelligence"

    @OptionGroup var options: ImportOptions

    @OptionGroup var text: TextOptions

    func validate() throws {
        guard self.format == "intelligence" else {
            throw ValidationError("unknown --format '\(self.format)'; use intelligence")
        }
    }

    func run() throws {
        let run = try ImportRun(options: self.options)
        let files = try run.readableFiles(
            self.files, check: InputFormat.check(expected: "an intelligence CSV (docs/formats.md)") { $0 == .intelligence })
        let builder = TextRecordBuilder(analyser: try self.text.makeAnalyser())
        let store = try self.options.store.openStore()
        for file in files {
            run.importCSV(file, profile: IntelligenceProfile(), batchSize: self.options.batchSize) { records in
                try store.saveIntelligence(records.map(builder.intelligence))
            }
        }
        try run.finish()
    }
}
