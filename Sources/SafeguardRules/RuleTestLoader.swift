import Foundation
import SafeguardCore
import Yams

/// Reads `rules/tests/*.yaml`: `version: 1`, optional `as-of`, and `cases:` of
/// `{name, kind, id?, as-of?, facts, evidence?, expect: {fired, not-fired, band, conditions}}`.
public enum RuleTestLoader {
    static let caseFields = ["name", "kind", "id", "as-of", "facts", "evidence", "expect"]
    static let expectFields = ["fired", "not-fired", "band", "conditions"]
    static let evidenceFields = ["sign", "source", "source-id", "date", "snippet", "origin"]

    /// Loads every test file under `directory` (relative paths in errors).
    public static func load(directory: URL) throws(RuleSetError) -> [RuleTestCase] {
        let base = directory.standardizedFileURL.path
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: base)) ?? [])
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
        var cases: [RuleTestCase] = []
        var diagnostics: [RuleDiagnostic] = []
        for name in files {
            do {
                let yaml = try YAMLFile.read(directory.appendingPathComponent(name), displayPath: "tests/\(name)")
                var reader = YAMLReader(file: yaml)
                cases += self.read(&reader)
                diagnostics += reader.diagnostics
            } catch {
                diagnostics += error.diagnostics
            }
        }
        if diagnostics.contains(where: { $0.severity == .error }) {
            throw RuleSetError(diagnostics: diagnostics)
        }
        return cases
    }

    static func read(_ reader: inout YAMLReader) -> [RuleTestCase] {
        guard let top = reader.mapping(reader.file.root, what: "a rule test file") else { return [] }
        reader.rejectUnknownKeys(top, allowed: ["version", "as-of", "description", "cases"], what: "a rule test file")
        let fields = RuleFileReader.dictionary(top)
        let fileDay = self.day(fields["as-of"], &reader)
        guard let list = fields["cases"]?.sequence else {
            reader.error("missing-field", "a rule test file needs a `cases:` list", at: reader.file.root)
            return []
        }
        var cases: [RuleTestCase] = []
        for item in list {
            guard let pairs = reader.mapping(item, what: "a test case") else { continue }
            reader.rejectUnknownKeys(pairs, allowed: self.caseFields, what: "a test case")
            let values = RuleFileReader.dictionary(pairs)
            let name = reader.string(values["name"], field: "name") ?? "?"
            let kindText = reader.string(values["kind"], field: "kind") ?? ""
            guard let kind = EntityKind(rawValue: kindText) else {
                reader.error(
                    "unknown-kind", "`kind` must be one of \(EntityKind.allCases.map(\.rawValue).joined(separator: ", "))",
                    at: values["kind"] ?? item, excerpt: kindText,
                    suggestion: Suggest.closest(to: kindText, in: EntityKind.allCases.map(\.rawValue)))
                continue
            }
            guard let asOf = self.day(values["as-of"], &reader) ?? fileDay else {
                reader.error("missing-field", "test case `\(name)` needs `as-of` (here or at the top of the file)", at: item)
                continue
            }
            var facts = EntityFacts(kind: kind, id: reader.string(values["id"], field: "id", required: false) ?? name)
            if let node = values["facts"], let entries = reader.mapping(node, what: "`facts`") {
                for entry in entries {
                    facts.fields[entry.key] = self.factValue(entry.value)
                }
            }
            if let node = values["evidence"] {
                for entry in node.sequence ?? [] {
                    if let evidence = self.evidence(entry, &reader) { facts.evidence.append(evidence) }
                }
            }
            var expectation: [String: Node] = [:]
            if let node = values["expect"], let entries = reader.mapping(node, what: "`expect`") {
                reader.rejectUnknownKeys(entries, allowed: self.expectFields, what: "`expect`")
                expectation = RuleFileReader.dictionary(entries)
            } else {
                reader.error("missing-field", "test case `\(name)` needs `expect:` (fired, not-fired, band, conditions)", at: item)
            }
            cases.append(
                RuleTestCase(
                    name: name, facts: facts, asOf: asOf,
                    fired: reader.strings(expectation["fired"], field: "fired"),
                    notFired: reader.strings(expectation["not-fired"], field: "not-fired"),
                    band: reader.string(expectation["band"], field: "band", required: false),
                    conditions: reader.strings(expectation["conditions"], field: "conditions"),
                    location: reader.file.location(of: item)))
        }
        return cases
    }

    static func day(_ node: Node?, _ reader: inout YAMLReader) -> CalendarDay? {
        guard let node else { return nil }
        guard let text = node.scalar?.string, let day = CalendarDay(iso: text) else {
            reader.error("expected-date", "dates are written YYYY-MM-DD", at: node, excerpt: node.scalar?.string)
            return nil
        }
        return day
    }

    /// A YAML value as a fact: plain numbers, booleans and `null` are typed; everything else is text.
    static func factValue(_ node: Node) -> FactValue {
        if let sequence = node.sequence {
            return .list(sequence.compactMap { $0.scalar?.string })
        }
        guard let scalar = node.scalar else { return .null }
        guard scalar.style == .plain else { return .string(scalar.string) }
        switch scalar.string {
        case "true", "yes": return .bool(true)
        case "false", "no": return .bool(false)
        case "null", "~", "": return .null
        default: return Double(scalar.string).map(FactValue.number) ?? .string(scalar.string)
        }
    }

    static func evidence(_ node: Node, _ reader: inout YAMLReader) -> Evidence? {
        guard let pairs = reader.mapping(node, what: "an evidence item") else { return nil }
        reader.rejectUnknownKeys(pairs, allowed: self.evidenceFields, what: "an evidence item")
        let values = RuleFileReader.dictionary(pairs)
        guard let sign = reader.string(values["sign"], field: "sign") else { return nil }
        let sourceText = reader.string(values["source"], field: "source", required: false) ?? "review"
        guard let source = EvidenceSource(rawValue: sourceText) else {
            reader.error(
                "unknown-source", "`source` must be one of \(EvidenceSource.allCases.map(\.rawValue).joined(separator: ", "))",
                at: values["source"], excerpt: sourceText,
                suggestion: Suggest.closest(to: sourceText, in: EvidenceSource.allCases.map(\.rawValue)))
            return nil
        }
        return Evidence(
            sign: sign, source: source,
            sourceID: reader.string(values["source-id"], field: "source-id", required: false) ?? "T-\(node.mark?.line ?? 0)",
            date: self.day(values["date"], &reader),
            snippet: reader.string(values["snippet"], field: "snippet", required: false) ?? "",
            origin: reader.string(values["origin"], field: "origin", required: false))
    }
}
