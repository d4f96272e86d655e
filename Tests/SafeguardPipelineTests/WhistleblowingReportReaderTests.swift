import Foundation
import SafeguardCore
import SafeguardImport
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
