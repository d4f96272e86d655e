import ArgumentParser
import Foundation
import SafeguardCore
import SafeguardImport
import SafeguardRules

/// `safeguard explain FACTS.json`: evaluate facts and print findings with their evidence and reasons.
struct ExplainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Evaluate a facts file against the rules and explain every finding.",
        discussion: """
            FACTS.json holds one {"kind", "id", "as-of", "facts", "evidence"} object or an array of them.

            Examples:
              safeguard explain corpus/facts/sample-hotel.json
              safeguard explain corpus/facts/sample-driver.json --why-not
              safeguard explain corpus/facts/sample-report.json --json --as-of 2026-11-25
            """)

    @Argument(help: "The facts file (JSON).")
    var facts: String

    @OptionGroup var rules: RulesDirectoryOptions

    @Option(name: .long, help: "Evaluate as of this day (YYYY-MM-DD); default: the file's as-of, else today.")
    var asOf: String?

    @Flag(name: .long, help: "Also list the rules that did not fire and why.")
    var whyNot = false

    @Flag(name: .long, help: "Print decisions as JSON.")
    var json = false

    func validate() throws {
        if let asOf, CalendarDay(iso: asOf) == nil {
            throw ValidationError("--as-of '\(asOf)' is not a date: write it as YYYY-MM-DD, e.g. 2026-11-25.")
        }
    }

    func run() async throws {
        let ruleSet: RuleSet
        do {
            ruleSet = try RuleSetLoader.load(directory: try self.rules.directory())
        } catch let error as RuleSetError {
            throw CommandError(.rules, "the rules do not load:\n\(error)", fix: "run `safeguard rules check` for details and fix what it lists")
        }
        let entities: [EntityFacts]
        try FileCheck.readable(self.facts, as: self.facts)
        do {
            entities = try FactsFile.read(URL(fileURLWithPath: self.facts))
        } catch {
            throw CommandError(.input, error.description)
        }
        let engine = Engine(ruleSet: ruleSet)
        let decisions = entities.map { facts in
            engine.evaluate(facts, asOf: self.day(for: facts), explainMisses: self.whyNot)
        }
        if self.json {
            try JSONOutput.print(decisions)
            return
        }
        for (facts, decision) in zip(entities, decisions) {
            print(DecisionPrinter.text(decision, title: Self.title(facts), whyNot: self.whyNot))
            print("")
        }
    }

    func day(for facts: EntityFacts) -> CalendarDay {
        if let asOf = self.asOf.flatMap({ CalendarDay(iso: $0) }) { return asOf }
        if let asOf = facts.asOf { return asOf }
        return Self.today()
    }

    static func today() -> CalendarDay {
        CalendarDay(daysSinceEpoch: Int((Date().timeIntervalSince1970 / 86_400).rounded(.down)))
    }

    static func title(_ facts: EntityFacts) -> String? {
        for key in ["hotel.name", "premises.name", "application.premises_name", "report.seen"] {
            if case .string(let name) = facts.fields[key] { return name }
        }
        return nil
    }
}
