import Foundation
import SafeguardCore
import Yams

extension RuleFileReader {
    /// Reads the `scoring:` block of `rules/hotels/scoring.yaml`.
    mutating func readScoring(_ node: Node) {
        if self.kind != .hotel {
            self.reader.error("scoring-kind", "`scoring` is the evidence-based hotel scoring: set `applies-to: hotel`", at: node)
        }
        guard let pairs = self.reader.mapping(node, what: "`scoring`") else { return }
        self.reader.rejectUnknownKeys(pairs, allowed: Self.scoringFields, what: "`scoring`")
        let fields = Self.dictionary(pairs)
        var parameters = HotelScoringParameters()
        if let halfLife = fields["half-life"] {
            if let days = self.duration(halfLife, field: "half-life") { parameters.halfLifeDays = days }
        }
        if let value = self.positive(fields["undated-factor"], "undated-factor", upTo: 1) { parameters.undatedFactor = value }
        if let value = self.positive(fields["per-document-cap"], "per-document-cap", upTo: 100) { parameters.perDocumentCap = value }
        if let value = self.reader.bool(fields["weak-signs-need-concern"], field: "weak-signs-need-concern") {
            parameters.weakSignsNeedConcern = value
        }
        if let node = fields["weak-signs-scope"], let text = self.reader.string(node, field: "weak-signs-scope") {
            let names = HotelScoringParameters.WeakSignScope.allCases.map(\.rawValue)
            if let scope = HotelScoringParameters.WeakSignScope(rawValue: text) {
                parameters.weakSignScope = scope
            } else {
                self.reader.error(
                    "unknown-weak-sign-scope", "`weak-signs-scope` must be one of \(names.joined(separator: ", "))", at: node,
                    excerpt: text, suggestion: Suggest.closest(to: text, in: names))
            }
        }
        if let node = fields["review-volume"], let sub = self.reader.mapping(node, what: "`review-volume`") {
            self.reader.rejectUnknownKeys(sub, allowed: ["background-rate"], what: "`review-volume`")
            if let value = self.positive(Self.dictionary(sub)["background-rate"], "background-rate", upTo: 1) {
                parameters.backgroundRate = value
            }
        }
        if let node = fields["recurrence"], let sub = self.reader.mapping(node, what: "`recurrence`") {
            self.reader.rejectUnknownKeys(sub, allowed: ["per-extra-month", "max-bonus"], what: "`recurrence`")
            let values = Self.dictionary(sub)
            if let value = self.positive(values["per-extra-month"], "per-extra-month", upTo: 10) { parameters.monthBonus = value }
            if let value = self.positive(values["max-bonus"], "max-bonus", upTo: 50) { parameters.maxRecurrenceBonus = value }
        }
        if let node = fields["corroboration"], let sub = self.reader.mapping(node, what: "`corroboration`") {
            self.reader.rejectUnknownKeys(
                sub, allowed: ["independent-sources", "per-extra-source", "max-multiplier"], what: "`corroboration`")
            let values = Self.dictionary(sub)
            if let list = values["independent-sources"] {
                var sources: [EvidenceSource] = []
                for name in self.reader.strings(list, field: "independent-sources") {
                    if let source = EvidenceSource(rawValue: name) {
                        sources.append(source)
                    } else {
                        self.reader.error(
                            "unknown-source", "`\(name)` is not an evidence source", at: list, excerpt: name,
                            suggestion: Suggest.closest(to: name, in: EvidenceSource.allCases.map(\.rawValue)))
                    }
                }
                parameters.independentSources = sources
            }
            if let value = self.positive(values["per-extra-source"], "per-extra-source", upTo: 5) { parameters.corroborationStep = value }
            if let value = self.positive(values["max-multiplier"], "max-multiplier", upTo: 10) { parameters.maxCorroboration = value }
        }
        if let node = fields["good-practice"], let sub = self.reader.mapping(node, what: "`good-practice`") {
            self.reader.rejectUnknownKeys(sub, allowed: ["max-reduction"], what: "`good-practice`")
            if let value = self.positive(Self.dictionary(sub)["max-reduction"], "max-reduction", upTo: 50) {
                parameters.maxGoodPracticeReduction = value
            }
        }
        if let node = fields["sign-weights"], let sub = self.reader.mapping(node, what: "`sign-weights`") {
            for pair in sub {
                if let weight = self.reader.number(pair.value, field: pair.key) {
                    if abs(weight) > Self.maxWeight {
                        self.reader.error("weight-out-of-range", "sign weights must be between -10 and 10", at: pair.value)
                    }
                    parameters.signWeights[pair.key] = weight
                }
            }
        }
        self.scoring = parameters
        self.scoringNode = node
    }

    mutating func positive(_ node: Node?, _ field: String, upTo limit: Double) -> Double? {
        guard let node, let value = self.reader.number(node, field: field) else { return nil }
        guard value >= 0, value <= limit else {
            self.reader.error("out-of-range", "`\(field)` must be between 0 and \(NumberFormat.short(limit))", at: node)
            return nil
        }
        return value
    }

    /// `365 days`, `12 months`, `1 year`.
    mutating func duration(_ node: Node, field: String) -> Double? {
        let text = node.scalar?.string.trimmingCharacters(in: .whitespaces) ?? ""
        let parts = text.split(separator: " ")
        if parts.count == 2, let amount = Double(parts[0]), let unit = Parser.units[String(parts[1])], amount > 0 {
            return amount * unit
        }
        self.reader.error(
            "expected-duration", "`\(field)` must be a duration such as `365 days` or `12 months`", at: node, excerpt: text)
        return nil
    }
}
