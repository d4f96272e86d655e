import SafeguardCore
import Foundation
import Hummingbird
import SafeguardStore

/// The officers' pages under `/officer`: the inbox, a report's detail (decrypted for officers
/// only), replies, status, allocation and the CSV export. Every view, export and change is
/// written to the append-only audit. Anonymous requests go to the sign-in page; a role that
/// may not read reports (analyst) gets 403.
struct OfficerRoutes {
    let services: ServerServices
    let sessions: OfficerSessions
    /// The store of the officers' tables (users, sessions, audit, allocations, report links).
    let store: any OfficerStore

    /// The taxi register (history, NR3S searches, s.6 replies) for the driver check; both the
    /// SQLite and the PostgreSQL store keep one, so nil only for a store that does not.
    var taxiRegister: (any TaxiRegisterStore)? { self.store as? any TaxiRegisterStore }
    /// The screening decisions and premises history for the screening page, on either backend.
    var screeningStore: (any ScreeningStore)? { self.store as? any ScreeningStore }

    func register(on router: Router<ServerRequestContext>) {
        self.registerScreening(on: router)
        self.registerPremises(on: router)
        self.registerDrivers(on: router)
        self.registerLinkReview(on: router)
        self.registerHotels(on: router)
        router.get("/officer") { request, _ in
            try self.guarded(request, needsReports: false) { officer in try self.inbox(request, officer) }
        }
        router.get("/officer/export.csv") { request, _ in
            try self.guarded(request, needsReports: true) { officer in try self.export(officer) }
        }
        router.get("/officer/reports/:reference") { request, context in
            let reference = try context.parameters.require("reference")
            return try self.guarded(request, needsReports: true) { officer in
                try self.detail(request, officer, reference: reference, notice: nil)
            }
        }
        router.post("/officer/reports/:reference/:action") { request, context in
            let reference = try context.parameters.require("reference")
            let action = try context.parameters.require("action")
            let body = FormBody(try await self.services.body(of: request))
            return try self.guarded(request, needsReports: true) { officer in
                guard self.services.csrf.verify(request, form: body) else {
                    throw HTTPError(.forbidden, message: "The form had expired. Go back, reload the page and try again.")
                }
                return try self.act(action, on: reference, form: body, officer: officer)
            }
        }
    }

    /// Runs `handler` for a signed-in officer of this authority with a role allowed to see the page.
    func guarded(
        _ request: Request, needsReports: Bool, _ handler: (SignedInOfficer) throws -> Response
    ) throws -> Response {
        guard let officer = try self.sessions.officer(of: request),
            officer.authorityID == self.services.configuration.officers.authorityID
        else {
            return Response(status: .seeOther, headers: [.location: "/officer/sign-in"])
        }
        if needsReports, !officer.user.role.readsReports {
            return self.services.page(
                "Not allowed",
                PageTemplates.render("not-allowed", ["role": officer.user.role.rawValue]),
                status: .forbidden
            ).plainResponse()
        }
        return try handler(officer)
    }

    func minute() -> String { IntakeClock.minute(self.services.now()) }

    // MARK: - Pages

    func inbox(_ request: Request, _ officer: SignedInOfficer) throws -> Response {
        let (token, headers) = self.services.csrf.issue(for: request)
        let filter = InboxFilter(query: request.uri.queryParameters)
        let rows = try InboxRow.load(store: self.store, now: self.minute())
        let body = InboxPage(rows: rows, filter: filter, officer: officer, token: token).html
        return self.services.page("Inbox", body, headers: headers).plainResponse()
    }

    func detail(_ request: Request, _ officer: SignedInOfficer, reference: String, notice: String?) throws -> Response {
        guard let view = try self.services.intake.officerView(reference: reference) else {
            throw HTTPError(.notFound, message: "No report with this reference (it may have been deleted at the end of its retention period).")
        }
        try self.store.appendOfficerAudit(
            at: self.minute(), actor: officer.user.username, action: "viewed", subject: reference, detail: "")
        let (token, headers) = self.services.csrf.issue(for: request)
        let allocation = try self.store.reportAllocations()[reference]
        let officers = try self.store.officerUsers().filter { $0.role.readsReports && !$0.disabled }
        let query = Self.searchText(request)
        let driverQuery = Self.searchText(request, name: "dq")
        let taxi = try self.store.linkedTaxi(reference: reference)
        let body = ReportDetailPage(
            view: view, allocatedTo: allocation, officers: officers, token: token, now: self.minute(), notice: notice,
            linked: try self.store.linkedPremises(reference: reference), premisesQuery: query,
            premisesFound: query.isEmpty ? [] : try self.store.searchPremises(query),
            driver: taxi.driver, vehicle: taxi.vehicle, driverQuery: driverQuery,
            driversFound: driverQuery.isEmpty ? [] : try self.store.searchDrivers(driverQuery)
        ).html(nav: OfficerNav.html(officer: officer, token: token))
        return self.services.page("Report \(reference)", body, headers: headers).plainResponse()
    }

    func act(_ action: String, on reference: String, form: FormBody, officer: SignedInOfficer) throws -> Response {
        let actor = officer.user.username
        switch action {
        case "reply":
            guard let text = form.first("text"), text.count <= 5_000 else {
                throw HTTPError(.unprocessableContent, message: "Write a reply (up to 5,000 characters).")
            }
            try self.services.intake.reply(reference: reference, officer: officer.user.displayName, text: text)
            try self.store.appendOfficerAudit(
                at: self.minute(), actor: actor, action: "replied", subject: reference, detail: "\(text.count) characters")
        case "status":
            guard let status = form.first("status").flatMap(IntakeStatus.init(rawValue:)) else {
                throw HTTPError(.unprocessableContent, message: "Choose a status from the list.")
            }
            try self.store.setIntakeStatus(reference: reference, status: status, officer: actor, at: self.minute())
            try self.store.appendOfficerAudit(
                at: self.minute(), actor: actor, action: "status", subject: reference, detail: status.rawValue)
        case "allocate":
            let target = form.first("officer")
            if let target, try self.store.officerUser(username: target) == nil {
                throw HTTPError(.unprocessableContent, message: "Choose an officer from the list.")
            }
            try self.store.allocateReport(reference: reference, to: target, by: actor, at: self.minute())
        case "link":
            guard let id = form.first("premises").flatMap({ Int64($0) }),
                try self.store.premises(id: id) != nil
            else {
                throw HTTPError(.unprocessableContent, message: "Choose a premises from the search results.")
            }
            try self.store.linkReport(reference: reference, toPremises: id, by: actor, at: self.minute())
        case "unlink":
            try self.store.unlinkReport(reference: reference, by: actor, at: self.minute())
        case "link-driver", "link-vehicle", "unlink-driver", "unlink-vehicle":
            try self.actOnTaxiLink(action, on: reference, form: form, actor: actor)
        default:
            throw HTTPError(.notFound)
        }
        return Response(status: .seeOther, headers: [.location: "/officer/reports/\(reference)"])
    }

    func export(_ officer: SignedInOfficer) throws -> Response {
        let rows = try InboxRow.load(store: self.store, now: self.minute())
        var csv = "reference,received,band,danger_now,status,acknowledge_by,feedback_by,overdue,allocated_to\r\n"
        for row in rows {
            let fields = [
                row.report.reference, row.report.receivedHour, row.report.band, row.report.dangerNow ? "yes" : "no",
                row.report.status.rawValue, row.report.acknowledgeBy, row.report.feedbackBy, row.overdue ? "yes" : "no",
                row.allocatedTo ?? "",
            ]
            csv += fields.map(Self.csvField).joined(separator: ",") + "\r\n"
        }
        try self.store.appendOfficerAudit(
            at: self.minute(), actor: officer.user.username, action: "exported", subject: "inbox", detail: "\(rows.count) reports")
        let buffer = ByteBuffer(string: csv)
        return Response(
            status: .ok,
            headers: [
                .contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"reports.csv\"",
                .contentLength: String(buffer.readableBytes),
            ], body: .init(byteBuffer: buffer))
    }

    /// One CSV field (RFC 4180), with a leading `= + - @` neutralised against formula injection.
    static func csvField(_ value: String) -> String {
        var value = value
        if let first = value.first, "=+-@".contains(first) { value = "'" + value }
        if value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return value
    }
}
