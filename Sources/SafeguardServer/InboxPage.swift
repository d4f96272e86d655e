import Foundation
import Hummingbird
import SafeguardCore
import SafeguardStore

/// One report in the inbox with its clocks worked out.
struct InboxRow: Sendable {
    let report: IntakeReport
    let allocatedTo: String?
    /// The clock running now ("acknowledge" or "feedback") and its deadline; nil when both are met.
    let clock: (name: String, due: String)?
    /// Past the running clock's deadline.
    let overdue: Bool
    /// Within four hours of the running clock's deadline.
    let dueSoon: Bool
    /// What the report is linked to: "premises", "driver", "vehicle" (any of them).
    var linked: Set<String> = []

    /// Every held report, overdue first, then danger now, then by band and the nearest deadline.
    static func load(store: SQLiteStore, now: String) throws -> [InboxRow] {
        let allocations = try store.reportAllocations()
        let links = try store.reportLinkRoles()
        let soon = Self.plusHours(now, 4)
        let rows = try store.intakeReports().map { report -> InboxRow in
            let clock: (String, String)?
            if report.status == .closed {
                clock = nil
            } else if report.acknowledgedAt == nil {
                clock = ("acknowledge", report.acknowledgeBy)
            } else if report.firstFeedbackAt == nil {
                clock = ("feedback", report.feedbackBy)
            } else {
                clock = nil
            }
            let overdue = clock.map { $0.1 < now } ?? false
            let dueSoon = !overdue && (clock.map { $0.1 <= soon } ?? false)
            return InboxRow(
                report: report, allocatedTo: allocations[report.reference], clock: clock, overdue: overdue,
                dueSoon: dueSoon, linked: links[report.reference] ?? [])
        }
        return rows.enumerated().sorted { left, right in
            let a = left.element
            let b = right.element
            if a.overdue != b.overdue { return a.overdue }
            if a.report.dangerNow != b.report.dangerNow { return a.report.dangerNow }
            if Self.rank(a.report.band) != Self.rank(b.report.band) { return Self.rank(a.report.band) < Self.rank(b.report.band) }
            let dueA = a.clock?.due ?? "~"
            let dueB = b.clock?.due ?? "~"
            if dueA != dueB { return dueA < dueB }
            return left.offset < right.offset
        }.map(\.element)
    }

    static func rank(_ band: String) -> Int {
        switch band {
        case "urgent": 0
        case "priority": 1
        default: 2
        }
    }

    /// "2026-12-06T16:42Z" plus `hours`, in the same form (the forms compare as text).
    static func plusHours(_ minute: String, _ hours: Int) -> String {
        guard minute.count >= 17, let day = CalendarDay(iso: minute.prefix(10)),
            let hh = Int(minute.dropFirst(11).prefix(2)), let mm = Int(minute.dropFirst(14).prefix(2))
        else { return minute }
        let seconds = day.daysSinceEpoch * 86_400 + hh * 3_600 + mm * 60 + hours * 3_600
        return IntakeClock.minute(Date(timeIntervalSince1970: TimeInterval(seconds)))
    }
}

/// The inbox filters, from the query string (all optional).
struct InboxFilter: Sendable {
    var status: String?
    var band: String?
    var officer: String?
    var rule: String?
    /// "premises", "driver", "vehicle" (linked to one) or "none" (linked to nothing).
    var linked: String?
    var dangerOnly: Bool

    init(query: Parameters) {
        func value(_ name: String) -> String? {
            guard let text = query[Substring(name)].map(String.init), !text.isEmpty else { return nil }
            return text
        }
        self.status = value("status")
        self.band = value("band")
        self.officer = value("officer")
        self.rule = value("rule")
        self.linked = value("linked")
        self.dangerOnly = value("danger") == "yes"
    }

    func matches(_ row: InboxRow) -> Bool {
        if let status = self.status, row.report.status.rawValue != status { return false }
        if let band = self.band, row.report.band != band { return false }
        if let officer = self.officer {
            if officer == "-" ? row.allocatedTo != nil : row.allocatedTo != officer { return false }
        }
        if let rule = self.rule, !row.report.firedRules.contains(rule) { return false }
        if let linked = self.linked {
            if linked == "none" ? !row.linked.isEmpty : !row.linked.contains(linked) { return false }
        }
        if self.dangerOnly, !row.report.dangerNow { return false }
        return true
    }
}

/// The inbox: the danger-now alert, counts by status, filters (a GET form, works without
/// JavaScript), and the table of reports with their clocks.
struct InboxPage {
    let rows: [InboxRow]
    let filter: InboxFilter
    let officer: SignedInOfficer
    let token: String

    var html: String {
        let shown = self.rows.filter(self.filter.matches)
        let danger = self.rows.filter { $0.report.dangerNow && $0.report.status != .closed }
        var out = OfficerNav.html(officer: self.officer, token: self.token)
        out += "<h1>Inbox</h1>"
        if !danger.isEmpty {
            out += "<div class=\"danger\" role=\"alert\"><p><strong>\(danger.count) open report\(danger.count == 1 ? "" : "s") say a child is in danger now.</strong> Read them first: "
            out += danger.map { "<a href=\"/officer/reports/\(HTML.escape($0.report.reference))\">\(HTML.escape($0.report.reference))</a>" }.joined(separator: ", ")
            out += ".</p></div>"
        }
        let overdue = self.rows.filter(\.overdue).count
        let soon = self.rows.filter(\.dueSoon).count
        out += "<ul class=\"counts\">"
        out += "<li><strong>\(self.rows.count)</strong> reports held</li>"
        out += "<li><strong>\(overdue)</strong> overdue</li><li><strong>\(soon)</strong> due within 4 hours</li>"
        for status in IntakeStatus.allCases {
            let count = self.rows.filter { $0.report.status == status }.count
            out += "<li><strong>\(count)</strong> \(HTML.escape(status.rawValue))</li>"
        }
        out += "</ul>"
        out += self.filterForm()
        out += "<p>Showing \(shown.count) of \(self.rows.count). "
        if self.officer.user.role.readsReports { out += "<a href=\"/officer/export.csv\">Download these as CSV</a> (the download is recorded in the audit)." }
        out += "</p>"
        out += "<table class=\"inbox\"><caption>Reports, overdue first</caption><thead><tr><th scope=\"col\">Reference</th><th scope=\"col\">Received</th><th scope=\"col\">Urgency</th><th scope=\"col\">Status</th><th scope=\"col\">Clock</th><th scope=\"col\">Officer</th></tr></thead><tbody>"
        for row in shown {
            let reference = HTML.escape(row.report.reference)
            let link = self.officer.user.role.readsReports ? "<a href=\"/officer/reports/\(reference)\">\(reference)</a>" : reference
            var urgency = HTML.escape(row.report.band)
            if row.report.dangerNow { urgency = "<strong class=\"error\">danger now</strong> · " + urgency }
            var clock = "met"
            if let running = row.clock {
                let state = row.overdue ? "<strong class=\"error\">overdue</strong> " : (row.dueSoon ? "<strong>due soon</strong> " : "")
                clock = "\(state)\(HTML.escape(running.name)) by \(HTML.escape(running.due))"
            }
            out += "<tr><td>\(link)</td><td>\(HTML.escape(row.report.receivedHour))</td><td>\(urgency)</td><td>\(HTML.escape(row.report.status.rawValue))</td><td>\(clock)</td><td>\(HTML.escape(row.allocatedTo ?? "–"))</td></tr>"
        }
        if shown.isEmpty { out += "<tr><td colspan=\"6\">No reports match these filters.</td></tr>" }
        out += "</tbody></table>"
        return out
    }

    func filterForm() -> String {
        func options(_ values: [String], selected: String?) -> String {
            "<option value=\"\">any</option>" + values.map { value in
                "<option value=\"\(HTML.escape(value))\"\(value == selected ? " selected" : "")>\(HTML.escape(value))</option>"
            }.joined()
        }
        let officers = Array(Set(self.rows.compactMap(\.allocatedTo))).sorted()
        let rules = Array(Set(self.rows.flatMap(\.report.firedRules))).sorted()
        return """
            <form method="get" action="/officer" class="filters">
            <fieldset><legend>Filter</legend>
            <label for="f-status">Status</label><select id="f-status" name="status">\(options(IntakeStatus.allCases.map(\.rawValue), selected: self.filter.status))</select>
            <label for="f-band">Urgency</label><select id="f-band" name="band">\(options(["urgent", "priority", "routine"], selected: self.filter.band))</select>
            <label for="f-officer">Officer</label><select id="f-officer" name="officer">\(options(officers, selected: self.filter.officer))</select>
            <label for="f-rule">Triage rule (sign)</label><select id="f-rule" name="rule">\(options(rules, selected: self.filter.rule))</select>
            <label for="f-linked">Linked to</label><select id="f-linked" name="linked">\(options(["premises", "driver", "vehicle", "none"], selected: self.filter.linked))</select>
            <div class="choice"><input type="checkbox" id="f-danger" name="danger" value="yes"\(self.filter.dangerOnly ? " checked" : "")><label for="f-danger">Only danger now</label></div>
            <button type="submit">Apply filters</button>
            </fieldset>
            </form>
            """
    }
}

/// The navigation bar of the officers' pages, with the sign-out form (`Templates/officer-nav.mustache`).
enum OfficerNav {
    static func html(officer: SignedInOfficer, token: String) -> String {
        PageTemplates.render(
            "officer-nav",
            ["displayName": officer.user.displayName, "role": officer.user.role.rawValue, "csrf": token])
    }
}
