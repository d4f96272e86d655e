import Foundation
import SafeguardCore
import Testing

@testable import SafeguardRules

@Suite struct FactsFileTests {
    @Test func readsOneObjectOrAnArray() throws {
        let one = try FactsFile.decode(Data(#"{"kind": "driver", "id": "d1", "as-of": "2026-11-25", "facts": {"driver.revocations": 1}}"#.utf8), path: "f.json")
        #expect(one.count == 1)
        #expect(one[0].asOf == CalendarDay(iso: "2026-11-25"))
        #expect(one[0].fields["driver.revocations"] == .number(1))
        let many = try FactsFile.decode(Data(#" [{"kind": "hotel", "id": "a"}, {"kind": "report", "id": "b", "facts": {"report.signs": ["condoms"]}}]"#.utf8), path: "f.json")
        #expect(many.map(\.id) == ["a", "b"])
        #expect(many[1].fields["report.signs"] == .list(["condoms"]))
    }

    @Test(arguments: [
        (#"{"kind": "hotal", "id": "x"}"#, "kind must be one of"),
        (#"[{"kind": "driver"}]"#, "[0].id is missing"),
        (#"{"kind": "driver", "id": "x", "evidence": [{"sign": "condoms"}]}"#, "evidence[0]"),
        ("not json", "not valid JSON"),
    ])
    func badFilesNameTheRecordAndField(json: String, message: String) {
        do {
            _ = try FactsFile.decode(Data(json.utf8), path: "facts.json")
            Issue.record("should fail")
        } catch {
            #expect(error.description.hasPrefix("facts.json: "))
            #expect(error.description.contains(message), "\(error.description)")
        }
    }
}
