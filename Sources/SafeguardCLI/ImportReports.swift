import ArgumentParser
import Foundation
import SafeguardCore
import SafeguardImport
import SafeguardStore
import SafeguardText

/// `safeguard import reports FILE...`
struct ImportReports: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reports",
        abstract: "Import whistle-blowing reports (JSON Lines): pseudonymised, scanned, linked to premises and vehicles.",
        discussion: """
            One report a line: {"id": "WB-0001", "received": "2025-03-02", "role": "taxi-driver|hotel-staff|\
            licence-holder|public|other", "seen": "...", "signs": ["young-people"], "text": "...", \
            "where": {"premises", "address", "postcode", "vehicle", "badge"}, "when": "...", \
            "apparent-age": "13-15"|null, "danger-now": false, "contact": null|{"name", "phone", "email"}}.
            "text" and "seen" are pseudonymised and scanned; contact details are stored as their tokens only.

            Example: safeguard import reports reports.jsonl --rejects rejects.csv
            """
    )

    @Argument(help: ArgumentHelp("Report files (JSON Lines).", valueName: "file"))
    var files: [String]

    @OptionGroup var options: ImportOptions

    @OptionGroup var text: TextOptions

    func run() throws {
        let store = try self.options.store.open()
        let run = try ImportRun(options: self.options)
        let analyser = try self.text.makeAnalyser()
        let builder = TextRecordBuilder(analyser: analyser)
        let known = Set(analyser.scanner.signs.map(\.id))
        for file in self.files {
            run.begin(file)
            var summary = ImportSummary()
            let failure = run.guarded(file) {
                guard let data = FileManager.default.contents(atPath: file) else {
                    throw ImportError(code: "import.unreadable", file: file, message: "cannot read the file; check the path and permissions")
                }
                let (reports, issues) = ReportFileReader.read(String(decoding: data, as: UTF8.self), file: file, knownSigns: known)
                for issue in issues { run.report(issue.importIssue(code: "report.rejected")) }
                if !reports.isEmpty { summary.add(try store.saveReports(reports.map(builder.report))) }
            }
            run.end(file, summary, failure: failure)
        }
        try run.finish()
    }
}
