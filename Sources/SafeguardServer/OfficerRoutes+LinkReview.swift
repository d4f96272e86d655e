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
                let pending = try self.store.pendingLinks()
                try self.store.appendOfficerAudit(
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
                let match = try self.store.pendingLinks().first { $0.id == id }
                do {
                    try self.store.decideLink(id: id, accept: accept)
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
                try self.store.appendOfficerAudit(
                    at: self.minute(), actor: officer.user.username, action: accept ? "match-confirmed" : "match-rejected",
                    subject: "match \(id)", detail: pair)
                return Response(status: .seeOther, headers: [.location: "/officer/links?done=\(accept ? "confirmed" : "rejected")"])
            }
        }
    }
}

/// The list of uncertain matches with the confirm and reject forms (`Templates/links.mustache`).
struct LinkReviewPage {
    let pending: [LinkCandidate]
    let token: String
    let notice: String?

    var html: String { PageTemplates.render("links", self.context) }

    var context: [String: Any] {
        var context: [String: Any] = [
            "csrf": self.token,
            "matches": self.pending.map { link -> [String: Any] in
                [
                    "id": String(link.id), "confidence": String(Int((link.confidence * 100).rounded())), "reason": link.reason,
                    "records": [
                        Self.record(link.entityID, link.entitySource, link.entityName, link.entityAddress, link.entityPostcode),
                        Self.record(link.candidateID, link.candidateSource, link.candidateName, link.candidateAddress, link.candidatePostcode),
                    ],
                ]
            },
        ]
        switch self.notice {
        case "confirmed": context["notice"] = "Match confirmed. The two records now belong to one entity."
        case "rejected": context["notice"] = "Match rejected. The records stay apart."
        default: break
        }
        let count = self.pending.count
        if count > 0 { context["count"] = count == 1 ? "1 uncertain match waits for review." : "\(count) uncertain matches wait for review." }
        return context
    }

    /// One side of a match; `number` (the premises page's id) only when the entity id is "E" and digits.
    static func record(_ entity: String, _ source: String, _ name: String, _ address: String?, _ postcode: String?) -> [String: Any] {
        var record: [String: Any] = [
            "entity": entity, "source": source, "name": name, "address": address ?? "–", "postcode": postcode ?? "–",
        ]
        let number = entity.hasPrefix("E") ? String(entity.dropFirst()) : entity
        if Int64(number) != nil { record["number"] = number }
        return record
    }
}
