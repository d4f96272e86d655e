import Foundation
import Hummingbird
import SafeguardStore

/// The reporter's way back: enter the receipt code (always in a POST body, never in a URL),
/// read the status and replies, add information. Guessing is limited per client and every
/// failed look-up is slowed.
struct ReceiptRoutes {
    let services: ServerServices

    func register(on router: Router<ServerRequestContext>) {
        router.get("/receipt") { request, _ in
            let (token, headers) = self.services.csrf.issue(for: request)
            return self.services.page("Check your report", ReceiptPages.lookUp(token: token, code: "", problem: nil), headers: headers)
        }
        router.post("/receipt") { request, context in
            try await self.open(request, context: context, adding: false)
        }
        router.post("/receipt/add") { request, context in
            try await self.open(request, context: context, adding: true)
        }
    }

    func open(_ request: Request, context: ServerRequestContext, adding: Bool) async throws -> HTMLPage {
        let body = FormBody(try await self.services.body(of: request))
        let (token, headers) = self.services.csrf.issue(for: request)
        let typed = body.first("code") ?? ""
        func lookUpPage(_ problem: String, _ status: HTTPResponse.Status) -> HTMLPage {
            self.services.page(
                "Error: check your report", ReceiptPages.lookUp(token: token, code: typed, problem: problem), status: status,
                headers: headers)
        }
        guard self.services.csrf.verify(request, form: body) else {
            return lookUpPage("Your session had expired. Enter your code again.", .forbidden)
        }
        let now = self.services.now()
        guard self.services.limiter.isUnder(.failedReceipts, peer: context.peerAddress, now: now) else {
            return self.services.page(
                "Too many attempts", ReceiptPages.tooMany(self.services.configuration.phoneNumbers),
                status: .tooManyRequests, headers: [.retryAfter: "3600"])
        }
        let code: ReceiptCode
        switch ReceiptCode.parse(typed) {
        case .malformed:
            return lookUpPage(
                "That is not a receipt code: it has 20 letters and numbers, like 7KQ2-9XMD-3HTR-8WPA-C4NE.", .badRequest)
        case .mistyped:
            return lookUpPage(
                "This code has a typing mistake: check each character against your copy (0 and O, 1 and I count the same).",
                .badRequest)
        case .valid(let valid):
            code = valid
        }
        guard let report = try self.services.intake.report(code: code) else {
            _ = self.services.limiter.allow(.failedReceipts, peer: context.peerAddress, now: now)
            let delay = self.services.configuration.limits.failedReceiptDelayMilliseconds
            if delay > 0 { try await Task.sleep(for: .milliseconds(delay)) }
            return lookUpPage(
                "No report has this code. Check it against your copy; reports are deleted at the end of their retention period.",
                .notFound)
        }
        var problem: String?
        var added = false
        var draft = ""
        if adding {
            let text = body.first("text") ?? ""
            if text.isEmpty {
                problem = "Write what you want to add."
            } else if text.count > ReportForm.textLimit {
                problem = "Keep it under \(ReportForm.textLimit) characters (it has \(text.count)); send the rest separately."
                draft = text
            } else {
                try self.services.intake.addInformation(text, to: report)
                added = true
            }
        }
        let current = added ? (try self.services.intake.report(code: code) ?? report) : report
        let messages = try current.messages.map { message in
            (
                author: message.author == "officer" ? "Reply from \(self.services.configuration.authorityName)" : "You added",
                at: message.at, text: try self.services.intake.text(of: message, in: current)
            )
        }
        return self.services.page(
            "Your report",
            ReceiptPages.status(
                report: current, messages: messages, code: code, token: token, problem: problem, added: added,
                draft: draft),
            status: problem == nil ? .ok : .unprocessableContent, headers: headers)
    }
}
