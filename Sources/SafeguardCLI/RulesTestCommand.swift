import ArgumentParser
import Foundation
import SafeguardCore
import SafeguardRules

/// `safeguard rules test [DIR]`: run `DIR/tests/*.yaml`; non-zero exit when a case fails or a rule file is uncovered.
struct RulesTestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run the rule test cases in rules/tests/ (facts in, expected rules and band out).")

    @Argument(help: "The rules directory (default: $SAFEGUARD_RULES or ./rules).")
    var directory: String?

    @Flag(name: .long, help: "Print the result as JSON.")
    var json = false

    func run() async throws {
        let directory = try RulesDirectoryOptions.resolve(self.directory)
        let ruleSet: RuleSet
        do {
            ruleSet = try RuleSetLoader.load(directory: directory)
        } catch {
            throw CommandError(
                .rules, "the rules in \(directory.path) do not load:\n\(error.description)",
                fix: "fix these first (see `safeguard rules check \(directory.path)`), then run the tests again")
        }
        var report: RuleTestReport
        do {
            let cases = try RuleTestLoader.load(directory: directory.appendingPathComponent("tests"))
            report = RuleTestRunner.run(cases, ruleSet: ruleSet)
            if cases.isEmpty {
                report.loadErrors.append("no test cases found in \(directory.path)/tests")
            }
        } catch {
            report = RuleTestReport(
                results: [], uncoveredFiles: [], neverFired: [], loadErrors: error.diagnostics.map(\.description),
                rulesetHash: ruleSet.hash)
        }
        if self.json {
            try JSONOutput.print(report)
        } else {
            Self.printText(report)
        }
        if !report.passed {
            throw CommandError(
                .rules, "rule tests in \(directory.path)/tests failed",
                fix: "see the ✘ lines above: fix the rule or the expected result, then run `safeguard rules test` again")
        }
    }

    static func printText(_ report: RuleTestReport) {
        for error in report.loadErrors {
            print("✘ \(error)")
        }
        var currentFile = ""
        for result in report.results {
            if result.file != currentFile {
                currentFile = result.file
                print(currentFile)
            }
            print("  \(result.passed ? "✔" : "✘") \(result.name) [band \(result.band), score \(NumberFormat.short(result.score))]")
            for failure in result.failures {
                print("      \(result.file):\(result.line): \(failure)")
            }
        }
        for file in report.uncoveredFiles {
            print("✘ \(file): no test case expects any of its rules to fire; add one to rules/tests/")
        }
        if !report.neverFired.isEmpty {
            print("note: never fired by any case: \(report.neverFired.joined(separator: ", "))")
        }
        let failed = report.results.filter { !$0.passed }.count
        let verdict = report.passed ? "passed" : "FAILED"
        print("\(report.results.count) case(s), \(failed) failed, \(report.uncoveredFiles.count) uncovered file(s): \(verdict); ruleset \(report.rulesetHash)")
    }
}
