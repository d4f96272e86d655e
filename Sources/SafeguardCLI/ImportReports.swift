import ArgumentParser
import SafeguardCore
import SafeguardImport
import SafeguardStore
import SafeguardText

/// `safeguard import reports`: whistle-blowing reports (JSON Lines, docs/formats.md).
struct ImportReports: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reports",
        abstract: "Import whistle-blowing reports (JSON Lines), pseudonymised and scanned like reviews.",
        discussion: """
            Each report is linked to the premises, vehicle or driver it names. Its text and "seen" line \
            are pseudonymised before storage and scanned for signs; signs the reporter ticked become \
            evidence too; contact details are stored as tokens only. A line with a bad field or an unknown sign id goes to --rejects with its line and field; the rest go on.

            Example: safeguard import reports corpus/reports/reports.jsonl --rejects rejects.csv
            """
    )

    @Argument(help: ArgumentHelp("Report JSON Lines files.", valueName: "file"))
    var files: [String]

    @OptionGroup var options: ImportOptions

    @OptionGroup var text: TextOptions

    func run() throws {
        let run = try ImportRun(options: self.options)
        let files = try run.readableFiles(
            self.files, check: InputFormat.check(expected: "whistle-blowing report JSON Lines (docs/formats.md)") { $0 == .reportJSONL })
        let builder = TextRecordBuilder(analyser: try self.text.makeAnalyser())
        let store = try self.options.store.openStore()
        let reader = WhistleblowingReportReader(knownSigns: Set(builder.analyser.scanner.signs.map(\.id)))
        for file in files {
            run.begin(file)
            var batch: [ReportRecord] = []
            var summary = ImportSummary()
            let failure = run.guarded(file) {
                try reader.read(path: file, onIssue: { run.report($0) }) { record in
                    batch.append(builder.report(record))
                    if batch.count >= self.options.batchSize {
                        summary.add(try store.saveReports(batch))
                        batch.removeAll(keepingCapacity: true)
                    }
                }
            }
            do {
                if !batch.isEmpty { summary.add(try store.saveReports(batch)) }
            } catch {
                run.storeFailed(file, error)
            }
            run.end(file, summary, failure: failure)
        }
        try run.finish()
    }
}
