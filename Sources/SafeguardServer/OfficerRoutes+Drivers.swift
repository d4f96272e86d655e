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
                let licence = request.uri.queryParameters["licence"].map(String.init)
                var body = OfficerNav.html(officer: officer, token: token)
                switch self.driverReport() {
                case .failure(let problem):
                    body += PageTemplates.render("drivers", ["problem": problem.message])
                case .success(let report):
                    if let licence {
                        guard let entry = report.entries.first(where: { $0.licenceNumber == licence }) else {
                            throw HTTPError(.notFound, message: "No driver with licence \(licence) needs an action. Go back to the driver list.")
                        }
                        try self.store.appendOfficerAudit(
                            at: self.minute(), actor: officer.user.username, action: "viewed", subject: "driver \(licence)", detail: "")
                        let reports = try self.store.driverEntity(licence: entry.licenceNumber, authority: entry.issuingAuthority)
                            .map { try self.store.linkedReports(entity: $0, role: "driver") } ?? []
                        body += DriverPages.entry(entry, report: report, linkedReports: reports, readsReports: officer.user.role.readsReports)
                    } else {
                        try self.store.appendOfficerAudit(
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
        guard let register = self.taxiRegister else {
            return .failure(
                DriverReportProblem(
                    message: "The driver check reads the taxi register's history, NR3S searches and s.6 replies, which "
                        + "this server's store does not keep: run `safeguard drivers --db …` against the Safeguard database."))
        }
        let asOf = CalendarDay(daysSinceEpoch: Int(self.services.now().timeIntervalSince1970) / 86_400)
        do {
            return .success(
                try DriverScreening.report(
                    store: register, rulesDirectory: URL(fileURLWithPath: self.services.configuration.rulesDirectory),
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

/// The driver list and one driver's page (`Templates/drivers.mustache`, `Templates/driver.mustache`).
enum DriverPages {
    static func list(_ report: DriverReport) -> String {
        PageTemplates.render("drivers", ["report": Self.listContext(report)])
    }

    static func listContext(_ report: DriverReport) -> [String: Any] {
        [
            "drivers": String(report.drivers), "asOf": report.asOf.description, "ruleset": String(report.rulesetHash.prefix(12)),
            "outcomes": report.outcomes.map { ["drivers": String($0.drivers), "outcome": $0.outcome] },
            "flagged": String(report.entries.count), "hasEntries": !report.entries.isEmpty,
            "entries": report.entries.map { entry -> [String: Any] in
                [
                    "rank": String(entry.rank), "licence": entry.licenceNumber,
                    "query": entry.licenceNumber.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "",
                    "outcome": entry.outcome, "score": scoreText(entry.score), "status": entry.status,
                    "reason": entry.findings.first?.title ?? "–",
                ]
            },
        ]
    }

    static func entry(_ entry: DriverEntry, report: DriverReport, linkedReports: [String] = [], readsReports: Bool = false) -> String {
        let facts: [(String, String)] = [
            ("Outcome", "\(entry.outcome) (score \(scoreText(entry.score)))"), ("Action", entry.action),
            ("Badge", entry.badgeNumber ?? "–"),
            ("Issued by", entry.issuingAuthority + (entry.licensedElsewhere ? " (licensed elsewhere)" : "")),
            ("Licence", "\(entry.licenceType), \(entry.status)"), ("Expires", entry.expiresOn?.description ?? "–"),
            ("Vehicle", entry.vehicleRegistration ?? "–"), ("Operator", entry.operatorLicence ?? "–"),
            ("Checked as of", report.asOf.description),
        ]
        let context: [String: Any] = [
            "licence": entry.licenceNumber,
            "facts": facts.map { ["name": $0.0, "value": $0.1] },
            "actions": entry.requiredActions.map { action -> [String: Any] in
                ["outcome": action.outcome, "action": action.action, "because": action.because.joined(separator: "; ")]
            },
            "findings": entry.findings.map { finding -> [String: Any] in
                [
                    "title": finding.title, "explanation": finding.explanation, "rule": finding.ruleID, "source": finding.source,
                    "hasEvidence": !finding.evidence.isEmpty,
                    "evidence": finding.evidence.prefix(10).map { item -> [String: Any] in
                        [
                            "date": item.date?.description ?? "undated", "source": item.source.rawValue, "id": item.sourceID,
                            "snippet": item.snippet,
                        ]
                    },
                ]
            },
            "hasLinkedReports": !linkedReports.isEmpty,
            "linkedReports": linkedReports.map { ["reference": $0, "link": readsReports] as [String: Any] },
        ]
        return PageTemplates.render("driver", context)
    }
}
