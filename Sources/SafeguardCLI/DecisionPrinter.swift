import SafeguardCore

/// Human-readable rendering of decisions for the terminal.
enum DecisionPrinter {
    static func text(_ decision: Decision, title: String? = nil, whyNot: Bool) -> String {
        var lines: [String] = []
        lines.append("\(decision.kind.rawValue) \(decision.entityID)\(title.map { " — \($0)" } ?? "")")
        lines.append("  as of \(decision.asOf): score \(NumberFormat.short(decision.score)), band \(decision.band)")
        lines.append("  recommended: \(decision.action)")
        if decision.findings.isEmpty {
            lines.append("  no findings")
        }
        for finding in decision.findings {
            var head = "  • [\(finding.ruleID)] \(finding.title)"
            if finding.contribution != 0 {
                head += " (\(finding.contribution > 0 ? "+" : "")\(NumberFormat.short(finding.contribution)))"
            }
            if let outcome = finding.outcome {
                head += " → at least \(outcome)"
            }
            lines.append(head)
            lines.append("      \(finding.explanation)")
            for item in finding.evidence.prefix(5) {
                let date = item.date?.description ?? "undated"
                lines.append("      - \(item.source.rawValue) \(item.sourceID), \(date)\(item.origin.map { ", \($0)" } ?? ""): “\(item.snippet)”")
            }
            if finding.evidence.count > 5 {
                lines.append("      - … and \(finding.evidence.count - 5) more")
            }
            lines.append("      source: \(finding.source)")
        }
        for condition in decision.conditions {
            lines.append("  condition worth asking for: [\(condition.id)] \(condition.title)")
            lines.append("      wording: \(condition.wording)")
            lines.append("      proportionate because: \(condition.proportionality)")
            if !condition.explanation.isEmpty {
                lines.append("      here: \(condition.explanation)")
            }
            lines.append("      source: \(condition.source)")
        }
        if whyNot {
            lines.append(decision.misses.isEmpty ? "  why not: every rule fired" : "  why not (rules that did not fire):")
            for miss in decision.misses {
                lines.append("  ◦ [\(miss.ruleID)] \(miss.title): \(miss.reason)")
            }
        }
        for issue in decision.factIssues {
            lines.append("  ! fact issue: \(issue)")
        }
        lines.append("  ruleset \(decision.rulesetHash)")
        lines.append("  (grounds for a visit, an interview or a representation — not proof of exploitation)")
        return lines.joined(separator: "\n")
    }
}
