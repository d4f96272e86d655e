import Foundation
import SafeguardCore
import SafeguardReports

/// The draft representation letter of a screening: the template's context, and the letter as
/// Markdown and printable A4 HTML.
extension ApplicationScreening {
    /// Renders the letter for `result`.
    public func letter(for result: ScreeningResult) -> (markdown: String, html: String) {
        let markdown = self.letter.markdown(Self.letterContext(result))
        return (markdown, RepresentationLetter.html(markdown: markdown, title: "Representation: \(result.premises.name)"))
    }

    /// The values the template sees (`rules/templates/representation.mustache`; names listed in docs/formats.md).
    public static func letterContext(_ result: ScreeningResult) -> [String: Any] {
        var context: [String: Any] = [
            "reference": result.reference, "kind": result.kind.replacingOccurrences(of: "-", with: " "),
            "authority": result.authority ?? "the", "received": result.received.description,
            "as_of": result.asOf.description, "premises_name": result.premises.name, "band": result.band,
            "action": result.action.hasSuffix(".") ? String(result.action.dropLast()) : result.action,
            "representation": result.representation, "last_day": result.window.lastDay.description,
            "first_day": result.window.firstDay.description, "period": result.window.period,
            "basis": result.window.basis, "who_may": result.window.whoMay, "days_left": result.daysLeft,
            "decision_id": result.decisionID, "ruleset_hash": String(result.rulesetHash.prefix(16)),
            "objective": "the protection of children from harm",
        ]
        if let address = result.premises.address { context["premises_address"] = address }
        if let postcode = result.premises.postcode { context["premises_postcode"] = postcode }
        context["grounds"] = result.findings.enumerated().map { index, finding -> [String: Any] in
            [
                "index": index + 1, "title": finding.title, "explanation": finding.explanation, "source": finding.source,
                "evidence": finding.evidence.prefix(8).map { item -> [String: Any] in
                    [
                        "date": item.date?.description ?? "undated", "source": item.source.rawValue, "sign": item.sign,
                        "snippet": item.snippet,
                    ]
                },
            ]
        }
        context["conditions"] = result.conditions.enumerated().map { index, condition -> [String: Any] in
            [
                "index": index + 1, "title": condition.title, "wording": condition.wording,
                "explanation": condition.explanation, "proportionality": condition.proportionality,
                "source": condition.source,
            ]
        }
        context["volunteered"] = result.volunteered.map { ["title": $0.title, "text": $0.text] }
        context["volunteered_any"] = !result.volunteered.isEmpty
        if let history = result.history {
            context["history"] = Self.historySummary(history)
        }
        return context
    }

    /// One paragraph on what the store holds about the premises.
    public static func historySummary(_ history: PremisesHistory) -> String {
        var parts: [String] = []
        let concern = history.evidence
        if !concern.isEmpty {
            let months = Set(concern.compactMap { $0.date?.monthIndex }).count
            let first = concern.compactMap(\.date).min().map(\.description) ?? "undated"
            let last = concern.compactMap(\.date).max().map(\.description) ?? "undated"
            parts.append("\(concern.count) sign(s) recorded in \(months) month(s) between \(first) and \(last)")
        }
        parts.append(
            "\(history.reviewCount) review(s), \(history.reportCount) whistle-blowing report(s) and "
                + "\(history.intelligenceCount) intelligence record(s) linked")
        if !history.licences.isEmpty {
            let cases = history.licences.prefix(5).map { licence in
                "\(licence.caseReference) \(licence.serviceType ?? "licence") \(licence.status ?? "")"
                    + (licence.date.map { " (\($0))" } ?? "") + (licence.isReview ? " [reviewed]" : "")
            }
            parts.append("licence register: " + cases.joined(separator: "; "))
        }
        return "Matched by \(history.matchedBy) (\(history.entityIDs.joined(separator: ", "))): "
            + parts.joined(separator: "; ") + "."
    }
}
