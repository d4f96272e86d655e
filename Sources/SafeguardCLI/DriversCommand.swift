import ArgumentParser
import Foundation
import SafeguardCore
import SafeguardPipeline
import SafeguardReports

/// `safeguard drivers`: the taxi register checked against the safeguarding standards (workflow 3).
struct DriversCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drivers",
        abstract: "Check every stored taxi driver against the safeguarding standards and list those needing action.",
        discussion: """
            Reads the taxi register (drivers, vehicles, operators, licence history, NR3S searches, s.6 \
            replies) and the reports and intelligence naming a badge or a plate, scores each driver with \
            rules/taxis/drivers.yaml and prints the drivers needing action, most urgent first, with the \
            reasons. Outcomes: no action, request a DBS status check, require training before renewal, \
            NR3S search required, summon for interview, refer to the licensing committee. Nothing is \
            suspended or revoked; drafts of s.5 notifications are never sent.

            Examples:
              safeguard drivers
              safeguard drivers --as-of 2026-11-01 --html drivers.html --csv drivers.csv
              safeguard drivers --json > drivers.json
            """)

    @Option(help: "The day to check as of (YYYY-MM-DD; default: today).")
    var asOf: String?

    @Flag(help: "Print the whole report as JSON on standard output instead of the summary.")
    var json = false

    @Option(help: ArgumentHelp("Write the drivers needing action as CSV to this file.", valueName: "file"))
    var csv: String?

    @Option(help: ArgumentHelp("Write the printable HTML report to this file.", valueName: "file"))
    var html: String?

    @Option(help: ArgumentHelp("The authority whose register this is (default: the one most drivers are licensed by).", valueName: "name"))
    var authority: String?

    @OptionGroup var store: StoreOptions

    @OptionGroup var rules: RulesDirectoryOptions

    func validate() throws {
        if let asOf = self.asOf, CalendarDay(iso: asOf) == nil || asOf.count != 10 {
            throw ValidationError("--as-of '\(asOf)' is not a date: write it as YYYY-MM-DD, e.g. --as-of 2026-11-01.")
        }
    }

    func run() throws {
        guard self.store.isPostgres || FileManager.default.fileExists(atPath: self.store.path) else {
            throw CommandError(
                .database, "No database at '\(self.store.path)'.",
                fix: "Import the taxi register first (`safeguard import taxi corpus/taxis/*.csv`) or pass --db PATH; `safeguard demo --db PATH` builds one from the demo corpus.")
        }
        let asOf = self.asOf.flatMap { CalendarDay(iso: $0) } ?? ExplainCommand.today()
        let run = try DriversRun(
            store: self.store, rulesDirectory: try self.rules.directory(), asOf: asOf, authority: self.authority,
            html: self.html.map(URL.init(fileURLWithPath:)), csv: self.csv.map(URL.init(fileURLWithPath:)))
        if self.json {
            do {
                print(try DriverReportJSONRenderer().render(run.report), terminator: "")
            } catch {
                throw CommandError(error.message)
            }
        } else {
            print(run.summary)
        }
    }
}

/// One run of the driver report: read, score, write the files asked for. Shared by `drivers` and `demo`.
struct DriversRun {
    let report: DriverReport
    let files: [URL]

    init(store: StoreOptions, rulesDirectory: URL, asOf: CalendarDay, authority: String?, html: URL?, csv: URL?, json: URL? = nil) throws {
        do {
            self.report = try DriverScreening.report(
                store: try store.openExistingTaxiRegisterStore(), rulesDirectory: rulesDirectory, asOf: asOf, localAuthority: authority)
            self.files = try DriverReportWriter().write(self.report, html: html, csv: csv, json: json)
        } catch let error as PipelineError {
            throw ErrorPrinter.commandError(for: error, commandPath: "drivers") ?? CommandError(error.message)
        } catch let error as ReportError {
            throw CommandError(.output, error.message)
        }
    }

    /// The text summary: counts by outcome, the first drivers with their reasons, the files.
    var summary: String {
        let report = self.report
        var lines = ["Taxi drivers of \(report.localAuthority) as of \(report.asOf): \(report.drivers) checked, \(report.entries.count) need action."]
        for outcome in report.outcomes.reversed() {
            lines.append("  \(String(repeating: " ", count: max(0, 7 - String(outcome.drivers).count)))\(outcome.drivers)  \(outcome.outcome)")
        }
        for entry in report.entries.prefix(15) {
            lines.append("\(entry.rank). \(entry.licenceNumber) (\(entry.issuingAuthority)) \(entry.outcome), score \(String(format: "%.1f", entry.score))")
            for action in entry.requiredActions {
                lines.append("     \(action.outcome): \(action.because.joined(separator: "; "))")
            }
        }
        if report.entries.count > 15 { lines.append("... and \(report.entries.count - 15) more (--csv, --html or --json for all).") }
        if !report.crossAuthority.isEmpty {
            lines.append("Licensed elsewhere, seen here: \(report.crossAuthority.count) (\(report.crossAuthority.filter { $0.notificationStatus == "draft" }.count) draft s.5 notification(s)).")
        }
        if !self.files.isEmpty {
            lines.append("Written:")
            lines += self.files.map { "  \($0.path)" }
        }
        lines.append("Nothing here proves wrongdoing; an outcome is grounds for a check, an interview or a referral.")
        return lines.joined(separator: "\n")
    }
}
