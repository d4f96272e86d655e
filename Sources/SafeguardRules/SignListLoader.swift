import Foundation
import SafeguardCore
import Yams

/// Loads `rules/hotels/signs.yaml` into sign definitions, with `file:line:column` errors.
///
/// Schema: `version: 1` and `signs:`, a list of `{id, label, source, weight, kind, phrases,
/// asserted-by-negation?, not-this-sense?, concepts?, yields-to?, stands-alone-with?}` (concepts: ``readConcepts(_:_:)``). Every problem in the file is reported, not just the first.
public enum SignListLoader {
    static let signFields = [
        "id", "label", "source", "weight", "kind", "phrases", "asserted-by-negation", "not-this-sense",
        "concepts", "yields-to", "stands-alone-with",
    ]

    /// Reads and validates a sign list file.
    public static func load(file: URL) throws(RuleSetError) -> [SignDefinition] {
        let yaml = try YAMLFile.read(file, displayPath: file.path)
        return try self.parse(yaml)
    }

    /// Validates sign list YAML text; `path` names the file in errors.
    public static func parse(_ text: String, path: String) throws(RuleSetError) -> [SignDefinition] {
        try self.parse(try YAMLFile.parse(text, displayPath: path))
    }

    static func parse(_ yaml: YAMLFile) throws(RuleSetError) -> [SignDefinition] {
        var reader = YAMLReader(file: yaml)
        let signs = self.read(&reader)
        let errors = reader.diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty {
            throw RuleSetError(diagnostics: reader.diagnostics)
        }
        return signs
    }

    static func read(_ reader: inout YAMLReader) -> [SignDefinition] {
        guard let top = reader.mapping(reader.file.root, what: "the sign list") else { return [] }
        reader.rejectUnknownKeys(top, allowed: ["version", "signs"], what: "the sign list")
        let fields = Dictionary(top.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        if let version = fields["version"] {
            if reader.number(version, field: "version") != 1 {
                reader.error("unsupported-version", "this Safeguard reads sign lists of `version: 1`", at: version)
            }
        } else {
            reader.error("missing-field", "the sign list needs `version: 1` at the top", at: reader.file.root)
        }
        guard let list = fields["signs"] else {
            reader.error("missing-field", "the sign list needs a `signs:` list", at: reader.file.root)
            return []
        }
        guard let items = list.sequence else {
            reader.error("expected-list", "`signs` must be a list of `- id: ...` entries", at: list)
            return []
        }
        var signs: [SignDefinition] = []
        var seen: [String: SourceLocation] = [:]
        for item in items {
            guard let sign = self.readSign(item, &reader) else { continue }
            if let first = seen[sign.id] {
                reader.error(
                    "duplicate-id", "sign id `\(sign.id)` is already defined at \(first); ids must be unique",
                    at: item, excerpt: sign.id)
                continue
            }
            seen[sign.id] = reader.file.location(of: item)
            signs.append(sign)
        }
        for (sign, item) in zip(signs, items) {
            for other in sign.yieldsTo where seen[other] == nil {
                reader.error(
                    "unknown-sign", "`yields-to` names `\(other)`, which is not a sign of this list", at: item,
                    excerpt: other, suggestion: Suggest.closest(to: other, in: Array(seen.keys)))
            }
        }
        return signs
    }

    static func readSign(_ item: Node, _ reader: inout YAMLReader) -> SignDefinition? {
        guard let pairs = reader.mapping(item, what: "a sign") else { return nil }
        reader.rejectUnknownKeys(pairs, allowed: self.signFields, what: "a sign")
        let fields = Dictionary(pairs.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        func required(_ name: String) -> Node? {
            if let node = fields[name] { return node }
            reader.error("missing-field", "a sign needs `\(name)`", at: item)
            return nil
        }
        let id = required("id").flatMap { reader.string($0, field: "id") }
        let label = required("label").flatMap { reader.string($0, field: "label") }
        let source = required("source").flatMap { reader.string($0, field: "source") }
        let weightNode = required("weight")
        let weight = weightNode.flatMap { reader.number($0, field: "weight") }
        let kindNode = required("kind")
        var kind: SignKind?
        if let kindNode, let text = reader.string(kindNode, field: "kind") {
            kind = SignKind(rawValue: text)
            if kind == nil {
                reader.error(
                    "unknown-kind", "`kind` must be concern, weak or good-practice", at: kindNode, excerpt: text,
                    suggestion: Suggest.closest(to: text, in: SignKind.allCases.map(\.rawValue)))
            }
        }
        let phrases = required("phrases").map { reader.strings($0, field: "phrases") } ?? []
        let negation = reader.strings(fields["asserted-by-negation"], field: "asserted-by-negation")
        let otherSense = reader.strings(fields["not-this-sense"], field: "not-this-sense")
        let concepts = self.readConcepts(fields["concepts"], &reader)
        let yieldsTo = reader.strings(fields["yields-to"], field: "yields-to")
        let standsAlone = reader.strings(fields["stands-alone-with"], field: "stands-alone-with")
        if !standsAlone.isEmpty, yieldsTo.isEmpty {
            reader.error("stands-alone-without-yield", "`stands-alone-with` needs `yields-to` (the signs it stands apart from)",
                at: fields["stands-alone-with"])
        }
        if let id, yieldsTo.contains(id) {
            reader.error("yields-to-itself", "a sign cannot yield to itself", at: fields["yields-to"], excerpt: id)
        }
        if let id, id.isEmpty || id.contains(where: { $0.isWhitespace || $0.isUppercase }) {
            reader.error("bad-id", "sign ids are lower-case words joined by hyphens, e.g. `men-loitering`",
                at: fields["id"], excerpt: id)
        }
        if let source, source.trimmingCharacters(in: .whitespaces).isEmpty {
            reader.error("missing-source", "`source` must cite where the sign comes from (report paragraph)",
                at: fields["source"])
        }
        if let weight, let kind, let weightNode {
            if abs(weight) > 10 {
                reader.error("weight-out-of-range", "sign weights must be between -10 and 10", at: weightNode,
                    excerpt: String(weight))
            } else if kind == .goodPractice, weight > 0 {
                reader.error("weight-sign", "good-practice signs lower concern: give them a negative weight",
                    at: weightNode, excerpt: String(weight))
            } else if kind != .goodPractice, weight < 0 {
                reader.error("weight-sign", "concern and weak signs need a positive weight", at: weightNode,
                    excerpt: String(weight))
            }
        }
        if fields["phrases"] != nil, phrases.isEmpty, negation.isEmpty {
            reader.error("no-phrases", "a sign needs at least one phrase so the scanner can find it",
                at: fields["phrases"])
        }
        for (field, list) in [
            ("phrases", phrases), ("asserted-by-negation", negation), ("not-this-sense", otherSense),
            ("stands-alone-with", standsAlone),
        ] {
            for phrase in list {
                if let term = ProtectedCharacteristics.match(in: phrase) {
                    reader.error(
                        "protected-characteristic",
                        "\(field) phrase mentions `\(term)`, a protected characteristic; "
                            + ProtectedCharacteristics.reason,
                        at: fields[field], excerpt: phrase)
                }
            }
        }
        guard let id, let label, let source, let weight, let kind else { return nil }
        return SignDefinition(
            id: id, label: label, source: source, weight: weight, kind: kind, phrases: phrases,
            assertedByNegation: negation, notThisSense: otherSense, concepts: concepts, yieldsTo: yieldsTo,
            standsAloneWith: standsAlone)
    }
}
