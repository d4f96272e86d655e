import Foundation
import Hummingbird
import SafeguardCore
import SafeguardPipeline
import SafeguardReports

/// `/officer/drivers`: the taxi-driver check from the stored register, built by the same
/// `DriverScreening.report` as `safeguard drivers` (outcome counts, the drivers who need an
/// action, ranked), and one driver's page with the actions required and the findings behind
/// them. Read-only; each view is audited.
extension OfficerRoutes {
    func registerDrivers(on router: Router<ServerRequestContext>) {
        router.get("/officer/drivers") { request, _ in
            try self.guarded(request, needsReports: false) { officer in
                let (token, headers) = self.services.csrf.issue(for: request)
                var body = OfficerNav.html(officer: officer, token: token) + "<h1>Taxi drivers</h1>"
                let licence = request.uri.queryParameters["licence"].map(String.init)
                switch self.driverReport() {
                case .failure(let problem):
                    body += "<div class=\"status\"><p>\(HTML.escape(problem.message))</p></div>"
                case .success(let report):
                    if let licence {
                        guard let entry = report.entries.first(where: { $0.licenceNumber == licence }) else {
                            throw HTTPError(.notFound, message: "No driver with licence \(licence) needs an action. Go back to the driver list.")
                        }
                        try self.services.store.appendOfficerAudit(
                            at: self.minute(), actor: officer.user.username, action: "viewed", subject: "driver \(licence)", detail: "")
                        body = OfficerNav.html(officer: officer, token: token) + DriverPages.entry(entry, report: report)
                    } else {
                        try self.services.store.appendOfficerAudit(
                            at: self.minute(), actor: officer.user.username, action: "viewed", subject: "drivers",
                            detail: "\(report.entries.count) flagged")
                        body += DriverPages.list(report)
                    }
                }
                return self.services.page("Taxi drivers", body, headers: headers).plainResponse()
            }
        }
    }

    func driverReport() -> Result<DriverReport, DriverReportProblem> {
        let asOf = CalendarDay(daysSinceEpoch: Int(self.services.now().timeIntervalSince1970) / 86_400)
        do {
            return .success(
                try DriverScreening.report(
                    store: self.services.store, rulesDirectory: URL(fileURLWithPath: self.services.configuration.rulesDirectory),
                    asOf: asOf))
        } catch {
            return .failure(DriverReportProblem(message: error.message))
        }
    }
}

/// Why the driver check could not be built (no register imported, rules that do not load).
struct DriverReportProblem: Error {
    let message: String
}

/// The driver list and one driver's page.
enum DriverPages {
    static func list(_ report: DriverReport) -> String {
        var out = "<p>\(report.drivers) drivers checked as of \(HTML.escape(report.asOf.description)) against the driver rules (ruleset \(HTML.escape(String(report.rulesetHash.prefix(12))))).</p>"
        out += "<ul class=\"counts\">" + report.outcomes.map { "<li><strong>\($0.drivers)</strong> \(HTML.escape($0.outcome))</li>" }.joined() + "</ul>"
        out += "<h2>Drivers who need an action (\(report.entries.count))</h2>"
        if report.entries.isEmpty { return out + "<p>No driver needs an action.</p>" }
        out += "<table class=\"inbox\"><caption class=\"visually-hidden\">Drivers who need an action, most serious first</caption><thead><tr><th scope=\"col\">Rank</th><th scope=\"col\">Licence</th><th scope=\"col\">Outcome</th><th scope=\"col\">Score</th><th scope=\"col\">Status</th><th scope=\"col\">Main reason</th></tr></thead><tbody>"
        for entry in report.entries {
            let licence = HTML.escape(entry.licenceNumber)
            let query = entry.licenceNumber.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            out += "<tr><td>\(entry.rank)</td><td><a href=\"/officer/drivers?licence=\(query)\">\(licence)</a></td><td>\(HTML.escape(entry.outcome))</td><td>\(scoreText(entry.score))</td><td>\(HTML.escape(entry.status))</td><td>\(HTML.escape(entry.findings.first?.title ?? "–"))</td></tr>"
        }
        return out + "</tbody></table>"
    }

    static func entry(_ entry: DriverEntry, report: DriverReport) -> String {
        var out = "<p><a href=\"/officer/drivers\">Back to the driver list</a></p>"
        out += "<h1>Driver licence \(HTML.escape(entry.licenceNumber))</h1>"
        out += "<dl class=\"facts\">"
        out += ReportDetailPage.fact("Outcome", "\(entry.outcome) (score \(scoreText(entry.score)))")
        out += ReportDetailPage.fact("Action", entry.action)
        out += ReportDetailPage.fact("Badge", entry.badgeNumber ?? "–")
        out += ReportDetailPage.fact("Issued by", entry.issuingAuthority + (entry.licensedElsewhere ? " (licensed elsewhere)" : ""))
        out += ReportDetailPage.fact("Licence", "\(entry.licenceType), \(entry.status)")
        out += ReportDetailPage.fact("Expires", entry.expiresOn?.description ?? "–")
        out += ReportDetailPage.fact("Vehicle", entry.vehicleRegistration ?? "–")
        out += ReportDetailPage.fact("Operator", entry.operatorLicence ?? "–")
        out += ReportDetailPage.fact("Checked as of", report.asOf.description)
        out += "</dl>"
        out += "<h2>Actions required</h2><ul>"
        for action in entry.requiredActions {
            out += "<li><strong>\(HTML.escape(action.outcome))</strong>: \(HTML.escape(action.action)) (because: \(HTML.escape(action.because.joined(separator: "; "))))</li>"
        }
        out += "</ul><h2>Findings</h2><ol class=\"findings\">"
        for finding in entry.findings {
            out += "<li><p><strong>\(HTML.escape(finding.title))</strong></p><p>\(HTML.escape(finding.explanation))</p><p class=\"meta\">Rule \(HTML.escape(finding.ruleID)) · source: \(HTML.escape(finding.source))</p>"
            if !finding.evidence.isEmpty {
                out += "<ul>" + finding.evidence.prefix(10).map { item in
                    "<li>\(HTML.escape(item.date?.description ?? "undated")) · \(HTML.escape(item.source.rawValue)) \(HTML.escape(item.sourceID)): \(HTML.escape(item.snippet))</li>"
                }.joined() + "</ul>"
            }
            out += "</li>"
        }
        return out + "</ol>"
    }
}
