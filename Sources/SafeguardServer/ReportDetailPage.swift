import SafeguardCore
import SafeguardStore

/// One report opened for an officer: what the reporter wrote (decrypted), triage, clocks, the
/// messages both ways, and the forms to reply, change the status and allocate.
struct ReportDetailPage {
    let view: IntakeOfficerView
    let allocatedTo: String?
    let officers: [OfficerUser]
    let token: String
    let now: String
    let notice: String?
    /// The premises the report is linked to, with how ("officer" or the resolver's method).
    var linked: [(premises: LinkablePremises, method: String)] = []
    /// The premises search typed on this page, and what it found.
    var premisesQuery = ""
    var premisesFound: [LinkablePremises] = []
    /// The driver and vehicle the report is linked to, with how.
    var driver: (driver: LinkableDriver, method: String)?
    var vehicle: (vehicle: LinkableVehicle, method: String)?
    /// The driver search typed on this page (badge or licence number), and what it found.
    var driverQuery = ""
    var driversFound: [LinkableDriver] = []

    /// The page (`Templates/report.mustache`) after the navigation `nav`.
    func html(nav: String) -> String {
        nav + PageTemplates.render("report", self.context)
    }

    /// The values of `Templates/report.mustache`.
    var context: [String: Any] {
        let report = self.view.report
        let acknowledged = report.acknowledgedAt.map { " (done \($0))" } ?? (report.acknowledgeBy < self.now ? " (overdue)" : "")
        let fedBack = report.firstFeedbackAt.map { " (done \($0))" } ?? (report.feedbackBy < self.now ? " (overdue)" : "")
        var facts: [(String, String)] = [
            ("Received", report.receivedHour), ("Urgency", "\(report.band) (score \(report.score))"),
            ("Triage rules", report.firedRules.isEmpty ? "none" : report.firedRules.joined(separator: ", ")),
            ("Status", report.status.rawValue), ("Acknowledge by", report.acknowledgeBy + acknowledged),
            ("Feedback by", report.feedbackBy + fedBack), ("Allocated to", self.allocatedTo ?? "nobody"),
            ("Reporter's role", self.view.role),
        ]
        if let firm = self.view.taxiFirm { facts.append(("Taxi firm", firm)) }
        facts += [("Channel", report.channel), ("Deleted on", report.expires.description)]
        let contact = [("Name", self.view.contactName), ("Phone", self.view.contactPhone), ("Email", self.view.contactEmail)]
            .compactMap { name, value in value.map { ["name": name, "value": $0] } }
        let lines = self.view.text.split(separator: "\n", omittingEmptySubsequences: false)
        let how: (String) -> String = { method in
            switch method {
            case "officer": "linked by an officer"
            case "new": "recorded from the address the reporter gave (no known premises matched)"
            default: "matched from the address the reporter gave (\(method))"
            }
        }
        return [
            "reference": report.reference, "csrf": self.token, "dangerNow": report.dangerNow,
            "facts": facts.map { ["name": $0.0, "value": $0.1] },
            "text": lines.enumerated().map { ["line": String($0.element), "last": $0.offset == lines.count - 1] as [String: Any] },
            "hasContact": !contact.isEmpty, "contact": contact,
            "messages": self.view.messages.map { message -> [String: Any] in
                [
                    "who": message.author == "officer" ? "Reply from \(message.officer ?? "an officer")" : "The reporter added",
                    "at": message.at, "text": message.text,
                ]
            },
            "statuses": IntakeStatus.allCases.map { ["value": $0.rawValue, "selected": $0 == report.status] as [String: Any] },
            "officers": self.officers.map { officer -> [String: Any] in
                ["username": officer.username, "displayName": officer.displayName, "selected": officer.username == self.allocatedTo]
            },
            "linked": self.linked.map { premises, method -> [String: Any] in
                ["id": String(premises.id), "name": premises.name, "line": OfficerRoutes.premisesLineText(premises), "how": how(method)]
            },
            "premisesForm": [
                "action": "/officer/reports/\(report.reference)#premises", "query": self.premisesQuery,
                "label": self.linked.isEmpty ? "Find a premises to link (name or postcode)" : "Link to a different premises (name or postcode)",
            ],
            "searched": !self.premisesQuery.isEmpty, "premisesQuery": self.premisesQuery, "hasFound": !self.premisesFound.isEmpty,
            "found": self.premisesFound.map { ["id": String($0.id), "name": $0.name, "line": OfficerRoutes.premisesLineText($0)] },
            "taxi": self.taxiContext,
        ]
    }

    static func fact(_ name: String, _ value: String) -> String {
        "<dt>\(HTML.escape(name))</dt><dd>\(HTML.escape(value))</dd>"
    }
}
