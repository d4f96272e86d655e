import Foundation
import Hummingbird
import SafeguardCore
import SafeguardReports
import SafeguardRules
import SafeguardStore

/// `/officer/premises`: find a premises by name or postcode, and a premises' page: for a hotel,
/// its score, band and findings from the hotel rules (the same engine and facts as
/// `safeguard profile hotels`) with licences and the evidence timeline; for any premises, the
/// reports linked to it. Read-only; each page view is audited.
extension OfficerRoutes {
    func registerPremises(on router: Router<ServerRequestContext>) {
        router.get("/officer/premises") { request, _ in
            try self.guarded(request, needsReports: false) { officer in
                let (token, headers) = self.services.csrf.issue(for: request)
                let query = Self.searchText(request)
                let found = query.isEmpty ? [] : try self.store.searchPremises(query, limit: 50)
                let context: [String: Any] = [
                    "action": "/officer/premises", "label": "Name or postcode", "query": query, "searched": !query.isEmpty,
                    "heading": "\(found.count) match\(found.count == 1 ? "" : "es") for “\(query)”", "hasResults": !found.isEmpty,
                    "results": found.map { ["id": String($0.id), "name": $0.name, "line": Self.premisesLineText($0)] },
                ]
                let body = OfficerNav.html(officer: officer, token: token) + PageTemplates.render("premises-search", context)
                return self.services.page("Premises", body, headers: headers).plainResponse()
            }
        }
        router.get("/officer/premises/:id") { request, context in
            let raw = try context.parameters.require("id")
            return try self.guarded(request, needsReports: false) { officer in
                guard let id = Int64(raw.hasPrefix("E") ? String(raw.dropFirst()) : raw),
                    let premises = try self.store.premises(id: id)
                else {
                    throw HTTPError(.notFound, message: "No premises with this number. Search for it on the premises page.")
                }
                try self.store.appendOfficerAudit(
                    at: self.minute(), actor: officer.user.username, action: "viewed", subject: "premises E\(id)", detail: "")
                let (token, headers) = self.services.csrf.issue(for: request)
                let body = try self.premisesPage(premises, officer: officer, token: token)
                return self.services.page(premises.name, body, headers: headers).plainResponse()
            }
        }
    }

    /// A premises' page (`Templates/premises.mustache`).
    func premisesPage(_ premises: LinkablePremises, officer: SignedInOfficer, token: String) throws -> String {
        let asOf = CalendarDay(daysSinceEpoch: Int(self.services.now().timeIntervalSince1970) / 86_400)
        let reports = try self.store.linkedReports(premises: premises.id)
        var context: [String: Any] = [
            "name": premises.name, "line": Self.premisesLineText(premises), "reportCount": reports.count,
            "hasReports": !reports.isEmpty,
            "reports": reports.map { ["reference": $0, "link": officer.user.role.readsReports] as [String: Any] },
        ]
        if let snapshot = try self.store.hotel(entityID: premises.id) {
            let ruleSet: RuleSet
            do {
                ruleSet = try RuleSetLoader.load(directory: URL(fileURLWithPath: self.services.configuration.rulesDirectory))
            } catch {
                throw HTTPError(.internalServerError, message: "The rules do not load; ask an admin to run `safeguard rules check`.")
            }
            let facts = snapshot.facts(since: nil, asOf: asOf, scoring: ruleSet.hotelScoring)
            let decision = Engine(ruleSet: ruleSet).evaluate(facts, asOf: asOf)
            context["hotel"] = HotelSection(snapshot: snapshot, decision: decision, evidence: facts.evidence, asOf: asOf).context
        }
        return OfficerNav.html(officer: officer, token: token) + PageTemplates.render("premises", context)
    }

    /// The `q` (or `name`) of a GET search form, with `+` read as a space (HTML form encoding).
    static func searchText(_ request: Request, name: String = "q") -> String {
        let raw = request.uri.queryParameters[Substring(name)].map(String.init) ?? ""
        return raw.replacingOccurrences(of: "+", with: " ").trimmingCharacters(in: .whitespaces)
    }

    /// "address, postcode · hotel (E12)", escaped.
    static func premisesLine(_ premises: LinkablePremises) -> String {
        HTML.escape(Self.premisesLineText(premises))
    }

    /// "address, postcode · hotel (E12)" (plain text, for a template to escape).
    static func premisesLineText(_ premises: LinkablePremises) -> String {
        let place = [premises.address, premises.postcode].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
        return place + " · " + (premises.isHotel ? "hotel" : "premises") + " (E\(premises.id))"
    }

    /// A GET search form (works without JavaScript; `Templates/premises-search-form.mustache`).
    static func premisesSearchForm(action: String, query: String, label: String) -> String {
        PageTemplates.render("premises-search-form", ["action": action, "query": query, "label": label])
    }
}

/// A hotel's score, findings, licences and evidence, as the hotel profile shows one hotel.
struct HotelSection {
    let snapshot: HotelSnapshot
    let decision: Decision
    let evidence: [Evidence]
    let asOf: CalendarDay

    /// The values of `Templates/hotel-section.mustache`.
    var context: [String: Any] {
        let place = self.snapshot.establishment
        let facts: [(String, String)] = [
            ("Band", "\(self.decision.band) (score \(scoreText(self.decision.score)), as of \(self.asOf))"),
            ("Action", self.decision.action), ("Hygiene rating", place.ratingValue ?? "none"),
            ("Authority", place.localAuthorityName ?? "unknown"), ("Reviews", String(self.snapshot.reviewCount)),
            ("Reports", String(self.snapshot.reportCount)), ("Intelligence", String(self.snapshot.intelligenceCount)),
        ]
        let items = self.evidence.sorted { ($0.date?.description ?? "") > ($1.date?.description ?? "") }
        var context: [String: Any] = [
            "facts": facts.map { ["name": $0.0, "value": $0.1] },
            "hasFindings": !self.decision.findings.isEmpty,
            "findings": self.decision.findings.map { finding -> [String: Any] in
                [
                    "title": finding.title, "contribution": (finding.contribution >= 0 ? "+" : "") + scoreText(finding.contribution),
                    "explanation": finding.explanation, "rule": finding.ruleID, "source": finding.source,
                ]
            },
            "hasLicences": !self.snapshot.licences.isEmpty,
            "licences": self.snapshot.licences.map { licence -> [String: Any] in
                [
                    "reference": licence.caseReference, "status": licence.status ?? "–", "date": licence.caseDate?.description ?? "–",
                    "type": licence.serviceType ?? "–",
                ]
            },
            "evidenceCount": self.evidence.count, "hasEvidence": !items.isEmpty,
            "evidence": items.prefix(50).map { item -> [String: Any] in
                ["date": item.date?.description ?? "undated", "source": item.source.rawValue, "sign": item.sign, "snippet": item.snippet]
            },
        ]
        if items.count > 50 { context["older"] = String(items.count - 50) }
        return context
    }
}
