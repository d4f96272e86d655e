import ArgumentParser

/// `safeguard import …`: load licence feeds and intelligence into the database.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import licence feeds (FHRS XML, premises licence register, taxi registers) and intelligence.",
        discussion: """
            Imports are idempotent: re-running one stores only what is new or changed, and an import \
            killed part-way is completed by running it again. Each file's summary counts records read, \
            new, updated, unchanged, rejected and linked (to a premises, vehicle or driver already known \
            from another source). Rejected records go to --rejects FILE with the reason.

            Exit status: 0 when every file was read to its end (even with rejects); 1 when a file could \
            not be read or was cut short. Formats: docs/formats.md.
            """,
        subcommands: [
            ImportFHRS.self,
            ImportPremises.self,
            ImportTaxi.self,
            ImportIntelligence.self,
            ImportReviews.self,
            ImportReports.self,
        ]
    )
}

/// Options every import subcommand shares.
struct ImportOptions: ParsableArguments {
    @OptionGroup var store: StoreOptions

    @Option(name: .long, help: ArgumentHelp("Write rejected records to this CSV file.", valueName: "file"))
    var rejects: String?

    @Flag(name: .long, help: "Print the summary as one JSON object.")
    var json = false

    @Option(name: .long, help: ArgumentHelp("Records per transaction.", visibility: .hidden))
    var batchSize = 5000
}
