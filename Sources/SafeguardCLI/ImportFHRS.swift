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
            var batch: [FHRSEstablishment] = []
            var extract: CalendarDay?
            var fileSummary = ImportSummary()
            fileSummary.hotels = 0
            fileSummary.hotelsByName = 0
            func flush() throws {
                guard !batch.isEmpty else { return }
                fileSummary.add(try store.recordEstablishments(batch, extractDate: extract))
                batch.removeAll(keepingCapacity: true)
            }
            let failure = run.guarded(file) {
                // The header (with the extract date) precedes the records, so read it first.
                extract = try Self.extractDate(file)
                try FHRSReader().read(
                    path: file, progress: run.progressHandler, onIssue: { run.report($0) }
                ) { establishment in
                    batch.append(establishment)
                    if batch.count >= self.options.batchSize { try flush() }
                }
            }
            // Records read before a fault are kept.
            do { try flush() } catch { run.storeFailed(file, error) }
            run.end(file, fileSummary, failure: failure)
        }
        try run.finish()
    }

    /// Reads just the header's ExtractDate (the first few hundred bytes).
    static func extractDate(_ file: String) throws -> CalendarDay? {
        let reader = try XMLStreamReader(path: file)
        var inExtract = false
        while try reader.read() {
            if reader.nodeType == .element {
                if reader.localName == "EstablishmentDetail" { return nil }
                inExtract = reader.localName == "ExtractDate"
            } else if inExtract, reader.nodeType == .text, let value = reader.valuePointer {
                return CalendarDay(iso: String(cString: value))
            }
        }
        return nil
    }
}
