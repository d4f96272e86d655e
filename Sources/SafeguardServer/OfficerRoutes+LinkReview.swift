import Hummingbird
import SafeguardCore
import SafeguardStore

/// `/officer/links`: the uncertain entity matches of `safeguard links review`, with what each
/// record says and why the match is not certain, and buttons to confirm (merge the two records'
/// sources into one entity) or reject (keep them apart). The buttons call the same store
/// functions as the command; each decision is CSRF-checked and written to the officers' audit.
/// Any signed-in role may review (analysts do this work).
extension OfficerRoutes {
    func registerLinkReview(on router: Router<ServerRequestContext>) {
        router.get("/officer/links") { request, _ in
            try self.guarded(request, needsReports: false) { officer in
                let (token, headers) = self.services.csrf.issue(for: request)
                let pending = try self.services.store.pendingLinks()
                try self.services.store.appendOfficerAudit(
                    at: self.minute(), actor: officer.user.username, action: "viewed", subject: "uncertain matches",
                    detail: "\(pending.count) pending")
                let notice = request.uri.queryParameters["done"].map(String.init)
                let body = OfficerNav.html(officer: officer, token: token)
                    + LinkReviewPage(pending: pending, token: token, notice: notice).html
                return self.services.page("Uncertain matches", body, headers: headers).plainResponse()
            }
        }
        router.post("/officer/links/:id/:decision") { request, context in
            let raw = try context.parameters.require("id")
            let decision = try context.parameters.require("decision")
            let body = FormBody(try await self.services.body(of: request))
            return try self.guarded(request, needsReports: false) { officer in
                guard self.services.csrf.verify(request, form: body) else {
                    throw HTTPError(.forbidden, message: "The form had expired. Go back, reload the page and try again.")
                }
                guard let id = Int64(raw), decision == "confirm" || decision == "reject" else {
                    throw HTTPError(.notFound)
                }
                let accept = decision == "confirm"
                let match = try self.services.store.pendingLinks().first { $0.id == id }
                do {
                    try self.services.store.decideLink(id: id, accept: accept)
                } catch let error as StoreError {
                    switch error.code {
                    case "store.link.unknown":
                        throw HTTPError(.notFound, message: "There is no uncertain match \(id). Go back to the list of matches.")
                    case "store.link.decided":
                        throw HTTPError(.conflict, message: "Match \(id) was already decided by someone else. Go back to the list of matches.")
                    default:
                        throw HTTPError(.unprocessableContent, message: "Match \(id) cannot be confirmed: \(error.message). Reject it instead.")
                    }
                }
                let pair = match.map { "\($0.entityID) and \($0.candidateID)" } ?? ""
                try self.services.store.appendOfficerAudit(
                    at: self.minute(), actor: officer.user.username, action: accept ? "match-confirmed" : "match-rejected",
                    subject: "match \(id)", detail: pair)
                return Response(status: .seeOther, headers: [.location: "/officer/links?done=\(accept ? "confirmed" : "rejected")"])
            }
        }
    }
}

/// The list of uncertain matches with the confirm and reject forms.
struct LinkReviewPage {
    let pending: [LinkCandidate]
    let token: String
    let notice: String?

    var html: String {
        var out = "<h1>Uncertain matches</h1>"
        if let notice = self.notice, notice == "confirmed" || notice == "rejected" {
            out += "<div class=\"status\" role=\"status\"><p>Match \(notice). "
                + (notice == "confirmed" ? "The two records now belong to one entity." : "The records stay apart.") + "</p></div>"
        }
        out += "<p>When two records may be the same premises but the match is not certain, they are kept apart until someone decides. "
        out += "Confirm a match when both describe the same place: their reviews, licences, reports and evidence then count together. "
        out += "Reject it when they are different places. The same list is printed by <code>safeguard links review</code>.</p>"
        guard !self.pending.isEmpty else {
            return out + "<p>No uncertain matches wait for review.</p>"
        }
        out += "<p>\(self.pending.count) uncertain match\(self.pending.count == 1 ? "" : "es") wait\(self.pending.count == 1 ? "s" : "") for review.</p>"
        let field = CSRFProtection.field(self.token)
        for link in self.pending {
            let confidence = Int((link.confidence * 100).rounded())
            out += "<section class=\"match\" aria-labelledby=\"match-\(link.id)\">"
            out += "<h2 id=\"match-\(link.id)\">Match \(link.id): \(confidence)% likely</h2>"
            out += "<p>Why it is not certain: \(HTML.escape(link.reason)).</p>"
            out += "<table class=\"inbox\"><caption class=\"visually-hidden\">The two records of match \(link.id)</caption>"
            out += "<thead><tr><th scope=\"col\"></th><th scope=\"col\">New record</th><th scope=\"col\">Existing record</th></tr></thead><tbody>"
            out += Self.row("Entity", Self.entityLink(link.entityID), Self.entityLink(link.candidateID))
            out += Self.row("From", HTML.escape(link.entitySource), HTML.escape(link.candidateSource))
            out += Self.row("Name", HTML.escape(link.entityName), HTML.escape(link.candidateName))
            out += Self.row("Address", HTML.escape(link.entityAddress ?? "–"), HTML.escape(link.candidateAddress ?? "–"))
            out += Self.row("Postcode", HTML.escape(link.entityPostcode ?? "–"), HTML.escape(link.candidatePostcode ?? "–"))
            out += "</tbody></table>"
            out += "<form method=\"post\" action=\"/officer/links/\(link.id)/confirm\" class=\"inline\">\(field)<button type=\"submit\" aria-label=\"Confirm match \(link.id): the same premises\">Same premises: confirm</button></form> "
            out += "<form method=\"post\" action=\"/officer/links/\(link.id)/reject\" class=\"inline\">\(field)<button type=\"submit\" class=\"button-secondary\" aria-label=\"Reject match \(link.id): different premises\">Different premises: reject</button></form>"
            out += "</section>"
        }
        return out
    }

    static func row(_ name: String, _ left: String, _ right: String) -> String {
        "<tr><th scope=\"row\">\(HTML.escape(name))</th><td>\(left)</td><td>\(right)</td></tr>"
    }

    /// "E12" as a link to its premises page.
    static func entityLink(_ id: String) -> String {
        let number = id.hasPrefix("E") ? String(id.dropFirst()) : id
        guard Int64(number) != nil else { return HTML.escape(id) }
        return "<a href=\"/officer/premises/\(number)\">\(HTML.escape(id))</a>"
    }
}
