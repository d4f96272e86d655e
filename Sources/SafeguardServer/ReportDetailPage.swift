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

    func html(nav: String) -> String {
        let report = self.view.report
        let reference = HTML.escape(report.reference)
        var out = nav + "<p><a href=\"/officer\">Back to the inbox</a></p>"
        out += "<h1>Report \(reference)</h1>"
        if report.dangerNow {
            out += "<div class=\"danger\" role=\"alert\"><p><strong>The reporter said a child is in danger now.</strong> If that may still be so, call 999.</p></div>"
        }
        out += "<dl class=\"facts\">"
        out += Self.fact("Received", report.receivedHour)
        out += Self.fact("Urgency", "\(report.band) (score \(report.score))")
        out += Self.fact("Triage rules", report.firedRules.isEmpty ? "none" : report.firedRules.joined(separator: ", "))
        out += Self.fact("Status", report.status.rawValue)
        out += Self.fact("Acknowledge by", report.acknowledgeBy + (report.acknowledgedAt.map { " (done \($0))" } ?? (report.acknowledgeBy < self.now ? " (overdue)" : "")))
        out += Self.fact("Feedback by", report.feedbackBy + (report.firstFeedbackAt.map { " (done \($0))" } ?? (report.feedbackBy < self.now ? " (overdue)" : "")))
        out += Self.fact("Allocated to", self.allocatedTo ?? "nobody")
        out += Self.fact("Reporter's role", self.view.role)
        if let firm = self.view.taxiFirm { out += Self.fact("Taxi firm", firm) }
        out += Self.fact("Channel", report.channel)
        out += Self.fact("Deleted on", report.expires.description)
        out += "</dl>"
        out += "<h2>What the reporter wrote</h2><div class=\"message\"><p>\(HTML.escape(self.view.text).replacingOccurrences(of: "\n", with: "<br>"))</p></div>"
        if self.view.contactName != nil || self.view.contactPhone != nil || self.view.contactEmail != nil {
            out += "<h2>Contact details</h2><dl class=\"facts\">"
            if let name = self.view.contactName { out += Self.fact("Name", name) }
            if let phone = self.view.contactPhone { out += Self.fact("Phone", phone) }
            if let email = self.view.contactEmail { out += Self.fact("Email", email) }
            out += "</dl>"
        }
        out += "<h2>Messages</h2>"
        if self.view.messages.isEmpty { out += "<p>No messages yet.</p>" }
        for message in self.view.messages {
            let who = message.author == "officer" ? "Reply from \(message.officer ?? "an officer")" : "The reporter added"
            out += "<div class=\"message\"><p class=\"meta\">\(HTML.escape(who)), \(HTML.escape(message.at))</p><p>\(HTML.escape(message.text))</p></div>"
        }
        let field = CSRFProtection.field(self.token)
        out += """
            <h2>Reply to the reporter</h2>
            <form method="post" action="/officer/reports/\(reference)/reply">\(field)
            <label for="reply">Reply</label>
            <p class="hint" id="reply-hint">The reporter reads this on their receipt page. Do not name other people.</p>
            <textarea id="reply" name="text" aria-describedby="reply-hint" required maxlength="5000"></textarea>
            <button type="submit">Send reply</button>
            </form>
            <h2>Status</h2>
            <form method="post" action="/officer/reports/\(reference)/status">\(field)
            <label for="status">Status</label>
            <select id="status" name="status">\(IntakeStatus.allCases.map { "<option value=\"\($0.rawValue)\"\($0 == report.status ? " selected" : "")>\($0.rawValue)</option>" }.joined())</select>
            <button type="submit">Set status</button>
            </form>
            <h2>Allocation</h2>
            <form method="post" action="/officer/reports/\(reference)/allocate">\(field)
            <label for="officer">Officer</label>
            <select id="officer" name="officer"><option value="">nobody</option>\(self.officers.map { "<option value=\"\(HTML.escape($0.username))\"\($0.username == self.allocatedTo ? " selected" : "")>\(HTML.escape($0.displayName))</option>" }.joined())</select>
            <button type="submit">Allocate</button>
            </form>
            """
        out += self.premisesSection(reference: reference, field: field)
        out += self.taxiSection()
        return out
    }

    /// The linked premises, an unlink button, and a search to link (another) one.
    func premisesSection(reference: String, field: String) -> String {
        var out = "<h2 id=\"premises\">Premises</h2>"
        if self.linked.isEmpty {
            out += "<p>This report is not linked to any premises.</p>"
        }
        for (premises, method) in self.linked {
            let how: String
            switch method {
            case "officer": how = "linked by an officer"
            case "new": how = "recorded from the address the reporter gave (no known premises matched)"
            default: how = "matched from the address the reporter gave (\(HTML.escape(method)))"
            }
            out += "<p>Linked to <a href=\"/officer/premises/\(premises.id)\">\(HTML.escape(premises.name))</a>, \(OfficerRoutes.premisesLine(premises)): \(how).</p>"
            out += "<form method=\"post\" action=\"/officer/reports/\(reference)/unlink\">\(field)<button type=\"submit\" class=\"button-secondary\">Unlink this premises</button></form>"
        }
        out += OfficerRoutes.premisesSearchForm(
            action: "/officer/reports/\(self.view.report.reference)#premises", query: self.premisesQuery,
            label: self.linked.isEmpty ? "Find a premises to link (name or postcode)" : "Link to a different premises (name or postcode)")
        if !self.premisesQuery.isEmpty {
            if self.premisesFound.isEmpty {
                out += "<p>No premises match “\(HTML.escape(self.premisesQuery))”. Try part of the name, or the full postcode.</p>"
            } else {
                out += "<ul class=\"results\">"
                for premises in self.premisesFound {
                    out += "<li><form method=\"post\" action=\"/officer/reports/\(reference)/link\" class=\"inline\">\(field)"
                    out += "<input type=\"hidden\" name=\"premises\" value=\"\(premises.id)\">"
                    out += "<button type=\"submit\" class=\"button-secondary\" aria-label=\"Link to \(HTML.escape(premises.name))\">Link</button> "
                    out += "<strong>\(HTML.escape(premises.name))</strong>, \(OfficerRoutes.premisesLine(premises))</form></li>"
                }
                out += "</ul>"
            }
        }
        return out
    }

    static func fact(_ name: String, _ value: String) -> String {
        "<dt>\(HTML.escape(name))</dt><dd>\(HTML.escape(value))</dd>"
    }
}
