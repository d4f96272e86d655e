import SafeguardCore
import SafeguardPipeline

/// Prints a screening result for an officer: window first, then focus points, history, conditions.
enum ScreeningPrinter {
    static func print(_ result: ScreeningResult) {
        let p = { (line: String) in Swift.print(line) }
        p("\(result.reference) — \(result.premises.name) (\(result.premises.type), \(result.kind.replacingOccurrences(of: "-", with: " ")))")
        p("  Last day for representations: \(result.window.lastDay) (\(result.window.period) from \(result.window.firstDay); \(result.daysLeft) day(s) left as of \(result.asOf))")
        p("    \(result.window.basis); who may: \(result.window.whoMay)")
        p("  Band: \(result.band) (score \(result.score)) — \(result.action)")
        if result.findings.isEmpty { p("  No child-protection focus point applies.") }
        for finding in result.findings {
            p("  • \(finding.title): \(finding.explanation)")
            p("      source: \(finding.source)")
            for item in finding.evidence.prefix(5) {
                p("      \(item.date?.description ?? "undated") \(item.source.rawValue) \(item.sign): \"\(item.snippet)\"")
            }
            if finding.evidence.count > 5 { p("      … and \(finding.evidence.count - 5) more") }
        }
        if let history = result.history {
            p("  History: " + ApplicationScreening.historySummary(history))
        } else {
            p("  History: the store knows no premises of this name at this postcode/UPRN.")
        }
        if !result.volunteered.isEmpty {
            p("  Volunteered in the operating schedule (recognised):")
            for step in result.volunteered { p("    ✓ \(step.title) — \"\(step.text)\" (\(step.objective))") }
        }
        for spared in result.notNeeded {
            p("    not asked for: \(spared.title) (already volunteered: \(spared.coveredBy.joined(separator: ", ")))")
        }
        if result.conditions.isEmpty {
            p("  Conditions: none to ask for.")
        } else {
            p("  Conditions to ask for:")
            for condition in result.conditions {
                p("    - \(condition.title): \(condition.wording)")
                p("        why here: \(condition.explanation) Proportionate: \(condition.proportionality)")
            }
        }
        for warning in result.warnings { p("  warning: \(warning)") }
        p("  Decision \(result.decisionID) stored (replay: safeguard screen --replay \(result.decisionID))")
        p("")
    }
}
