import ArgumentParser
import Foundation
import SafeguardCore
import SafeguardImport
import SafeguardPipeline
import SafeguardStore

/// `safeguard screen APPLICATION...`: workflow 1, a statutory licence application screened for child protection.
struct ScreenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "screen",
        abstract: "Screen licence applications: focus points, premises history, conditions, last day for a representation, draft letter.",
        discussion: """
            APPLICATION is a premises licence application in Safeguard's statutory-form format, JSON or XML \
            (docs/formats.md). Each screening is stored as a decision (ruleset hash + input hash) and can be \
            shown again with --replay. Nothing is sent anywhere; the letter is a draft for the officer.
            Examples:
              safeguard screen corpus/applications/APP-2026-0001.json
              safeguard screen new-application.xml --as-of 2026-12-01 --letter letters/
              safeguard screen --replay SCR-1a2b3c4d5e6f7a8b
            """)

    @Argument(help: "Application files (.json or .xml).")
    var applications: [String] = []

    @Option(help: ArgumentHelp("Override the received date on the form (YYYY-MM-DD).", valueName: "date"))
    var received: String?

    @Option(help: ArgumentHelp("Screen as of this day: days left are counted to it (YYYY-MM-DD; default today).", valueName: "date"))
    var asOf: String?

    @Flag(help: "Print the results as JSON.")
    var json = false

    @Option(help: ArgumentHelp("Write each draft representation letter (Markdown and A4 HTML) into this directory.", valueName: "dir"))
    var letter: String?

    @Option(help: ArgumentHelp("Show a stored screening decision as the rules in force then gave it.", valueName: "decision-id"))
    var replay: String?

    @OptionGroup var store: StoreOptions
    @OptionGroup var rules: RulesDirectoryOptions

    func validate() throws {
        if self.replay == nil && self.applications.isEmpty {
            throw ValidationError("Give at least one application file, or --replay DECISION-ID.")
        }
        for (name, value) in [("--received", self.received), ("--as-of", self.asOf)] {
            if let value, CalendarDay(iso: value) == nil || value.count != 10 {
                throw ValidationError("\(name) '\(value)' is not a date: write it as YYYY-MM-DD.")
            }
        }
    }

    func run() throws {
        let store = try self.store.openScreeningStore()
        if let id = self.replay {
            let (result, record): (ScreeningResult, ScreeningRecord)
            do {
                (result, record) = try ApplicationScreening.replay(id: id, store: store)
            } catch {
                throw CommandError(error.description)
            }
            if self.json {
                print(record.resultJSON)
            } else {
                print("Stored decision \(record.id) (screened as of \(record.asOf); rules \(record.rulesetHash.prefix(16)), input \(record.inputHash.prefix(16)))")
                ScreeningPrinter.print(result)
            }
            if let current = try? ApplicationScreening(rules: try self.rules.directory()), current.hash != record.rulesetHash {
                FileHandle.standardError.write(Data("note: the rules have changed since (now \(current.hash.prefix(16))); screen the application again for today's answer\n".utf8))
            }
            return
        }
        let screening: ApplicationScreening
        do {
            screening = try ApplicationScreening(rules: try self.rules.directory())
        } catch let error as PipelineError {
            throw CommandError(error.description)
        }
        let asOf = self.asOf.flatMap { CalendarDay(iso: $0) } ?? ExplainCommand.today()
        let received = self.received.flatMap { CalendarDay(iso: $0) }
        if let letter = self.letter {
            do {
                try FileManager.default.createDirectory(atPath: letter, withIntermediateDirectories: true)
            } catch {
                throw CommandError(
                    .output, "cannot create the letters directory \(letter): \(FileErrorReason.of(error))",
                    fix: "choose a directory you can write to with --letter")
            }
        }
        var results: [ScreeningResult] = []
        var failed = 0
        for file in self.applications {
            do {
                let (result, _) = try screening.screen(file: file, store: store, asOf: asOf, received: received)
                results.append(result)
                if !self.json { ScreeningPrinter.print(result) }
                if let directory = self.letter {
                    let letter = screening.letter(for: result)
                    let stem = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
                    let base = URL(fileURLWithPath: directory).appendingPathComponent(stem)
                    try Data(letter.markdown.utf8).write(to: base.appendingPathExtension("md"))
                    try Data(letter.html.utf8).write(to: base.appendingPathExtension("html"))
                    if !self.json { print("  draft letter: \(base.path).md, .html") }
                }
            } catch {
                failed += 1
                FileHandle.standardError.write(Data("Error: \(error)\n".utf8))
            }
        }
        if self.json {
            try JSONOutput.print(results)
        }
        if failed > 0 { throw ExitCode.failure }
    }
}
