import Foundation
import SafeguardCore
import Yams

/// Loads `rules/applications/operating-schedule.yaml`: the good-practice steps an operating schedule
/// may volunteer, each with the `application.*` fact it sets and the phrases that show it.
///
/// Schema: `version: 1` and `steps:`, a list of `{fact, title, phrases}`; `fact` must be an
/// application fact. Errors carry `file:line:column`.
public enum ScheduleStepLoader {
    /// The file, relative to the rules directory.
    public static let relativePath = "applications/operating-schedule.yaml"

    /// Reads the steps file of the rules directory `rules`.
    public static func load(rules: URL) throws(RuleSetError) -> [ScheduleStep] {
        let yaml = try YAMLFile.read(rules.appendingPathComponent(self.relativePath), displayPath: self.relativePath)
        var reader = YAMLReader(file: yaml)
        let steps = self.read(&reader)
        if reader.diagnostics.contains(where: { $0.severity == .error }) {
            throw RuleSetError(diagnostics: reader.diagnostics)
        }
        return steps
    }

    static func read(_ reader: inout YAMLReader) -> [ScheduleStep] {
        guard let top = reader.mapping(reader.file.root, what: "the operating-schedule steps") else { return [] }
        reader.rejectUnknownKeys(top, allowed: ["version", "steps"], what: "the operating-schedule steps")
        let fields = Dictionary(top.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        if let version = fields["version"], reader.number(version, field: "version") != 1 {
            reader.error("unsupported-version", "this Safeguard reads operating-schedule steps of `version: 1`", at: version)
        }
        guard let items = fields["steps"]?.sequence else {
            reader.error("expected-list", "`steps` must be a list of `- fact: ...` entries", at: fields["steps"])
            return []
        }
        let schema = FactSchema.of(.application)
        var steps: [ScheduleStep] = []
        for item in items {
            guard let pairs = reader.mapping(item, what: "a step") else { continue }
            reader.rejectUnknownKeys(pairs, allowed: ["fact", "title", "phrases"], what: "a step")
            let entry = Dictionary(pairs.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
            guard let fact = reader.string(entry["fact"], field: "fact"),
                let title = reader.string(entry["title"], field: "title")
            else { continue }
            guard schema.slot(of: fact) != nil else {
                reader.error(
                    "unknown-fact", "`\(fact)` is not an application fact; use one of the application.* facts in docs/rules.md",
                    at: entry["fact"])
                continue
            }
            let phrases = reader.strings(entry["phrases"], field: "phrases")
            if phrases.isEmpty {
                reader.error("missing-field", "a step needs at least one phrase under `phrases`", at: item)
                continue
            }
            steps.append(ScheduleStep(fact: fact, title: title, phrases: phrases))
        }
        return steps
    }
}
