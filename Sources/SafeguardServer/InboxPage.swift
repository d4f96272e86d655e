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
    static func load(store: any OfficerStore, now: String) throws -> [InboxRow] {
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

    /// The page (`Templates/inbox.mustache`) after the navigation.
    var html: String {
        OfficerNav.html(officer: self.officer, token: self.token) + PageTemplates.render("inbox", self.context)
    }

    /// The values of `Templates/inbox.mustache`.
    var context: [String: Any] {
        let shown = self.rows.filter(self.filter.matches)
        let danger = self.rows.filter { $0.report.dangerNow && $0.report.status != .closed }
        var counts: [(Int, String)] = [
            (self.rows.count, "reports held"), (self.rows.filter(\.overdue).count, "overdue"),
            (self.rows.filter(\.dueSoon).count, "due within 4 hours"),
        ]
        for status in IntakeStatus.allCases {
            counts.append((self.rows.filter { $0.report.status == status }.count, status.rawValue))
        }
        func filter(_ name: String, _ label: String, _ values: [String], _ selected: String?) -> [String: Any] {
            ["name": name, "label": label, "options": values.map { ["value": $0, "selected": $0 == selected] as [String: Any] }]
        }
        return [
            "hasDanger": !danger.isEmpty,
            "dangerText": "\(danger.count) open report\(danger.count == 1 ? "" : "s") say a child is in danger now.",
            "danger": danger.enumerated().map { ["reference": $0.element.report.reference, "last": $0.offset == danger.count - 1] as [String: Any] },
            "counts": counts.map { ["count": String($0.0), "label": $0.1] },
            "filters": [
                filter("status", "Status", IntakeStatus.allCases.map(\.rawValue), self.filter.status),
                filter("band", "Urgency", ["urgent", "priority", "routine"], self.filter.band),
                filter("officer", "Officer", Array(Set(self.rows.compactMap(\.allocatedTo))).sorted(), self.filter.officer),
                filter("rule", "Triage rule (sign)", Array(Set(self.rows.flatMap(\.report.firedRules))).sorted(), self.filter.rule),
                filter("linked", "Linked to", ["premises", "driver", "vehicle", "none"], self.filter.linked),
            ],
            "dangerOnly": self.filter.dangerOnly, "shown": String(shown.count), "total": String(self.rows.count),
            "readsReports": self.officer.user.role.readsReports,
            "rows": shown.map { row -> [String: Any] in
                var item: [String: Any] = [
                    "reference": row.report.reference, "received": row.report.receivedHour, "band": row.report.band,
                    "dangerNow": row.report.dangerNow, "status": row.report.status.rawValue, "officer": row.allocatedTo ?? "–",
                ]
                if let clock = row.clock {
                    item["clock"] = ["name": clock.name, "due": clock.due, "overdue": row.overdue, "dueSoon": row.dueSoon] as [String: Any]
                }
                return item
            },
        ]
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
