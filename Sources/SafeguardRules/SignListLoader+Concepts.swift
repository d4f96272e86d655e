import Foundation
import SafeguardCore
import Yams

/// Reading and lint of a sign's `concepts:` (see ``SignConcept``).
///
/// Schema: a list of `{name, classes, window?, asserted-by-negation?, not-this-sense?}`; `classes` is a list of two
/// or three lists of words or short phrases. Lint: names unique in the sign, 2-3 classes, no empty
/// class, no word in two classes of one concept, window 2-20, no protected characteristic.
extension SignListLoader {
    static let conceptFields = ["name", "classes", "window", "asserted-by-negation", "not-this-sense"]

    static func readConcepts(_ node: Node?, _ reader: inout YAMLReader) -> [SignConcept] {
        guard let node else { return [] }
        guard let items = node.sequence else {
            reader.error("expected-list", "`concepts` must be a list of `- name: ...` entries", at: node)
            return []
        }
        var concepts: [SignConcept] = []
        var names = Set<String>()
        for item in items {
            guard let pairs = reader.mapping(item, what: "a concept") else { continue }
            reader.rejectUnknownKeys(pairs, allowed: self.conceptFields, what: "a concept")
            let fields = Dictionary(pairs.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
            guard let nameNode = fields["name"] else {
                reader.error("missing-field", "a concept needs a `name` (shown in evidence)", at: item)
                continue
            }
            guard let name = reader.string(nameNode, field: "name") else { continue }
            if !names.insert(name).inserted {
                reader.error("duplicate-concept", "concept `\(name)` is defined twice in this sign", at: nameNode, excerpt: name)
            }
            var window = SignConcept.defaultWindow
            if let windowNode = fields["window"], let value = reader.number(windowNode, field: "window") {
                if !SignConcept.windowRange.contains(Int(value)) || value != value.rounded() {
                    reader.error(
                        "window-out-of-range",
                        "a concept's `window` is a whole number of words from \(SignConcept.windowRange.lowerBound) to \(SignConcept.windowRange.upperBound)",
                        at: windowNode, excerpt: String(value))
                } else {
                    window = Int(value)
                }
            }
            let negation = reader.bool(fields["asserted-by-negation"], field: "asserted-by-negation") ?? false
            let otherSense = reader.bool(fields["not-this-sense"], field: "not-this-sense") ?? false
            if negation && otherSense {
                reader.error("concept-both-senses", "concept `\(name)` cannot both assert by negation and be another sense",
                    at: fields["not-this-sense"])
            }
            guard let classesNode = fields["classes"] else {
                reader.error("missing-field", "a concept needs `classes`: two or three lists of words", at: item)
                continue
            }
            guard let classItems = classesNode.sequence else {
                reader.error("expected-list", "`classes` must be a list of word lists, e.g. [[men, lads], [loiter, lurk]]",
                    at: classesNode)
                continue
            }
            var classes: [[String]] = []
            for classNode in classItems {
                let words = reader.strings(classNode, field: "classes")
                    .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
                if words.isEmpty || words.contains(where: { $0.isEmpty || $0 == "=" }) {
                    reader.error("empty-class", "every class of concept `\(name)` needs words, none empty", at: classNode)
                }
                for word in words {
                    if let term = ProtectedCharacteristics.match(in: word) {
                        reader.error(
                            "protected-characteristic",
                            "concept `\(name)` word mentions `\(term)`, a protected characteristic; " + ProtectedCharacteristics.reason,
                            at: classNode, excerpt: word)
                    }
                    if word.contains("*") {
                        reader.error("bad-concept-word", "concept words take no `*`: the window already allows words between",
                            at: classNode, excerpt: word)
                    }
                }
                classes.append(words)
            }
            if !SignConcept.classCountRange.contains(classes.count) {
                reader.error(
                    "concept-classes", "concept `\(name)` has \(classes.count) classes; give two or three", at: classesNode)
            }
            var seen: [String: Int] = [:]
            for (k, words) in classes.enumerated() {
                for word in words {
                    let key = word.hasPrefix("=") ? String(word.dropFirst()) : word
                    if let other = seen[key], other != k {
                        reader.error(
                            "word-in-two-classes",
                            "`\(key)` is in classes \(other + 1) and \(k + 1) of concept `\(name)`: one word would match both",
                            at: classesNode, excerpt: key)
                    }
                    seen[key] = k
                }
            }
            concepts.append(
                SignConcept(name: name, classes: classes, window: window, assertedByNegation: negation, otherSense: otherSense))
        }
        return concepts
    }
}
