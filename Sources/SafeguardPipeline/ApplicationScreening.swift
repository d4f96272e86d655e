import Foundation
import SafeguardCore
import SafeguardRules

/// Evaluates the licence applications (facts files of kind `application`) and writes their decisions.
public enum ApplicationScreening {
    public struct Result: Sendable {
        public var lines: [String]
        public var decisions: [Decision]
        public var file: URL?
    }

    /// Screens every facts file in `directory` and writes the decisions as JSON to `output`.
    public static func run(directory: URL, engine: Engine, asOf: CalendarDay, output: URL) throws -> Result {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
        guard !names.isEmpty else { return Result(lines: ["no applications in \(directory.path)"], decisions: [], file: nil) }
        var decisions: [Decision] = []
        var lines: [String] = []
        for name in names {
            do {
                for facts in try FactsFile.read(directory.appendingPathComponent(name)) {
                    let decision = engine.evaluate(facts, asOf: facts.asOf ?? asOf)
                    decisions.append(decision)
                    var title = facts.id
                    if case .string(let premises) = facts.fields["application.premises_name"] { title += " \(premises)" }
                    let reasons = decision.findings.map(\.title).prefix(3).joined(separator: "; ")
                    lines.append("\(title): band \(decision.band)\(reasons.isEmpty ? "" : " — \(reasons)")\(decision.conditions.isEmpty ? "" : " (\(decision.conditions.count) condition(s) to consider)")")
                }
            } catch {
                lines.append("! \(name): \(error)")
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try encoder.encode(decisions).write(to: output)
        return Result(lines: lines, decisions: decisions, file: output)
    }
}
