import Foundation
import SafeguardCore

/// Reads whistle-blowing reports from JSON Lines (`docs/formats.md`), one object a line.
///
/// A bad line becomes an `ImportIssue` naming the file, line and field, and the rest go on. The
/// text is returned as given: the caller pseudonymises and scans it before storing.
public struct WhistleblowingReportReader: Sendable {
    /// Apparent age bands a report may give.
    public static let ageBands = ["under-13", "13-15", "16-17", "18+"]

    /// Sign ids a report may tick (`rules/hotels/signs.yaml`); nil accepts any id.
    public var knownSigns: Set<String>?

    /// Creates a reader; with `knownSigns`, a line ticking another sign id is rejected.
    public init(knownSigns: Set<String>? = nil) {
        self.knownSigns = knownSigns
    }

    /// Reads a file; throws `ImportError` only when the file cannot be read at all.
    @discardableResult
    public func read(
        path: String, onIssue: (ImportIssue) -> Void, onRecord: (ReportRecord) throws -> Void
    ) throws -> CSVReadResult {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ImportError(
                code: "file.unreadable", file: path,
                message: "cannot read \(path): check the path and its permissions")
        }
        return try self.read(bytes: [UInt8](data), name: path, onIssue: onIssue, onRecord: onRecord)
    }

    /// Reads JSON Lines held in memory.
    @discardableResult
    public func read(
        bytes: [UInt8], name: String, onIssue: (ImportIssue) -> Void, onRecord: (ReportRecord) throws -> Void
    ) throws -> CSVReadResult {
        var result = CSVReadResult()
        var line = 0
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
            line += 1
            let slice = bytes[start..<end]
            start = end + 1
            let text = String(decoding: slice, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            if text.isEmpty { continue }
            result.rows += 1
            do {
                try onRecord(try Self.record(from: text, knownSigns: self.knownSigns))
                result.delivered += 1
            } catch let problem as RowProblem {
                result.rejected += 1
                onIssue(ImportIssue(
                    code: problem.code, severity: .rejected, file: name, line: line, record: result.rows,
                    field: problem.field.isEmpty ? nil : problem.field, message: problem.message, originalRecord: text))
            }
        }
        return result
    }

    /// Maps one JSON object (a line) to a report record; with `knownSigns`, unknown sign ids are a problem.
    public static func record(from line: String, knownSigns: Set<String>? = nil) throws(RowProblem) -> ReportRecord {
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: Data(line.utf8))
        } catch {
            throw RowProblem(code: "report.json", field: "", message: "the line is not valid JSON; write one JSON object per line")
        }
        guard let object = parsed as? [String: Any] else {
            throw RowProblem(code: "report.json", field: "", message: "the line is not a JSON object; write one {...} per line")
        }
        func string(_ key: String, in dictionary: [String: Any]) throws(RowProblem) -> String? {
            switch dictionary[key] {
            case nil, is NSNull: return nil
            case let value as String:
                let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
                return trimmed.isEmpty ? nil : trimmed
            default:
                throw RowProblem(code: "report.type", field: key, message: "\(key) must be text")
            }
        }
        guard let id = try string("id", in: object) else {
            throw RowProblem(code: "report.required", field: "id", message: "id is missing; every report needs its receipt code")
        }
        guard let receivedText = try string("received", in: object) else {
            throw RowProblem(code: "report.required", field: "received", message: "received is missing; give the day as YYYY-MM-DD")
        }
        guard receivedText.count == 10, let received = CalendarDay(iso: receivedText) else {
            throw RowProblem(code: "report.date", field: "received", message: "'\(receivedText)' in received is not a date; write it as YYYY-MM-DD")
        }
        let roleText = try string("role", in: object) ?? "other"
        guard let role = ReporterRole(rawValue: roleText) else {
            throw RowProblem(
                code: "report.role", field: "role",
                message: "role '\(roleText)' is not one of \(ReporterRole.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let text = try string("text", in: object) ?? ""
        let seen = try string("seen", in: object) ?? ""
        guard !text.isEmpty || !seen.isEmpty else {
            throw RowProblem(code: "report.required", field: "text", message: "text and seen are both empty; a report needs a description")
        }
        var signs: [String] = []
        switch object["signs"] {
        case nil, is NSNull: break
        case let list as [Any]:
            for item in list {
                guard let sign = item as? String else {
                    throw RowProblem(code: "report.type", field: "signs", message: "signs must be a list of sign ids (text)")
                }
                signs.append(sign)
            }
        default:
            throw RowProblem(code: "report.type", field: "signs", message: "signs must be a list of sign ids, e.g. [\"young-people\"]")
        }
        if let knownSigns {
            let unknown = signs.filter { !knownSigns.contains($0) }
            guard unknown.isEmpty else {
                throw RowProblem(
                    code: "report.sign", field: "signs",
                    message: "unknown sign id(s) \(unknown.joined(separator: ", ")); use the ids of rules/hotels/signs.yaml")
            }
        }
        var place = PlaceReference()
        switch object["where"] {
        case nil, is NSNull: break
        case let location as [String: Any]:
            place = PlaceReference(
                premises: try string("premises", in: location), address: try string("address", in: location),
                postcode: try string("postcode", in: location), vehicle: try string("vehicle", in: location),
                badge: try string("badge", in: location))
        default:
            throw RowProblem(code: "report.type", field: "where", message: "where must be an object with premises, address, postcode, vehicle, badge")
        }
        let age = try string("apparent-age", in: object)
        if let age, !Self.ageBands.contains(age) {
            throw RowProblem(code: "report.age", field: "apparent-age", message: "apparent-age '\(age)' is not one of \(Self.ageBands.joined(separator: ", ")) or null")
        }
        var dangerNow = false
        switch object["danger-now"] {
        case nil, is NSNull: break
        case let flag as Bool: dangerNow = flag
        default:
            throw RowProblem(code: "report.type", field: "danger-now", message: "danger-now must be true or false")
        }
        var contact: ReportContact?
        switch object["contact"] {
        case nil, is NSNull: break
        case let details as [String: Any]:
            contact = ReportContact(
                name: try string("name", in: details), phone: try string("phone", in: details),
                email: try string("email", in: details))
        default:
            throw RowProblem(code: "report.type", field: "contact", message: "contact must be null or an object with name, phone, email")
        }
        return ReportRecord(
            receiptID: id, received: received, role: role, seen: seen, text: text, signs: signs, place: place,
            when: try string("when", in: object), apparentAgeBand: age, dangerNow: dangerNow, contact: contact)
    }
}
