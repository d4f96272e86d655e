import Foundation
import SafeguardCore
import Testing
@testable import SafeguardImport

/// The taxi-register formats of `docs/formats.md`: every example there reads cleanly with the
/// layout detected from its header, and each kind of bad row is rejected with its line, field,
/// code, reason and original text (what `--rejects` writes), while the good rows are kept.
@Suite struct TaxiRegisterFormatTests {
    static let formats = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/formats.md")

    /// The ```csv blocks of the taxi-register section, in order.
    func examples() throws -> [String] {
        let text = try String(contentsOf: Self.formats, encoding: .utf8)
        let start = try #require(text.range(of: "## Taxi registers"))
        let end = try #require(text.range(of: "## Intelligence records"))
        let section = text[start.upperBound..<end.lowerBound]
        return section.components(separatedBy: "```csv\n").dropFirst().map { String($0.components(separatedBy: "```")[0]) }
    }

    func kind(_ text: String) throws -> TaxiRegisterKind? {
        TaxiRegisterKind.detect(header: try CSVImporter.header(bytes: Array(text.utf8), name: "example.csv"))
    }

    @Test func everyDocumentedExampleReadsWithoutIssues() throws {
        let examples = try self.examples()
        var kinds: [TaxiRegisterKind] = []
        for example in examples {
            let kind = try #require(try self.kind(example), "no layout fits \(example.prefix(60))")
            kinds.append(kind)
            let rows = example.split(separator: "\n").count - 1
            var issues: [ImportIssue] = []
            var stored = 0
            switch kind {
            case .drivers: stored = try readCSV(example, TaxiDriverProfile()).records.count
            case .vehicles: stored = try readCSV(example, TaxiVehicleProfile()).records.count
            case .operators: stored = try readCSV(example, TaxiOperatorProfile()).records.count
            case .londonPHV: stored = try readCSV(example, LondonPHVDriverProfile()).records.count
            case .history:
                let outcome = try readCSV(example, TaxiHistoryProfile())
                (stored, issues) = (outcome.records.count, outcome.issues)
                #expect(outcome.records.first?.reason == .sexualOffence && outcome.records.first?.victimAgeBand == .from13to15)
                #expect(outcome.records.first?.decidedBy == "Ravensmoor Metropolitan Borough Council")
                #expect(outcome.records.last?.decidedBy == outcome.records.last?.issuingAuthority)
            case .nr3s:
                let outcome = try readCSV(example, NR3SSearchProfile())
                (stored, issues) = (outcome.records.count, outcome.issues)
                #expect(outcome.records.map(\.state) == [.noMatch, .notSearched, .detailsReceived])
            case .replies:
                let outcome = try readCSV(example, Section6ReplyProfile())
                (stored, issues) = (outcome.records.count, outcome.issues)
                #expect(outcome.records.map(\.decision) == [.suspended, nil])
            }
            #expect(issues.isEmpty, "\(kind): \(issues.map(\.message))")
            #expect(stored == rows, "\(kind): \(stored) of \(rows) rows read")
        }
        #expect(kinds == [.drivers, .vehicles, .operators, .londonPHV, .history, .nr3s, .replies])
    }

    /// Each rejected row: its line, field, code and the words of its reason.
    struct Rejected: CustomStringConvertible {
        let line: Int
        let field: String
        let code: String
        let says: String
        var description: String { "line \(self.line) \(self.field) \(self.code)" }
    }

    func expectRejected(_ issues: [ImportIssue], _ expected: [Rejected], in text: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(issues.count == expected.count, "\(issues.map { "\($0.line) \($0.field ?? "") \($0.message)" })")
        for (issue, want) in zip(issues, expected) {
            #expect(issue.file == "register.csv" && issue.line == want.line, "\(want)")
            #expect(issue.field == want.field && issue.code == want.code, "\(want): \(issue.field ?? "") \(issue.code)")
            #expect(issue.message.contains(want.says), "\(want): \(issue.message)")
            // The rejects file carries the row as it was, so it can be fixed and imported again.
            #expect(issue.originalRecord == String(lines[want.line - 1]), "\(want)")
        }
    }

    @Test func badHistoryRowsGoToRejectsWithTheirReason() throws {
        let text = """
            licence_number,issuing_authority,event,event_date,decided_by,reason_category,victim_age_band
            KV/PH/1,Kelverton,revocation,2025-01-01,,,
            KV/PH/2,Kelverton,revocation,2025-01-01,Ravensmoor,sexual-offence,
            KV/PH/3,Kelverton,grant,2025-01-01,,conduct,
            KV/PH/4,Kelverton,suspension,2025-01-01,,violence,13-15
            KV/PH/5,Kelverton,warning,2025-01-01,,,
            KV/PH/6,Kelverton,renewal,,,,
            KV/PH/7,Kelverton,revocation,2025-02-01,Ravensmoor,sexual-offence,not-recorded
            KV/PH/8,Kelverton,non-renewal,2025-03-01,,medical,
            """
        let outcome = try readCSV(text, TaxiHistoryProfile())
        #expect(outcome.records.map(\.licenceNumber) == ["KV/PH/7", "KV/PH/8"])
        #expect(outcome.records[0].victimAgeBand == .notRecorded && outcome.records[1].kind == .nonRenewal)
        #expect(outcome.result.rejected == 6)
        self.expectRejected(outcome.issues, [
            Rejected(line: 2, field: "reason_category", code: "taxi.reason", says: "a revocation needs a reason_category"),
            Rejected(line: 3, field: "victim_age_band", code: "taxi.victim-age", says: "needs the victim's age band"),
            Rejected(line: 4, field: "reason_category", code: "taxi.reason", says: "a grant has no reason_category"),
            Rejected(line: 5, field: "victim_age_band", code: "taxi.victim-age", says: "only recorded for a sexual-offence reason"),
            Rejected(line: 6, field: "event", code: "csv.choice", says: "'warning' is not a valid event"),
            Rejected(line: 7, field: "event_date", code: "csv.required", says: "event_date is empty"),
        ], in: text)
    }

    @Test func badNR3SRowsGoToRejectsWithTheirReason() throws {
        let text = """
            licence_number,issuing_authority,application_type,application_date,nr3s_searched_on,nr3s_result,recording_authority,details_requested_on,details_received_on,decided_on
            KV/PH/1,Kelverton,renewal,2026-01-01,2026-01-02,,,,,
            KV/PH/2,Kelverton,renewal,2026-01-01,,match,Ravensmoor,,,
            KV/PH/3,Kelverton,grant,2026-01-01,2026-01-02,no-match,Ravensmoor,,,
            KV/PH/4,Kelverton,grant,2026-01-01,2026-01-02,match,,,,
            KV/PH/5,Kelverton,grant,2026-01-01,2026-01-05,match,Ravensmoor,2026-01-03,,
            KV/PH/6,Kelverton,grant,2026-01-01,2026-01-02,match,Ravensmoor,,2026-01-09,
            KV/PH/7,Kelverton,revocation,2026-01-01,,,,,,
            KV/PH/8,Kelverton,grant,2026-01-01,2026-01-02,match,Ravensmoor,2026-01-03,2026-01-10,2026-01-20
            """
        let outcome = try readCSV(text, NR3SSearchProfile())
        #expect(outcome.records.map(\.licenceNumber) == ["KV/PH/8"])
        #expect(outcome.records.first?.state == .decided && outcome.records.first?.stateOn == CalendarDay(iso: "2026-01-20"))
        self.expectRejected(outcome.issues, [
            Rejected(line: 2, field: "nr3s_result", code: "nr3s.result", says: "give nr3s_result (match or no-match)"),
            Rejected(line: 3, field: "nr3s_searched_on", code: "nr3s.order", says: "give nr3s_searched_on"),
            Rejected(line: 4, field: "nr3s_result", code: "nr3s.order", says: "no-match has no recording authority"),
            Rejected(line: 5, field: "recording_authority", code: "csv.required", says: "a match needs the recording authority"),
            Rejected(line: 6, field: "details_requested_on", code: "nr3s.order", says: "is before nr3s_searched_on"),
            Rejected(line: 7, field: "details_requested_on", code: "nr3s.order", says: "no request date"),
            Rejected(line: 8, field: "application_type", code: "csv.choice", says: "grant or renewal"),
        ], in: text)
    }

    @Test func badS6ReplyAndDriverRowsGoToRejectsWithTheirReason() throws {
        let replies = """
            licence_number,issuing_authority,notified_on,replied_on,decision,note
            RM/PH/1,Ravensmoor,2026-09-02,2026-08-01,no-action,
            RM/PH/2,Ravensmoor,2026-09-02,2026-10-01,,
            RM/PH/3,Ravensmoor,,,,
            RM/PH/4,Ravensmoor,2026-09-02,2026-10-01,suspended,"pending the police investigation, three months"
            """
        let read = try readCSV(replies, Section6ReplyProfile())
        #expect(read.records.map(\.licenceNumber) == ["RM/PH/4"])
        #expect(read.records.first?.note == "pending the police investigation, three months")
        self.expectRejected(read.issues, [
            Rejected(line: 2, field: "replied_on", code: "s6.order", says: "is before notified_on"),
            Rejected(line: 3, field: "decision", code: "csv.required", says: "give its decision"),
            Rejected(line: 4, field: "notified_on", code: "csv.required", says: "notified_on is empty"),
        ], in: replies)

        let drivers = """
            licence_number,licence_type,badge_number,issuing_authority,status,revocation_reason,victim_age_band
            D1,hackney,B1,Kelverton,revoked,sexual offence,14
            D2,hackney,B2,Kelverton,active,,13-15
            D3,hackney,B3,Kelverton,revoked,sexual offence,18+
            """
        let read2 = try readCSV(drivers, TaxiDriverProfile())
        #expect(read2.records.map(\.licenceNumber) == ["D3"])
        #expect(read2.records.first?.victimAgeBand == "18+")
        self.expectRejected(read2.issues, [
            Rejected(line: 2, field: "victim_age_band", code: "csv.choice", says: "'14' is not a valid victim_age_band"),
            Rejected(line: 3, field: "victim_age_band", code: "taxi.victim-age", says: "only recorded with a revocation_reason"),
        ], in: drivers)
    }
}
