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
                let found = query.isEmpty ? [] : try self.services.store.searchPremises(query, limit: 50)
                var body = OfficerNav.html(officer: officer, token: token) + "<h1>Premises</h1>"
                body += Self.premisesSearchForm(action: "/officer/premises", query: query, label: "Name or postcode")
                if !query.isEmpty {
                    body += "<h2>\(found.count) match\(found.count == 1 ? "" : "es") for “\(HTML.escape(query))”</h2>"
                    body += found.isEmpty ? "<p>No premises match. Try part of the name, or the full postcode.</p>" : "<ul class=\"results\">"
                        + found.map { "<li><a href=\"/officer/premises/\($0.id)\">\(HTML.escape($0.name))</a>, \(Self.premisesLine($0))</li>" }.joined() + "</ul>"
                }
                return self.services.page("Premises", body, headers: headers).plainResponse()
            }
        }
        router.get("/officer/premises/:id") { request, context in
            let raw = try context.parameters.require("id")
            return try self.guarded(request, needsReports: false) { officer in
                guard let id = Int64(raw.hasPrefix("E") ? String(raw.dropFirst()) : raw),
                    let premises = try self.services.store.premises(id: id)
                else {
                    throw HTTPError(.notFound, message: "No premises with this number. Search for it on the premises page.")
                }
                try self.services.store.appendOfficerAudit(
                    at: self.minute(), actor: officer.user.username, action: "viewed", subject: "premises E\(id)", detail: "")
                let (token, headers) = self.services.csrf.issue(for: request)
                let body = try self.premisesPage(premises, officer: officer, token: token)
                return self.services.page(premises.name, body, headers: headers).plainResponse()
            }
        }
    }

    func premisesPage(_ premises: LinkablePremises, officer: SignedInOfficer, token: String) throws -> String {
        var out = OfficerNav.html(officer: officer, token: token)
        out += "<p><a href=\"/officer/premises\">Find another premises</a></p>"
        out += "<h1>\(HTML.escape(premises.name))</h1><p class=\"lead\">\(Self.premisesLine(premises))</p>"
        let asOf = CalendarDay(daysSinceEpoch: Int(self.services.now().timeIntervalSince1970) / 86_400)
        if let snapshot = try self.services.store.hotel(entityID: premises.id) {
            let ruleSet: RuleSet
            do {
                ruleSet = try RuleSetLoader.load(directory: URL(fileURLWithPath: self.services.configuration.rulesDirectory))
            } catch {
                throw HTTPError(.internalServerError, message: "The rules do not load; ask an admin to run `safeguard rules check`.")
            }
            let facts = snapshot.facts(since: nil, asOf: asOf, scoring: ruleSet.hotelScoring)
            let decision = Engine(ruleSet: ruleSet).evaluate(facts, asOf: asOf)
            out += HotelSection(snapshot: snapshot, decision: decision, evidence: facts.evidence, asOf: asOf).html
        } else {
            out += "<p>This premises is not a hotel in the food-hygiene register, so it has no hotel score. Its linked reports are below.</p>"
        }
        let reports = try self.services.store.linkedReports(premises: premises.id)
        out += "<h2>Reports linked here (\(reports.count))</h2>"
        if reports.isEmpty {
            out += "<p>No report received through this service is linked to this premises.</p>"
        } else {
            out += "<ul>" + reports.map { reference in
                let escaped = HTML.escape(reference)
                return officer.user.role.readsReports ? "<li><a href=\"/officer/reports/\(escaped)\">\(escaped)</a></li>" : "<li>\(escaped)</li>"
            }.joined() + "</ul>"
        }
        return out
    }

    /// The `q` (or `name`) of a GET search form, with `+` read as a space (HTML form encoding).
    static func searchText(_ request: Request, name: String = "q") -> String {
        let raw = request.uri.queryParameters[Substring(name)].map(String.init) ?? ""
        return raw.replacingOccurrences(of: "+", with: " ").trimmingCharacters(in: .whitespaces)
    }

    /// "address, postcode · hotel (E12)".
    static func premisesLine(_ premises: LinkablePremises) -> String {
        let place = [premises.address, premises.postcode].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
        return HTML.escape(place) + " · " + (premises.isHotel ? "hotel" : "premises") + " (E\(premises.id))"
    }

    /// A GET search form (works without JavaScript).
    static func premisesSearchForm(action: String, query: String, label: String, hidden: String = "") -> String {
        """
        <form method="get" action="\(HTML.escape(action))" class="search" role="search">\(hidden)
        <label for="premises-query">\(HTML.escape(label))</label>
        <input type="text" id="premises-query" name="q" value="\(HTML.escape(query))" autocomplete="off">
        <button type="submit" class="button-secondary">Search premises</button>
        </form>
        """
    }
}

/// A hotel's score, findings, licences and evidence, as the hotel profile shows one hotel.
struct HotelSection {
    let snapshot: HotelSnapshot
    let decision: Decision
    let evidence: [Evidence]
    let asOf: CalendarDay

    var html: String {
        let place = self.snapshot.establishment
        var out = "<dl class=\"facts\">"
        out += ReportDetailPage.fact("Band", "\(self.decision.band) (score \(scoreText(self.decision.score)), as of \(self.asOf))")
        out += ReportDetailPage.fact("Action", self.decision.action)
        out += ReportDetailPage.fact("Hygiene rating", place.ratingValue ?? "none")
        out += ReportDetailPage.fact("Authority", place.localAuthorityName ?? "unknown")
        out += ReportDetailPage.fact("Reviews", String(self.snapshot.reviewCount))
        out += ReportDetailPage.fact("Reports", String(self.snapshot.reportCount))
        out += ReportDetailPage.fact("Intelligence", String(self.snapshot.intelligenceCount))
        out += "</dl>"
        out += "<p class=\"hint\">The score shows where a visit may be justified. It is not proof that anyone has done anything wrong.</p>"
        out += "<h2>Why (findings)</h2>"
        if self.decision.findings.isEmpty {
            out += "<p>No rule fired for this hotel.</p>"
        } else {
            out += "<ol class=\"findings\">"
            for finding in self.decision.findings {
                out += "<li><p><strong>\(HTML.escape(finding.title))</strong> (\(finding.contribution >= 0 ? "+" : "")\(scoreText(finding.contribution)))</p>"
                out += "<p>\(HTML.escape(finding.explanation))</p><p class=\"meta\">Rule \(HTML.escape(finding.ruleID)) · source: \(HTML.escape(finding.source))</p></li>"
            }
            out += "</ol>"
        }
        out += "<h2>Licences</h2>"
        if self.snapshot.licences.isEmpty {
            out += "<p>No licence is linked to this hotel.</p>"
        } else {
            out += "<table class=\"inbox\"><caption class=\"visually-hidden\">Licences</caption><thead><tr><th scope=\"col\">Case</th><th scope=\"col\">Status</th><th scope=\"col\">Date</th><th scope=\"col\">Type</th></tr></thead><tbody>"
            for licence in self.snapshot.licences {
                out += "<tr><td>\(HTML.escape(licence.caseReference))</td><td>\(HTML.escape(licence.status ?? "–"))</td><td>\(HTML.escape(licence.caseDate?.description ?? "–"))</td><td>\(HTML.escape(licence.serviceType ?? "–"))</td></tr>"
            }
            out += "</tbody></table>"
        }
        out += "<h2>Evidence timeline (\(self.evidence.count))</h2>"
        if self.evidence.isEmpty {
            out += "<p>No evidence is linked to this hotel.</p>"
        } else {
            let items = self.evidence.sorted { ($0.date?.description ?? "") > ($1.date?.description ?? "") }
            out += "<table class=\"inbox\"><caption class=\"visually-hidden\">Evidence, newest first</caption><thead><tr><th scope=\"col\">Date</th><th scope=\"col\">Source</th><th scope=\"col\">Sign</th><th scope=\"col\">Words (pseudonymised)</th></tr></thead><tbody>"
            for item in items.prefix(50) {
                out += "<tr><td>\(HTML.escape(item.date?.description ?? "undated"))</td><td>\(HTML.escape(item.source.rawValue))</td><td>\(HTML.escape(item.sign))</td><td>\(HTML.escape(item.snippet))</td></tr>"
            }
            out += "</tbody></table>"
            if items.count > 50 { out += "<p>… and \(items.count - 50) older items.</p>" }
        }
        return out
    }
}
