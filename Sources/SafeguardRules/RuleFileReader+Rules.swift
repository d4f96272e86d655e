import Foundation
import SafeguardCore
import Yams

extension RuleFileReader {
    mutating func readRule(_ item: Node) {
        guard let pairs = self.reader.mapping(item, what: "a rule") else { return }
        self.reader.rejectUnknownKeys(pairs, allowed: Self.ruleFields, what: "a rule")
        let fields = Self.dictionary(pairs)
        guard let common = self.common(fields, item, what: "rule") else { return }
        let weight = self.reader.number(fields["weight"], field: "weight")
        if let weight, abs(weight) > Self.maxWeight {
            self.reader.error(
                "weight-out-of-range",
                "rule weights must be between -\(Int(Self.maxWeight)) and \(Int(Self.maxWeight)); split the rule or adjust the bands",
                at: fields["weight"], excerpt: String(weight))
        }
        let outcome = self.reader.string(fields["outcome"], field: "outcome", required: false)
        if fields["weight"] == nil, fields["outcome"] == nil {
            self.reader.error("missing-weight", "rule `\(common.id)` needs a `weight` or an `outcome` (a band id)", at: item)
        }
        if let outcome {
            self.lintAction(outcome, at: fields["outcome"])
        }
        self.rules.append(
            RuleDefinition(
                id: common.id, title: common.title, source: common.source, appliesTo: common.kind, when: common.when,
                weight: weight, outcome: outcome, explain: common.explain, location: self.reader.file.location(of: item)))
    }

    mutating func readCondition(_ item: Node) {
        guard let pairs = self.reader.mapping(item, what: "a condition") else { return }
        self.reader.rejectUnknownKeys(pairs, allowed: Self.conditionFields, what: "a condition")
        let fields = Self.dictionary(pairs)
        guard let common = self.common(fields, item, what: "condition") else { return }
        let wording = self.reader.string(fields["wording"], field: "wording", required: false)
        let proportionality = self.reader.string(fields["proportionality"], field: "proportionality", required: false)
        if wording?.isEmpty ?? true {
            self.reader.error("missing-field", "condition `\(common.id)` needs `wording` (the text for the licence)", at: item)
        }
        if proportionality?.isEmpty ?? true {
            self.reader.error(
                "missing-proportionality",
                "condition `\(common.id)` needs a `proportionality` note: conditions must be appropriate and proportionate, never blanket (5.6 Licensing in Sheffield)",
                at: item)
        }
        for (name, text) in [("wording", wording ?? ""), ("proportionality", proportionality ?? "")] {
            self.lintProtected(text, field: name, at: fields[name])
        }
        guard let wording, let proportionality else { return }
        self.conditions.append(
            ConditionDefinition(
                id: common.id, title: common.title, wording: wording, proportionality: proportionality,
                source: common.source, appliesTo: common.kind, when: common.when, explain: common.explain,
                location: self.reader.file.location(of: item)))
    }

    /// Fields shared by rules and conditions.
    mutating func common(
        _ fields: [String: Node], _ item: Node, what: String
    ) -> (id: String, title: String, source: String, kind: EntityKind, when: ExpressionSource, explain: ExpressionSource?)? {
        let id = self.reader.string(fields["id"], field: "id", required: false)
        if id == nil {
            self.reader.error("missing-field", "every \(what) needs an `id`", at: item)
        }
        let title = self.reader.string(fields["title"], field: "title", required: false)
        if title == nil {
            self.reader.error("missing-field", "\(what) `\(id ?? "?")` needs a `title`", at: item)
        }
        let source = self.reader.string(fields["source"], field: "source", required: false)
        if source?.trimmingCharacters(in: .whitespaces).isEmpty ?? true {
            self.reader.error(
                "missing-source",
                "\(what) `\(id ?? "?")` needs a `source` citing where it comes from (e.g. \"Health check report 5.6.13\")",
                at: fields["source"] ?? item)
        }
        var kind = self.kind
        if let node = fields["applies-to"] {
            kind = self.entityKind(node)
        }
        if kind == nil, fields["applies-to"] == nil {
            self.reader.error("missing-field", "\(what) `\(id ?? "?")` needs `applies-to` (or set it at the top of the file)", at: item)
        }
        guard let whenNode = fields["when"], whenNode.scalar != nil else {
            self.reader.error("missing-field", "\(what) `\(id ?? "?")` needs a `when` condition", at: fields["when"] ?? item)
            return nil
        }
        let when = self.reader.file.expressionSource(whenNode)
        let explain = fields["explain"].map { self.reader.file.expressionSource($0) }
        for (name, text) in [("id", id ?? ""), ("title", title ?? "")] {
            self.lintProtected(text, field: name, at: fields[name])
        }
        self.lintProtected(when, field: "when")
        if let explain {
            self.lintProtected(explain, field: "explain")
        }
        // Keep checking the expression even when title or source are missing (already reported).
        guard let id, let kind else { return nil }
        return (id, title ?? id, source ?? "", kind, when, explain)
    }

    /// Locates the protected term inside an expression or template.
    mutating func lintProtected(_ source: ExpressionSource, field: String) {
        guard let term = ProtectedCharacteristics.match(in: source.text) else { return }
        let text = Array(source.text.lowercased().unicodeScalars)
        let first = Array(term.split(separator: " ").first.map(String.init)?.unicodeScalars ?? "".unicodeScalars)
        var offset = 0
        if !first.isEmpty, text.count >= first.count {
            for start in 0...(text.count - first.count) where Array(text[start..<(start + first.count)]) == first {
                offset = start
                break
            }
        }
        var diagnostic = RuleDiagnostic(
            code: "protected-characteristic",
            message: "`\(field)` refers to `\(term)`, a protected characteristic; \(ProtectedCharacteristics.reason)",
            location: source.location(at: offset), excerpt: term)
        if source.segments.isEmpty {
            diagnostic.location = self.reader.file.location(of: nil)
        }
        self.reader.diagnostics.append(diagnostic)
    }

    mutating func lintProtected(_ text: String, field: String, at node: Node?) {
        if let term = ProtectedCharacteristics.match(in: text) {
            self.reader.error(
                "protected-characteristic", "`\(field)` refers to `\(term)`, a protected characteristic; \(ProtectedCharacteristics.reason)",
                at: node, excerpt: term)
        }
    }
}
