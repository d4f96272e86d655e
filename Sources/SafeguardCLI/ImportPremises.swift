import ArgumentParser
import SafeguardImport
import SafeguardStore
import SafeguardStorePostgres

/// `safeguard import premises FILE...`
struct ImportPremises: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "premises",
        abstract: "Import premises licence registers (LGA open-data CSV schema; rows per case are its history).",
        discussion: "Example: safeguard import premises premises-licences.csv --rejects rejects.csv"
    )

    @Argument(help: ArgumentHelp("Premises licence register CSV files.", valueName: "file"))
    var files: [String]

    @Option(name: .long, help: "Input format: lga-premises (the only one).")
    var format = "lga-premises"

    @OptionGroup var options: ImportOptions

    func validate() throws {
        guard self.format == "lga-premises" else {
            throw ValidationError("unknown --format '\(self.format)'; use lga-premises")
        }
    }

    func run() throws {
        let run = try ImportRun(options: self.options)
        let files = try run.readableFiles(
            self.files, check: InputFormat.check(expected: "a premises licence register CSV (docs/formats.md)") { $0 == .premises })
        let store = try self.options.store.openStore()
        for file in files {
            run.importCSV(
                file, profile: PremisesLicenceProfile(), batchSize: self.options.batchSize,
                prepare: PreparedLicenceEvent.init
            ) {
                // SQLite and PostgreSQL take the prepared rows; other stores take the events.
                if let sqlite = store as? SQLiteStore { return try sqlite.recordLicenceEvents(prepared: $0) }
                if let postgres = store as? PostgresStore { return try postgres.recordLicenceEvents(prepared: $0) }
                return try store.recordLicenceEvents($0.map(\.event))
            }
        }
        try run.finish()
    }
}
