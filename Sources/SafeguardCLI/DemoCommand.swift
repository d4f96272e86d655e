import ArgumentParser
import Foundation
import SafeguardCore
import SafeguardRules

/// `safeguard demo`: check the shipped rules, then explain the sample facts in corpus/facts/.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Check the shipped rules and explain the sample facts in corpus/facts/.",
        discussion: """
            Run from the repository root:
              swift run safeguard demo
            """)

    @OptionGroup var rules: RulesDirectoryOptions

    @Option(name: .long, help: "Directory of sample facts files.")
    var facts = "corpus/facts"

    func run() async throws {
        let directory = try self.rules.directory()
        print("== 1. Checking the rules in \(directory.path)")
        let report = RuleSetLoader.check(directory: directory)
        guard let ruleSet = report.ruleSet, report.errors.isEmpty else {
            for diagnostic in report.diagnostics { print("  \(diagnostic)") }
            throw ExitCode.failure
        }
        print("  \(report.files.count) files, \(ruleSet.rules.count) rules, \(ruleSet.conditions.count) conditions, \(ruleSet.signs.count) signs")
        print("  ruleset \(ruleSet.hash)")
        let samples = ((try? FileManager.default.contentsOfDirectory(atPath: self.facts)) ?? [])
            .filter { $0.hasSuffix(".json") }.sorted()
        guard !samples.isEmpty else {
            throw ValidationError("No sample facts in '\(self.facts)'. Run from the repository root or pass --facts DIR.")
        }
        print("\n== 2. Explaining \(samples.count) sample facts files from \(self.facts)")
        let engine = Engine(ruleSet: ruleSet)
        for name in samples {
            let entities: [EntityFacts]
            do {
                entities = try FactsFile.read(URL(fileURLWithPath: self.facts).appendingPathComponent(name))
            } catch {
                print("  ! \(error)")
                continue
            }
            for facts in entities {
                let decision = engine.evaluate(facts, asOf: facts.asOf ?? ExplainCommand.today(), explainMisses: false)
                print("\n-- \(name)")
                print(DecisionPrinter.text(decision, title: ExplainCommand.title(facts), whyNot: false))
            }
        }
    }
}
