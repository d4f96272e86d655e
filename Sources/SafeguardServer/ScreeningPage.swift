import SafeguardCore
import SafeguardReports
import SafeguardPipeline

/// The screening page: the form to upload or paste a licence application, and the result of
/// screening one (the representation deadline first, then the focus points with their
/// evidence, the premises' history, the conditions to ask for) with the draft representation
/// letter in an editable box that downloads as a file. Nothing is sent to anyone.
struct ScreeningPage {
    let nav: String
    let token: String

    /// The upload/paste form, with an error when the last try failed (`Templates/screen-form.mustache`).
    func form(problem: String?, pasted: String, asOf: String) -> String {
        let lines = problem.map { $0.split(separator: "\n", omittingEmptySubsequences: false) } ?? []
        let context: [String: Any] = [
            "csrf": self.token, "pasted": pasted, "asOf": asOf, "hasProblem": problem != nil,
            "problem": lines.enumerated().map { ["line": String($0.element), "last": $0.offset == lines.count - 1] as [String: Any] },
        ]
        return self.nav + PageTemplates.render("screen-form", context)
    }

    /// The result of one screening and its draft letter (`Templates/screen-result.mustache`).
    func result(_ result: ScreeningResult, letter: String) -> String {
        self.nav + PageTemplates.render("screen-result", self.resultContext(result, letter: letter))
    }

    func resultContext(_ result: ScreeningResult, letter: String) -> [String: Any] {
        let premises = result.premises
        let lead = premises.name + [premises.address, premises.postcode].compactMap { $0 }.map { ", " + $0 }.joined()
            + " · \(premises.type.replacingOccurrences(of: "-", with: " ")) · \(result.kind.replacingOccurrences(of: "-", with: " "))"
        let window = result.window
        let left: String
        if result.daysLeft > 0 {
            left = "\(result.daysLeft) day\(result.daysLeft == 1 ? "" : "s") left as of \(result.asOf)"
        } else if result.daysLeft == 0 {
            left = "the last day is today (\(result.asOf))"
        } else {
            left = "the window closed \(-result.daysLeft) day\(result.daysLeft == -1 ? "" : "s") before \(result.asOf)"
        }
        let facts: [(String, String)] = [
            ("Band", "\(result.band) (score \(scoreText(result.score)))"), ("Action", result.action),
            ("Representation advised", result.representation ? "yes" : "no"), ("Received", result.received.description),
            ("Decision", result.decisionID),
        ]
        return [
            "csrf": self.token, "reference": result.reference, "lead": lead, "lastDay": window.lastDay.description, "left": left,
            "period": window.period, "firstDay": window.firstDay.description, "basis": window.basis, "whoMay": window.whoMay,
            "facts": facts.map { ["name": $0.0, "value": $0.1] },
            "hasFindings": !result.findings.isEmpty,
            "findings": result.findings.map { finding -> [String: Any] in
                var item: [String: Any] = [
                    "title": finding.title, "contribution": (finding.contribution >= 0 ? "+" : "") + scoreText(finding.contribution),
                    "explanation": finding.explanation, "source": finding.source, "hasEvidence": !finding.evidence.isEmpty,
                    "evidence": finding.evidence.prefix(5).map { evidence -> [String: Any] in
                        [
                            "date": evidence.date?.description ?? "undated", "origin": evidence.source.rawValue, "sign": evidence.sign,
                            "snippet": evidence.snippet,
                        ]
                    },
                ]
                if finding.evidence.count > 5 { item["more"] = String(finding.evidence.count - 5) }
                return item
            },
            "history": result.history.map { ApplicationScreening.historySummary($0) }
                ?? "The store knows no premises of this name at this postcode or UPRN.",
            "hasConditions": !result.conditions.isEmpty,
            "conditions": result.conditions.map { condition -> [String: Any] in
                [
                    "title": condition.title, "wording": condition.wording, "explanation": condition.explanation,
                    "proportionality": condition.proportionality,
                ]
            },
            "hasVolunteered": !result.volunteered.isEmpty,
            "volunteered": result.volunteered.map { ["title": $0.title, "text": $0.text] },
            "notNeeded": result.notNeeded.map { ["title": $0.title, "coveredBy": $0.coveredBy.joined(separator: ", ")] },
            "hasWarnings": !result.warnings.isEmpty, "warnings": result.warnings,
            "letter": letter,
        ]
    }
}
