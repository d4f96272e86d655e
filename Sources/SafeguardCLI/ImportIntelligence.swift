import ArgumentParser
import SafeguardCore
import SafeguardImport

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

    func validate() throws {
        guard self.format == "intelligence" else {
            throw ValidationError("unknown --format '\(self.format)'; use intelligence")
        }
    }

    func run() throws {
        let store = try self.options.store.open()
        let run = try ImportRun(options: self.options)
        let screen = SummaryScreen()
        for file in self.files {
            run.importCSV(file, profile: IntelligenceProfile(), batchSize: self.options.batchSize) { records in
                try store.saveIntelligence(records.map(screen.prepare))
            }
        }
        try run.finish()
    }
}

/// Makes an intelligence record safe to store: the summary is never kept in the clear.
///
/// Until the text pseudonymiser (SafeguardText) is wired in, the summary is withheld and only
/// the signs the record lists explicitly become evidence.
struct SummaryScreen {
    func prepare(_ record: IntelligenceRecord) -> IntelligenceRecord {
        var record = record
        record.summary = "[summary withheld: not pseudonymised]"
        record.evidence = record.signs.map { sign in
            Evidence(
                sign: sign, source: .intelligence, sourceID: record.id, date: record.date,
                snippet: "listed by \(record.source.rawValue)", origin: record.source.rawValue)
        }
        return record
    }
}
