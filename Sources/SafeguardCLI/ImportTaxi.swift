import ArgumentParser
import SafeguardImport
import SafeguardStore

/// `safeguard import taxi FILE...`
struct ImportTaxi: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "taxi",
        abstract: "Import taxi registers: drivers, vehicles, operators, licence history, NR3S searches, s.6 replies, or TfL's PHV list.",
        discussion: """
            The layout of each file is detected from its header; --format forces one \
            (drivers, vehicles, operators, history, nr3s, s6-replies, london-phv). Vehicles link by registration and drivers \
            by badge number to reports and intelligence.

            Example: safeguard import taxi drivers.csv vehicles.csv operators.csv licence-history.csv nr3s.csv
            """
    )

    @Argument(help: ArgumentHelp("Taxi register CSV files.", valueName: "file"))
    var files: [String]

    @Option(name: .long, help: "Force a layout: drivers, vehicles, operators, history, nr3s, s6-replies or london-phv.")
    var format: String?

    @OptionGroup var options: ImportOptions

    func validate() throws {
        if let format, TaxiRegisterKind(rawValue: format) == nil {
            throw ValidationError(
                "unknown --format '\(format)'; use one of: "
                    + TaxiRegisterKind.allCases.map(\.rawValue).joined(separator: ", "))
        }
    }

    func run() throws {
        let run = try ImportRun(options: self.options)
        let files = try run.readableFiles(
            self.files,
            check: InputFormat.check(expected: self.format.map { "a taxi register CSV, layout \($0)" } ?? "a taxi register CSV") { format in
                switch format {
                case .taxi: return true
                // a forced layout is read whatever the header's detected kind; the reader names missing columns
                case .otherCSV, .premises, .intelligence, .reviewCSV, .bookingReviews: return self.format != nil
                default: return false
                }
            })
        let store = try self.options.store.openStore()
        let batch = self.options.batchSize
        for file in files {
            var kind = self.format.flatMap(TaxiRegisterKind.init(rawValue:))
            if kind == nil {
                let failure = run.guarded(file) { kind = TaxiRegisterKind.detect(header: try CSVImporter.header(path: file)) }
                if let failure {
                    run.begin(file)
                    run.end(file, .init(), failure: failure)
                    continue
                }
            }
            switch kind {
            case .drivers:
                run.importCSV(file, profile: TaxiDriverProfile(), batchSize: batch) { try store.recordDrivers($0) }
            case .londonPHV:
                run.importCSV(file, profile: LondonPHVDriverProfile(), batchSize: batch) { try store.recordDrivers($0) }
            case .vehicles:
                run.importCSV(file, profile: TaxiVehicleProfile(), batchSize: batch) { try store.recordVehicles($0) }
            case .operators:
                run.importCSV(file, profile: TaxiOperatorProfile(), batchSize: batch) { try store.recordOperators($0) }
            case .history:
                run.importCSV(file, profile: TaxiHistoryProfile(), batchSize: batch) { try Self.register(store).recordTaxiHistory($0) }
            case .nr3s:
                run.importCSV(file, profile: NR3SSearchProfile(), batchSize: batch) { try Self.register(store).recordNR3SSearches($0) }
            case .replies:
                run.importCSV(file, profile: Section6ReplyProfile(), batchSize: batch) { try Self.register(store).recordSection6Replies($0) }
            case nil:
                run.begin(file)
                run.end(
                    file, .init(),
                    failure: ImportError(
                        code: "taxi.layout", file: file, line: 1,
                        message: "the header matches no taxi register layout (drivers, vehicles, operators, "
                            + "history, nr3s, s6-replies, london-phv); see docs/formats.md or force one with --format"))
            }
        }
        try run.finish()
    }
}

extension ImportTaxi {
    /// The store's taxi register (history, NR3S, s.6 replies): both the SQLite and the PostgreSQL
    /// store keep one; a store that did not would fail those files (each reported, none half-stored).
    static func register(_ store: any SafeguardStore) throws -> any TaxiRegisterStore {
        guard let register = store as? any TaxiRegisterStore else {
            throw StoreError(
                code: "store.taxi-register",
                message: "this store keeps taxi licences but not licence history, NR3S searches or s.6 replies")
        }
        return register
    }
}
