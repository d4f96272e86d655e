import Foundation
import SafeguardCore
import SafeguardImport
import SafeguardReports
import SafeguardRules
import SafeguardStore

/// Workflow 1: screens a licence application against the rules, with the premises' history from the
/// store, the representation window and the draft letter. The library entry point the CLI and the
/// officers' web page share: give it an application value and a store, get a `ScreeningResult`.
public struct ApplicationScreening: Sendable {
    /// The rule files, calendar and template relative to the rules directory.
    public static let calendarPath = "calendar/bank-holidays-england-wales.csv"
    public static let templatePath = "templates/representation.mustache"

    public let ruleSet: RuleSet
    public let steps: [ScheduleStep]
    public let calendar: BankHolidayCalendar
    public let letter: RepresentationLetter
    /// Hex SHA-256 of the rule files, the bank-holiday file and the letter template.
    public let hash: String
    let engine: Engine

    /// Creates a screening from loaded parts; `extraHashed` is the text of the calendar and template files.
    public init(
        ruleSet: RuleSet, steps: [ScheduleStep], calendar: BankHolidayCalendar, letter: RepresentationLetter,
        extraHashed: [String]
    ) {
        self.ruleSet = ruleSet
        self.steps = steps
        self.calendar = calendar
        self.letter = letter
        self.engine = Engine(ruleSet: ruleSet)
        var digest = SHA256Digest()
        digest.update(ruleSet.hash + "\n")
        for text in extraHashed { digest.update(text + "\n") }
        self.hash = digest.hexDigest()
    }

    /// Loads everything screening needs from a rules directory (`rules/`).
    ///
    /// - Throws: `PipelineError` naming the file (and line) at fault and how to fix it.
    public init(rules: URL) throws(PipelineError) {
        let ruleSet: RuleSet
        let steps: [ScheduleStep]
        do {
            ruleSet = try RuleSetLoader.load(directory: rules)
            steps = try ScheduleStepLoader.load(rules: rules)
        } catch {
            throw PipelineError(
                message: "the rules in \(rules.path) do not load:\n"
                    + error.diagnostics.map { "  \($0)" }.joined(separator: "\n"))
        }
        let calendarURL = rules.appendingPathComponent(Self.calendarPath)
        guard let calendarText = try? String(contentsOf: calendarURL, encoding: .utf8) else {
            throw PipelineError(
                message: "cannot read the bank-holiday file \(calendarURL.path): it lists England-and-Wales bank "
                    + "holidays (date,name,substitute) and must sit in the rules directory")
        }
        let calendar: BankHolidayCalendar
        do {
            calendar = try BankHolidayCalendar.parse(csv: calendarText, file: calendarURL.path)
        } catch {
            throw PipelineError(message: error.description)
        }
        let templateURL = rules.appendingPathComponent(Self.templatePath)
        let letter: RepresentationLetter
        do {
            letter = try RepresentationLetter.load(path: templateURL.path)
        } catch {
            throw PipelineError(message: error.description)
        }
        self.init(
            ruleSet: ruleSet, steps: steps, calendar: calendar, letter: letter,
            extraHashed: [calendarText, letter.text])
    }

    /// Screens `application` as of `asOf`, looking the premises up in `store` (when given) and recording
    /// the decision there.
    ///
    /// - Parameters:
    ///   - inputHash: hex SHA-256 of the application as received (`ApplicationScreening.inputHash(_:)`).
    ///   - warnings: the form reader's warnings, kept with the result.
    /// - Throws: `PipelineError` when the window cannot be counted (bank-holiday file out of range) or the store fails.
    public func screen(
        _ application: LicenceApplication, inputHash: String, store: (any ScreeningStore)?, asOf: CalendarDay,
        warnings: [String] = [], record: Bool = true
    ) throws(PipelineError) -> ScreeningResult {
        var history: PremisesHistory?
        do {
            history = try store?.premisesHistory(
                name: application.premises.name, postcode: application.premises.postcode, uprn: application.premises.uprn)
        } catch {
            throw PipelineError(message: "cannot look the premises up in the store: \(error)")
        }
        let (facts, recognised) = application.facts(recognising: self.steps, history: history)
        let decision = self.engine.evaluate(facts, asOf: asOf)
        // What the schedule's steps spared: conditions that would apply had nothing been volunteered.
        var bare = facts
        for step in recognised { bare.fields[step.fact] = .bool(false) }
        let chosen = Set(decision.conditions.map(\.id))
        let notNeeded = self.engine.evaluate(bare, asOf: asOf).conditions.filter { !chosen.contains($0.id) }.map {
            condition in
            let definition = self.ruleSet.conditions.first { $0.id == condition.id }
            let covering = recognised.filter { step in definition?.when.text.contains(step.fact) ?? false }.map(\.title)
            return ScreeningResult.VolunteeredCondition(id: condition.id, title: condition.title, coveredBy: covering)
        }
        let window: RepresentationWindow
        do {
            window = try RepresentationWindow.of(application.kind, received: application.received, calendar: self.calendar)
        } catch {
            throw PipelineError(message: error.description)
        }
        let bands = (self.ruleSet.bands[.application] ?? []).sorted { $0.minimumScore < $1.minimumScore }
        let lowest = bands.first?.id ?? "none"
        let decisionID = "SCR-" + SHA256Digest.hex(inputHash + "\n" + self.hash + "\n" + asOf.description).prefix(16)
        let premises = application.premises
        let result = ScreeningResult(
            decisionID: decisionID, reference: application.reference, kind: application.kind.rawValue,
            authority: application.authority, received: application.received, asOf: asOf,
            premises: ScreeningResult.PremisesSummary(
                name: premises.name, address: premises.address, postcode: premises.postcode, uprn: premises.uprn,
                type: premises.type.rawValue),
            band: decision.band, action: decision.action, score: decision.score,
            representation: decision.band != lowest && decision.band != "none", findings: decision.findings,
            conditions: decision.conditions, volunteered: recognised, notNeeded: notNeeded, history: history,
            window: window, daysLeft: window.daysLeft(asOf: asOf), warnings: warnings + decision.factIssues,
            rulesetHash: self.hash, inputHash: inputHash)
        if record, let store {
            do {
                try store.recordScreening(
                    ScreeningRecord(
                        id: decisionID, reference: application.reference, asOf: asOf, rulesetHash: self.hash,
                        inputHash: inputHash, band: decision.band, resultJSON: try Self.json(result)))
            } catch {
                throw PipelineError(message: "cannot record the screening decision: \(error)")
            }
        }
        return result
    }

    /// Reads an application file and screens it (the CLI's path).
    public func screen(
        file: String, store: (any ScreeningStore)?, asOf: CalendarDay?, received: CalendarDay? = nil, record: Bool = true
    ) throws -> (result: ScreeningResult, application: LicenceApplication) {
        let read = try ApplicationFormReader.read(path: file)
        var application = read.application
        if let received { application.received = received }
        let result = try self.screen(
            application, inputHash: Self.inputHash(read.bytes), store: store, asOf: asOf ?? application.received,
            warnings: read.warnings.map(\.description), record: record)
        return (result, application)
    }

    /// A stored decision, as the rules in force then gave it.
    public static func replay(id: String, store: any ScreeningStore) throws(PipelineError) -> (
        result: ScreeningResult, record: ScreeningRecord
    ) {
        let record: ScreeningRecord?
        do {
            record = try store.screening(id: id)
        } catch {
            throw PipelineError(message: "cannot read the screening decisions: \(error)")
        }
        guard let record else {
            throw PipelineError(
                message: "no screening decision \(id) in this database; check the id (it starts SCR-) and --db")
        }
        do {
            let result = try JSONDecoder().decode(ScreeningResult.self, from: Data(record.resultJSON.utf8))
            return (result, record)
        } catch {
            throw PipelineError(message: "the stored decision \(id) cannot be read back: \(error)")
        }
    }

    /// Hex SHA-256 of the input bytes.
    public static func inputHash(_ bytes: [UInt8]) -> String {
        var digest = SHA256Digest()
        digest.update(bytes)
        return digest.hexDigest()
    }

    /// The result as pretty JSON (sorted keys).
    public static func json(_ result: ScreeningResult) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(result), as: UTF8.self)
    }
}
