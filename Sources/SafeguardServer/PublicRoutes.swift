import Foundation
import Hummingbird
import SafeguardCore

/// The public, anonymous side: the start page, the report form, the receipt shown first and
/// alone, the "I have written it down" step and the confirmation. No sign-in, no JavaScript,
/// nothing about the reporter's connection kept.
struct PublicRoutes {
    let services: ServerServices

    func register(on router: Router<ServerRequestContext>) {
        router.get("/") { _, _ in self.startPage() }
        let blankForm = BlankReportFormPage(services: self.services)
        router.get("/report") { request, _ in
            let (token, headers) = self.services.csrf.issue(for: request)
            return blankForm.response(token: token, headers: headers)
        }
        router.post("/report") { request, context in try await self.submit(request, context: context) }
        router.post("/report/written") { request, _ in try await self.written(request) }
        router.post("/report/copy") { request, _ in try await self.copy(request) }
    }

    /// The start page: what the service is for, 999 first, then the way in.
    func startPage() -> HTMLPage {
        let phones = self.services.configuration.phoneNumbers
        return self.services.page(
            "Report a concern about a child",
            """
            <h1>Report a concern about a child</h1>
            <p class="danger">If a child is in danger right now, call <strong>\(HTML.escape(phones.emergency))</strong>.</p>
            <p>Use this form to tell \(HTML.escape(self.services.configuration.authorityName)) about something you have seen at a hotel, bar, club, takeaway or in a taxi that worries you. You do not have to give your name.</p>
            <p>After you send it you get a receipt code. Keep it: with it you can come back, read our replies and add more.</p>
            <p><a class="button" href="/report">Start a report</a></p>
            <p><a href="/receipt">I already have a receipt code</a></p>
            <p>For other police matters call \(HTML.escape(phones.policeNonEmergency)).</p>
            """)
    }

    func formPage(
        _ form: ReportForm, problems: [String: String], token: String, headers: HTTPFields,
        status: HTTPResponse.Status = .ok
    ) -> HTMLPage {
        let page = ReportFormPage(
            form: form, problems: problems, csrfToken: token,
            emergency: self.services.configuration.phoneNumbers.emergency)
        let title = problems.isEmpty ? "Report a concern about a child" : "Error: report a concern about a child"
        return self.services.page(title, page.html, status: status, headers: headers)
    }

    /// POST /report: CSRF, rate limit, validation (the form back with messages), then store and
    /// show the receipt.
    func submit(_ request: Request, context: ServerRequestContext) async throws -> HTMLPage {
        let body = FormBody(try await self.services.body(of: request))
        let form = ReportForm(body)
        let (valid, token, headers) = self.services.csrf.check(request, form: body)
        guard valid else {
            // Nothing typed is lost: the form comes back filled in, with a fresh token.
            return self.formPage(
                form, problems: ["report-form": "Your session had expired, so the report was not sent. Check your answers and send it again."],
                token: token, headers: headers, status: .forbidden)
        }
        let now = self.services.now()
        let problems = form.problems(today: IntakeClock.day(now))
        guard problems.isEmpty else {
            return self.formPage(form, problems: problems, token: token, headers: headers, status: .unprocessableContent)
        }
        guard self.services.limiter.allow(.reports, peer: context.peerAddress, now: now) else {
            return self.services.page(
                "Too many reports", ReceiptPages.tooMany(self.services.configuration.phoneNumbers), status: .tooManyRequests,
                headers: [.retryAfter: "3600"])
        }
        self.services.sweepIfDue()
        let roleLabel = ReportForm.roles.first { $0.value == form.role }?.label ?? "Not given"
        let contact: ReportContact? =
            form.contactName.isEmpty && form.contactPhone.isEmpty && form.contactEmail.isEmpty
            ? nil
            : ReportContact(
                name: form.contactName.isEmpty ? nil : form.contactName,
                phone: form.contactPhone.isEmpty ? nil : form.contactPhone,
                email: form.contactEmail.isEmpty ? nil : form.contactEmail)
        let draft = IntakeService.Draft(
            role: form.reporterRole, roleLabel: roleLabel, seen: "", text: form.text, signs: form.signs,
            place: form.place, taxiFirm: form.taxiFirm.isEmpty ? nil : form.taxiFirm, when: form.when,
            apparentAge: form.apparentAge, dangerNow: form.danger == "yes", contact: contact)
        let receipt = try await self.services.intake.submit(draft, channel: "web")
        return self.services.page(
            "Your receipt code",
            ReceiptPages.receipt(
                code: receipt.code, dangerNow: receipt.dangerNow, token: token, problem: nil,
                phones: self.services.configuration.phoneNumbers),
            headers: headers)
    }

    /// POST /report/written: the reporter confirms the code is written down; then the confirmation.
    func written(_ request: Request) async throws -> HTMLPage {
        let body = FormBody(try await self.services.body(of: request))
        let (token, headers) = self.services.csrf.issue(for: request)
        guard self.services.csrf.verify(request, form: body) else {
            throw HTTPError(.forbidden, message: "Your session had expired. Go back and try again.")
        }
        guard case .valid(let code) = ReceiptCode.parse(body.first("code") ?? ""),
            let report = try self.services.intake.report(code: code)
        else {
            throw HTTPError(.badRequest, message: "This page needs the receipt code it was given.")
        }
        guard body.first("written") == "yes" else {
            return self.services.page(
                "Error: your receipt code",
                ReceiptPages.receipt(
                    code: code, dangerNow: report.dangerNow, token: token,
                    problem: "Tick the box to say you have written down or printed your receipt code.",
                    phones: self.services.configuration.phoneNumbers),
                status: .unprocessableContent, headers: headers)
        }
        return self.services.page(
            "Report sent",
            ReceiptPages.confirmation(
                report: report, phones: self.services.configuration.phoneNumbers,
                authority: self.services.configuration.authorityName),
            headers: headers)
    }

    /// POST /report/copy: a plain-text copy of the receipt to save or print (no report content).
    func copy(_ request: Request) async throws -> Response {
        let body = FormBody(try await self.services.body(of: request))
        guard self.services.csrf.verify(request, form: body) else {
            throw HTTPError(.forbidden, message: "Your session had expired. Go back and try again.")
        }
        guard case .valid(let code) = ReceiptCode.parse(body.first("code") ?? ""),
            let report = try self.services.intake.report(code: code)
        else {
            throw HTTPError(.badRequest, message: "This page needs the receipt code it was given.")
        }
        let text = """
            \(self.services.configuration.authorityName): safeguarding report receipt

            Receipt code: \(code.grouped)
            Received: \(report.receivedHour.replacingOccurrences(of: "T", with: " ")) (to the hour)

            Keep this code secret. To read replies or add information, go to /receipt on the
            report site and enter the code. Anyone with the code can read the replies.
            If a child is in danger now, call \(self.services.configuration.phoneNumbers.emergency).

            """
        let buffer = ByteBuffer(string: text)
        return Response(
            status: .ok,
            headers: [
                .contentType: "text/plain; charset=utf-8",
                .contentDisposition: "attachment; filename=\"safeguarding-receipt.txt\"",
                .contentLength: String(buffer.readableBytes),
            ],
            body: .init(byteBuffer: buffer))
    }
}
