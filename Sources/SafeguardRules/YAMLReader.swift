import Foundation
import SafeguardCore
import Yams

/// Reads typed values out of YAML nodes, collecting located diagnostics instead of stopping at the first.
struct YAMLReader {
    let file: YAMLFile
    var diagnostics: [RuleDiagnostic] = []

    init(file: YAMLFile) {
        self.file = file
    }

    mutating func error(
        _ code: String, _ message: String, at node: Node?, excerpt: String? = nil, suggestion: String? = nil
    ) {
        self.diagnostics.append(
            RuleDiagnostic(
                code: code, message: message, location: self.file.location(of: node), excerpt: excerpt,
                suggestion: suggestion))
    }

    mutating func warning(_ code: String, _ message: String, at node: Node?) {
        self.diagnostics.append(
            RuleDiagnostic(code: code, message: message, location: self.file.location(of: node), severity: .warning))
    }

    /// The key/value pairs of a mapping node; reports an error and returns nil for anything else.
    mutating func mapping(_ node: Node?, what: String) -> [(key: String, keyNode: Node, value: Node)]? {
        guard let node, let mapping = node.mapping else {
            self.error("expected-mapping", "\(what) must be a mapping of `key: value` lines", at: node)
            return nil
        }
        var pairs: [(key: String, keyNode: Node, value: Node)] = []
        var seen: Set<String> = []
        for (key, value) in mapping {
            guard let name = key.scalar?.string else {
                self.error("expected-key", "keys in \(what) must be plain words", at: key)
                continue
            }
            if !seen.insert(name).inserted {
                self.error("duplicate-key", "`\(name)` appears twice in \(what); keep one", at: key, excerpt: name)
            }
            pairs.append((name, key, value))
        }
        return pairs
    }

    /// Reports every key not in `allowed` as an unknown field, with a suggestion.
    mutating func rejectUnknownKeys(
        _ pairs: [(key: String, keyNode: Node, value: Node)], allowed: [String], what: String
    ) {
        for pair in pairs where !allowed.contains(pair.key) {
            self.error(
                "unknown-field",
                "unknown field `\(pair.key)` in \(what); allowed fields are \(allowed.joined(separator: ", "))",
                at: pair.keyNode, excerpt: pair.key, suggestion: Suggest.closest(to: pair.key, in: allowed))
        }
    }

    mutating func string(_ node: Node?, field: String, required: Bool = true) -> String? {
        guard let node else {
            if required {
                self.error("missing-field", "`\(field)` is required", at: nil)
            }
            return nil
        }
        guard let scalar = node.scalar else {
            self.error("expected-text", "`\(field)` must be text", at: node)
            return nil
        }
        return scalar.string
    }

    mutating func number(_ node: Node?, field: String) -> Double? {
        guard let node else { return nil }
        guard let value = node.scalar.flatMap({ Double($0.string.trimmingCharacters(in: .whitespaces)) }) else {
            self.error(
                "expected-number", "`\(field)` must be a number such as 3 or -2.5", at: node,
                excerpt: node.scalar?.string)
            return nil
        }
        return value
    }

    mutating func bool(_ node: Node?, field: String) -> Bool? {
        guard let node else { return nil }
        switch node.scalar?.string.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            self.error("expected-bool", "`\(field)` must be true or false", at: node, excerpt: node.scalar?.string)
            return nil
        }
    }

    mutating func strings(_ node: Node?, field: String) -> [String] {
        guard let node else { return [] }
        if let scalar = node.scalar {
            return [scalar.string]
        }
        guard let sequence = node.sequence else {
            self.error("expected-list", "`\(field)` must be a list such as [\"a\", \"b\"]", at: node)
            return []
        }
        var values: [String] = []
        for item in sequence {
            if let text = item.scalar?.string {
                values.append(text)
            } else {
                self.error("expected-text", "every item of `\(field)` must be text", at: item)
            }
        }
        return values
    }
}
