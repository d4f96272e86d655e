import Foundation
import SafeguardCore
import SafeguardImport
import SafeguardRules
import SafeguardText
import Testing

@Test func readsTheDocumentedReportFormat() throws {
    let line = #"{"id": "WB-0001", "received": "2025-03-02", "role": "taxi-driver", "seen": "young girls with older men", "signs": ["young-people"], "text": "Dropped two girls at the hotel.", "where": {"premises": "Beverley House Hotel", "address": "", "postcode": "KV10 6SU", "vehicle": "PK19 ABC", "badge": ""}, "when": "2025-03-01T23:30", "apparent-age": "13-15", "danger-now": true, "contact": {"name": "A Driver", "phone": "07700 900123", "email": null}}"#
    let record = try WhistleblowingReportReader.record(from: line)
    #expect(record.receiptID == "WB-0001")
    #expect(record.received == CalendarDay(iso: "2025-03-02"))
    #expect(record.role == .taxiDriver)
    #expect(record.signs == ["young-people"])
    #expect(record.place.premises == "Beverley House Hotel" && record.place.address == nil && record.place.vehicle == "PK19 ABC")
    #expect(record.apparentAgeBand == "13-15" && record.dangerNow)
    #expect(record.contact?.phone == "07700 900123")
}

@Test func aBadLineIsReportedWithItsFieldAndTheRestGoOn() throws {
    // Given three lines: good, bad age band, not JSON, good
    let text = """
        {"id": "WB-1", "received": "2025-03-02", "role": "public", "text": "Loud music"}
        {"id": "WB-2", "received": "2025-03-02", "role": "public", "text": "x", "apparent-age": "14"}
        not json
        {"id": "WB-3", "received": "2025-03-03", "role": "hotel-staff", "seen": "men hanging around"}
        """
    var issues: [ImportIssue] = []
    var records: [ReportRecord] = []
    let result = try WhistleblowingReportReader().read(
        bytes: Array(text.utf8), name: "reports.jsonl", onIssue: { issues.append($0) }, onRecord: { records.append($0) })
    // Then the two good ones are read and each bad one names its line and field
    #expect(records.map(\.receiptID) == ["WB-1", "WB-3"])
    #expect(result.rows == 4 && result.delivered == 2 && result.rejected == 2)
    #expect(issues.map(\.line) == [2, 3])
    #expect(issues.first?.field == "apparent-age")
    #expect(issues.first?.message.contains("under-13, 13-15, 16-17, 18+") == true)
    #expect(issues.last?.message.contains("not valid JSON") == true)
}

@Test(arguments: [
    (#"{"received": "2025-03-02", "text": "x"}"#, "id"),
    (#"{"id": "WB-1", "received": "02/03/2025", "text": "x"}"#, "received"),
    (#"{"id": "WB-1", "received": "2025-03-02", "role": "policeman", "text": "x"}"#, "role"),
    (#"{"id": "WB-1", "received": "2025-03-02", "text": ""}"#, "text"),
    (#"{"id": "WB-1", "received": "2025-03-02", "text": "x", "signs": "young-people"}"#, "signs"),
    (#"{"id": "WB-1", "received": "2025-03-02", "text": "x", "danger-now": "yes"}"#, "danger-now"),
])
func invalidFieldsAreNamed(line: String, field: String) {
    #expect(throws: RowProblem.self) { try WhistleblowingReportReader.record(from: line) }
    do {
        _ = try WhistleblowingReportReader.record(from: line)
    } catch {
        #expect(error.field == field)
    }
}

/// The analyser of the repository's sign list and the bundled gazetteer, under a fixed key.
private let reportAnalyser: TextAnalyser = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let signs = try! SignListLoader.load(file: root.appendingPathComponent("rules/hotels/signs.yaml"))
    let key = try! PseudonymKey(bytes: Array("test-key-0123456789abcdef-000001".utf8))
    return TextAnalyser(signs: signs, key: key, gazetteer: try! NameGazetteer.bundled())
}()

@Test func reportsAreReadPseudonymisedAndBadLinesRejected() throws {
    // Given a good report naming people, a bad date, an unknown sign id and a line that is not JSON
    let lines = """
        {"id": "WB-0001", "received": "2025-03-02", "role": "taxi-driver", "seen": "Two girls about 14 taken up by a man", "signs": ["young-people"], "text": "I dropped two young girls at the Seaview, a man called Darren Walsh met them, he paid cash only", "where": {"premises": "Seaview Hotel", "postcode": "CV1 1AA", "vehicle": "AB12 CDE"}, "when": "2025-03-01T23:30", "apparent-age": "13-15", "danger-now": false, "contact": {"name": "Jo Bloggs", "phone": "07700 900456", "email": null}}
        {"id": "WB-0002", "received": "yesterday", "role": "public", "text": "x"}
        {"id": "WB-0003", "received": "2025-03-03", "role": "public", "text": "noisy", "signs": ["made-up"]}
        not json
        """
    let builder = TextRecordBuilder(analyser: reportAnalyser)
    let reader = WhistleblowingReportReader(knownSigns: Set(reportAnalyser.scanner.signs.map(\.id)))
    var issues: [ImportIssue] = []
    var records: [ReportRecord] = []
    try reader.read(bytes: Array(lines.utf8), name: "wb.jsonl", onIssue: { issues.append($0) }, onRecord: { records.append(builder.report($0)) })
    // Then only the good one is kept, and each bad line names its line and field
    #expect(records.count == 1)
    #expect(issues.map(\.line) == [2, 3, 4])
    #expect(issues.map(\.field) == ["received", "signs", nil])
    #expect(issues[1].message.contains("made-up"))
    // And the kept one holds no names, phone or raw contact details
    let record = try #require(records.first)
    #expect(!record.text.contains("Darren") && !record.text.contains("Walsh"))
    #expect(record.signs.contains("young-people"))
    #expect(record.evidence.contains { $0.sign == "young-people" })
    #expect(record.evidence.allSatisfy { $0.date == CalendarDay(iso: "2025-03-01") })
    #expect(record.contact?.name?.hasPrefix("[PERSON-") == true)
    #expect(record.contact?.phone == reportAnalyser.pseudonymiser.pseudonymise("07700 900456").pii.first?.token)
    #expect(record.place.vehicle == "AB12 CDE")
}

@Test func intelligenceSummariesArePseudonymisedAndListedSignsKept() {
    let raw = IntelligenceRecord(
        id: "I-1", date: CalendarDay(iso: "2025-04-01")!, source: .police, place: PlaceReference(premises: "Seaview Hotel"),
        signs: ["young-people"], summary: "Officers spoke to Darren Walsh at the Seaview Hotel; nobody asked for ID.")
    let record = TextRecordBuilder(analyser: reportAnalyser).intelligence(raw)
    #expect(!record.summary.contains("Darren") && record.summary.contains("Seaview Hotel"))
    #expect(Set(record.evidence.map(\.sign)) == ["no-id-check", "young-people"])
    #expect(record.evidence.allSatisfy { !$0.snippet.contains("Walsh") })
}
