import ArgumentParser
import Foundation
import SafeguardCore
import SafeguardRules

/// `safeguard rules check [DIR]`: load and lint every rule file; non-zero exit on any error.
struct RulesCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Load, type-check and lint the rule files (unknown fields, protected characteristics, ...).")

    @Argument(help: "The rules directory (default: $SAFEGUARD_RULES or ./rules).")
    var directory: String?

    @Flag(name: .long, help: "Print the result as JSON.")
    var json = false

    struct Output: Encodable {
        var ok: Bool
        var files: [String]
        var rules: Int
        var conditions: Int
        var signs: Int
        var rulesetHash: String?
        var diagnostics: [RuleDiagnostic]

        enum CodingKeys: String, CodingKey {
            case ok, files, rules, conditions, signs, rulesetHash = "ruleset-hash", diagnostics
        }
    }

    func run() async throws {
        let directory = try RulesDirectoryOptions.resolve(self.directory)
        let report = RuleSetLoader.check(directory: directory)
        let output = Output(
            ok: report.errors.isEmpty && report.ruleSet != nil, files: report.files,
            rules: report.ruleSet?.rules.count ?? 0, conditions: report.ruleSet?.conditions.count ?? 0,
            signs: report.ruleSet?.signs.count ?? 0, rulesetHash: report.ruleSet?.hash, diagnostics: report.diagnostics)
        if self.json {
            try JSONOutput.print(output)
        } else {
            Self.printText(output, directory: directory.path)
        }
        if !output.ok {
            let errors = output.diagnostics.filter { $0.severity == .error }.count
            throw CommandError(
                .rules, "\(directory.path): \(errors) error(s) in the rules; nothing was loaded",
                fix: "fix each error listed above at its file:line:column and run `safeguard rules check` again")
        }
    }

    static func printText(_ output: Output, directory: String) {
        print("Checking rules in \(directory) (\(output.files.count) files)")
        for file in output.files {
            let problems = output.diagnostics.filter { $0.location?.file == file }
            let failed = problems.contains { $0.severity == .error }
            print("  \(failed ? "✘" : "✔") \(file)")
            for problem in problems {
                print("      \(problem)")
            }
        }
        for problem in output.diagnostics where problem.location.map({ !output.files.contains($0.file) }) ?? true {
            print("  \(problem)")
        }
        let errors = output.diagnostics.filter { $0.severity == .error }.count
        if output.ok {
            print("OK: \(output.rules) rules, \(output.conditions) conditions, \(output.signs) signs; ruleset \(output.rulesetHash ?? "")")
        } else {
            print("FAILED: \(errors) error(s); nothing was loaded (rule sets load all or nothing)")
        }
    }
}
