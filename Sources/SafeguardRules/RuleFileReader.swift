import SafeguardCore
import Yams

/// Reads one rule file (`version`, `applies-to`, `bands`, `scoring`, `rules`, `conditions`) into
/// definitions, reporting unknown fields, missing sources and out-of-range weights with locations.
struct RuleFileReader {
    static let topFields = ["version", "applies-to", "description", "bands", "scoring", "rules", "conditions"]
    static let ruleFields = ["id", "title", "source", "applies-to", "when", "weight", "outcome", "explain"]
    static let conditionFields = [
        "id", "title", "wording", "proportionality", "source", "applies-to", "when", "explain",
    ]
    static let bandFields = ["id", "min", "action"]
    static let scoringFields = [
        "half-life", "undated-factor", "per-document-cap", "weak-signs-need-concern", "weak-signs-scope", "review-volume",
        "recurrence", "corroboration", "good-practice", "sign-weights",
    ]
    /// Largest absolute rule weight accepted.
    static let maxWeight = 10.0

    var reader: YAMLReader
    var rules: [RuleDefinition] = []
    var conditions: [ConditionDefinition] = []
    var bands: [EntityKind: [BandDefinition]] = [:]
    var scoring: HotelScoringParameters?
    var kind: EntityKind?
    var scoringNode: Node?

    init(file: YAMLFile) {
        self.reader = YAMLReader(file: file)
    }

    mutating func read() {
        guard let top = self.reader.mapping(self.reader.file.root, what: "a rule file") else { return }
        self.reader.rejectUnknownKeys(top, allowed: Self.topFields, what: "a rule file")
        let fields = Self.dictionary(top)
        if let version = fields["version"] {
            if self.reader.number(version, field: "version") != 1 {
                self.reader.error("unsupported-version", "this Safeguard reads rule files of `version: 1`", at: version)
            }
        } else {
            self.reader.error("missing-field", "a rule file needs `version: 1` at the top", at: self.reader.file.root)
        }
        self.kind = self.entityKind(fields["applies-to"])
        if let node = fields["bands"] {
            self.readBands(node)
        }
        if let node = fields["scoring"] {
            self.readScoring(node)
        }
        if let node = fields["rules"] {
            for item in self.list(node, "rules") {
                self.readRule(item)
            }
        }
        if let node = fields["conditions"] {
            for item in self.list(node, "conditions") {
                self.readCondition(item)
            }
        }
    }

    static func dictionary(_ pairs: [(key: String, keyNode: Node, value: Node)]) -> [String: Node] {
        Dictionary(pairs.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    mutating func list(_ node: Node, _ field: String) -> [Node] {
        guard let sequence = node.sequence else {
            self.reader.error("expected-list", "`\(field)` must be a list of `- id: ...` entries", at: node)
            return []
        }
        return Array(sequence)
    }

    mutating func entityKind(_ node: Node?) -> EntityKind? {
        guard let node, let text = self.reader.string(node, field: "applies-to") else { return nil }
        guard let kind = EntityKind(rawValue: text) else {
            self.reader.error(
                "unknown-kind", "`applies-to` must be one of \(EntityKind.allCases.map(\.rawValue).joined(separator: ", "))",
                at: node, excerpt: text, suggestion: Suggest.closest(to: text, in: EntityKind.allCases.map(\.rawValue)))
            return nil
        }
        return kind
    }

    mutating func readBands(_ node: Node) {
        guard let kind = self.kind else {
            self.reader.error("missing-field", "a file with `bands` needs `applies-to` at the top", at: node)
            return
        }
        var result: [BandDefinition] = []
        for item in self.list(node, "bands") {
            guard let pairs = self.reader.mapping(item, what: "a band") else { continue }
            self.reader.rejectUnknownKeys(pairs, allowed: Self.bandFields, what: "a band")
            let fields = Self.dictionary(pairs)
            let id = self.reader.string(fields["id"], field: "id")
            let minimum = self.reader.number(fields["min"], field: "min")
            let action = self.reader.string(fields["action"], field: "action")
            if fields["min"] == nil {
                self.reader.error("missing-field", "a band needs `min` (the lowest score in the band)", at: item)
            }
            if let id, result.contains(where: { $0.id == id }) {
                self.reader.error("duplicate-id", "band `\(id)` is defined twice", at: fields["id"], excerpt: id)
            }
            if let action {
                self.lintAction(action, at: fields["action"])
            }
            if let id, let minimum, let action {
                result.append(
                    BandDefinition(id: id, minimumScore: minimum, action: action, location: self.reader.file.location(of: item)))
            }
        }
        self.bands[kind] = result
    }

    /// Decisions to suspend or revoke belong to the licensing committee (5.6.6): actions may refer for
    /// review, never order revocation.
    mutating func lintAction(_ action: String, at node: Node?) {
        let lower = action.lowercased()
        if lower.contains("revoke") || lower.contains("revocation") || lower.contains("suspend"),
            !(lower.contains("refer") || lower.contains("review") || lower.contains("committee"))
        {
            self.reader.error(
                "automatic-sanction",
                "an action may not suspend or revoke by itself: refer to the licensing committee for review instead (report 5.6.6)",
                at: node, excerpt: action)
        }
    }
}
