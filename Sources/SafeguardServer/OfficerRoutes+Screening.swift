import Foundation
import Hummingbird
import SafeguardCore
import SafeguardImport
import SafeguardPipeline
import SafeguardReports

/// `/officer/screen`: screen a licence application in the browser through the same
/// `ApplicationScreening` the CLI uses, and download the (edited) draft letter. Every screening
/// and download is audited; nothing is sent to anyone.
extension OfficerRoutes {
    func registerScreening(on router: Router<ServerRequestContext>) {
        router.get("/officer/screen") { request, _ in
            try self.guarded(request, needsReports: false) { officer in
                let (token, headers) = self.services.csrf.issue(for: request)
                let page = ScreeningPage(nav: OfficerNav.html(officer: officer, token: token), token: token)
                return self.services.page("Screen an application", page.form(problem: nil, pasted: "", asOf: ""), headers: headers)
                    .plainResponse()
            }
        }
        router.post("/officer/screen") { request, _ in
            let text = try await self.services.body(of: request)
            let fields = Self.screeningFields(text, contentType: request.headers[.contentType])
            return try self.guarded(request, needsReports: false) { officer in
                guard self.services.csrf.verify(request, token: fields.csrf) else {
                    throw HTTPError(.forbidden, message: "The form had expired. Go back, reload the page and try again.")
                }
                return try self.screen(request, officer, fields: fields)
            }
        }
        router.post("/officer/screen/letter") { request, _ in
            let body = FormBody(try await self.services.body(of: request))
            return try self.guarded(request, needsReports: false) { officer in
                guard self.services.csrf.verify(request, form: body) else {
                    throw HTTPError(.forbidden, message: "The form had expired. Go back, reload the page and try again.")
                }
                return try self.downloadLetter(body, officer: officer)
            }
        }
    }

    /// What the screening form sent, from either encoding.
    struct ScreeningFields: Sendable {
        var csrf: String?
        var filename: String?
        var application: String?
        var asOf: String?
    }

    static func screeningFields(_ text: String, contentType: String?) -> ScreeningFields {
        if let boundary = MultipartForm.boundary(contentType: contentType) {
            let form = MultipartForm(text, boundary: boundary)
            let file = form.first("file")
            let pasted = form.first("application")
            return ScreeningFields(
                csrf: form.first(CSRFProtection.fieldName)?.content.trimmingCharacters(in: .whitespacesAndNewlines),
                filename: file?.filename, application: file?.content ?? pasted?.content,
                asOf: form.first("as-of")?.content.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        let form = FormBody(text)
        return ScreeningFields(
            csrf: form.first(CSRFProtection.fieldName), filename: nil, application: form.first("application"),
            asOf: form.first("as-of"))
    }

    func screen(_ request: Request, _ officer: SignedInOfficer, fields: ScreeningFields) throws -> Response {
        let (token, headers) = self.services.csrf.issue(for: request)
        let page = ScreeningPage(nav: OfficerNav.html(officer: officer, token: token), token: token)
        let pasted = fields.filename == nil ? fields.application ?? "" : ""
        func again(_ problem: String) -> Response {
            self.services.page(
                "Error: screen an application", page.form(problem: problem, pasted: pasted, asOf: fields.asOf ?? ""),
                status: .unprocessableContent, headers: headers
            ).plainResponse()
        }
        guard let decisions = self.screeningStore else {
            return again(
                "This server's store keeps no screening decisions or premises history, so an application cannot be "
                    + "screened here: run `safeguard screen FILE --db …` against the Safeguard database.")
        }
        guard let text = fields.application, !text.allSatisfy(\.isWhitespace) else {
            return again("Choose an application file or paste the application's JSON or XML.")
        }
        let asOf: CalendarDay
        if let typed = fields.asOf, !typed.isEmpty {
            guard typed.count == 10, let day = CalendarDay(iso: typed) else {
                return again("“Screen as of” must be a date written YYYY-MM-DD, for example 2026-11-02.")
            }
            asOf = day
        } else {
            asOf = CalendarDay(daysSinceEpoch: Int(self.services.now().timeIntervalSince1970) / 86_400)
        }
        let name = fields.filename.map { Self.safeFileName($0) } ?? "pasted application"
        let bytes = Array(text.utf8)
        let read: ApplicationFormReader.Result
        do {
            read = try ApplicationFormReader.decode(bytes, file: name)
        } catch {
            return again("The application cannot be read:\n" + error.description)
        }
        let screening: ApplicationScreening
        do {
            screening = try ApplicationScreening(rules: URL(fileURLWithPath: self.services.configuration.rulesDirectory))
        } catch {
            throw HTTPError(.internalServerError, message: "The screening rules do not load; ask an admin to run `safeguard rules check`.")
        }
        let result = try screening.screen(
            read.application, inputHash: ApplicationScreening.inputHash(bytes), store: decisions, asOf: asOf,
            warnings: read.warnings.map(\.description))
        try self.store.appendOfficerAudit(
            at: self.minute(), actor: officer.user.username, action: "screened", subject: result.reference,
            detail: "\(result.decisionID) band \(result.band)")
        let letter = screening.letter(for: result).markdown
        return self.services.page(
            "Screening \(result.reference)", page.result(result, letter: letter), headers: headers
        ).plainResponse()
    }

    func downloadLetter(_ form: FormBody, officer: SignedInOfficer) throws -> Response {
        guard let letter = form.values["letter"]?.first, !letter.allSatisfy(\.isWhitespace) else {
            throw HTTPError(.unprocessableContent, message: "The letter is empty: go back and screen the application again.")
        }
        let reference = form.first("reference") ?? "application"
        let html = form.first("format") == "html"
        let file = "representation-" + Self.safeFileName(reference)
        try self.store.appendOfficerAudit(
            at: self.minute(), actor: officer.user.username, action: "letter-downloaded", subject: reference,
            detail: html ? "html" : "markdown")
        let text = html ? RepresentationLetter.html(markdown: letter, title: "Representation: \(reference)") : letter
        let buffer = ByteBuffer(string: text)
        return Response(
            status: .ok,
            headers: [
                .contentType: html ? "text/html; charset=utf-8" : "text/markdown; charset=utf-8",
                .contentDisposition: "attachment; filename=\"\(file).\(html ? "html" : "md")\"",
                .contentLength: String(buffer.readableBytes),
            ], body: .init(byteBuffer: buffer))
    }

    /// A name safe in a header and a message: letters, digits, `-`, `_`, `.`; others become `-`.
    static func safeFileName(_ name: String) -> String {
        let kept = name.map { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) ? $0 : "-" }
        return String(String(kept).prefix(80))
    }
}
