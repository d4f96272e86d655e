import Foundation
import SafeguardCore

/// One whistle-blowing report as read from JSON Lines (raw: never stored as it is).
///
/// `{"id": "WB-0001", "received": "2025-03-02", "role": "taxi-driver|hotel-staff|licence-holder|public|other",
/// "seen": "…", "signs": ["young-people"], "text": "…", "where": {"premises", "address", "postcode",
/// "vehicle", "badge"}, "when": "2025-03-01T23:30", "apparent-age": "13-15"|null, "danger-now": false,
/// "contact": null|{"name", "phone", "email"}}`
public struct ReportInput: Sendable, Hashable {
    /// The receipt code ("WB-0001").
    public var id: String
    /// The day the report was received.
    public var received: CalendarDay
    /// Who reported.
    public var role: ReporterRole
    /// The short description (raw).
    public var seen: String
    /// Sign ids the reporter ticked.
    public var signs: [String]
    /// The free text (raw).
    public var text: String
    /// Where it happened: premises, address, postcode, vehicle, badge.
    public var place: PlaceReference
    /// When it happened, as given.
    public var when: String?
    /// The apparent age band of a young person, if given.
    public var apparentAge: String?
    /// Whether someone is in danger now.
    public var dangerNow: Bool
    /// The reporter's contact details, if given (stored as tokens only).
    public var contact: ReportContact?
    /// The line of the file.
    public var line: Int
}

/// Reads whistle-blowing report JSON Lines; a bad line becomes a ``RecordIssue`` and the rest go on.
public enum ReportFileReader {
    /// Reads all lines of a file's text.
    public static func read(_ text: String, file: String, knownSigns: Set<String>) -> (reports: [ReportInput], issues: [RecordIssue]) {
        var reports: [ReportInput] = []
        var issues: [RecordIssue] = []
        for (k, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = k + 1
            if raw.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            func issue(_ field: String?, _ message: String) { issues.append(RecordIssue(file: file, line: line, field: field, message: message)) }
            guard let o = try? JSONSerialization.jsonObject(with: Data(raw.utf8)) as? [String: Any] else {
                issue(nil, "not a JSON object; each line must be one report {\"id\": …, \"received\": …, \"role\": …, \"text\": …}")
                continue
            }
            guard let id = o["id"] as? String, !id.isEmpty else { issue("id", "missing or not a string; give the receipt code, e.g. \"WB-0001\""); continue }
            guard let receivedText = o["received"] as? String, let received = CalendarDay(iso: receivedText) else {
                issue("received", "missing or not a date YYYY-MM-DD"); continue
            }
            guard let roleText = o["role"] as? String, let role = ReporterRole(rawValue: roleText) else {
                issue("role", "must be one of \(ReporterRole.allCases.map(\.rawValue).joined(separator: ", "))"); continue
            }
            let text = o["text"] as? String ?? ""
            let seen = o["seen"] as? String ?? ""
            guard !(text.isEmpty && seen.isEmpty) else { issue("text", "both \"text\" and \"seen\" are empty; a report needs one"); continue }
            var signs: [String] = []
            if let given = o["signs"] {
                guard let list = given as? [String] else { issue("signs", "must be a list of sign ids"); continue }
                let unknown = list.filter { !knownSigns.contains($0) }
                guard unknown.isEmpty else {
                    issue("signs", "unknown sign id(s) \(unknown.joined(separator: ", ")); use the ids of rules/hotels/signs.yaml"); continue
                }
                signs = list
            }
            let whereObject = o["where"] as? [String: Any] ?? [:]
            func place(_ key: String) -> String? { (whereObject[key] as? String).flatMap { $0.isEmpty ? nil : $0 } }
            var contact: ReportContact?
            if let c = o["contact"] as? [String: Any] {
                contact = ReportContact(name: c["name"] as? String, phone: c["phone"] as? String, email: c["email"] as? String)
            }
            reports.append(ReportInput(
                id: id, received: received, role: role, seen: seen, signs: signs, text: text,
                place: PlaceReference(premises: place("premises"), address: place("address"), postcode: place("postcode"),
                    vehicle: place("vehicle"), badge: place("badge")),
                when: o["when"] as? String, apparentAge: o["apparent-age"] as? String,
                dangerNow: (o["danger-now"] as? Bool) ?? false, contact: contact, line: line))
        }
        return (reports, issues)
    }
}
