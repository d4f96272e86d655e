import Foundation
import Hummingbird
import HummingbirdTesting
import SafeguardCore
import SafeguardStore
import Testing

@testable import SafeguardServer

/// The request path's fast parts (form decoding, the pre-rendered blank form, escaping) give
/// exactly what the plain versions gave.
@Suite struct RequestPathTests {
    @Test func formBodyDecodesPlusPercentAndKeepsMalformedEscapes() {
        let body = FormBody("text=Room+12%2C+caf%C3%A9+%26+bar&signs=a&signs=b&empty=&bad=100%25+sure+%zz+%4&name%20x=1&&flag")
        #expect(body.first("text") == "Room 12, café & bar")
        #expect(body.all("signs") == ["a", "b"])
        #expect(body.first("empty") == nil)
        #expect(body.first("bad") == "100% sure %zz %4")
        #expect(body.first("name x") == "1")
        #expect(body.all("flag") == [""])
    }

    @Test func formBodyTrimsWhiteSpaceAndReplacesBytesThatAreNotUTF8() {
        let body = FormBody("a=+%0A+hello+%09&b=%E2%80%83wide%E2%80%83&c=%FFok")
        #expect(body.first("a") == "hello")
        #expect(body.first("b") == "wide")
        #expect(body.first("c") == "\u{FFFD}ok")
    }

    @Test func escapingChangesOnlyTheFiveCharacters() {
        #expect(HTML.escape("plain café text") == "plain café text")
        #expect(HTML.escape("<a href=\"x\">Tom & Jerry's</a> – ok") == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt; – ok")
    }

    @Test func receiptCodesAndTokensUseOnlyTheAlphabet() {
        for _ in 0..<200 {
            let code = ReceiptCode.random()
            #expect(Base32.isCanonical(code.normalised))
            guard case .valid(let parsed) = ReceiptCode.parse(code.grouped) else {
                Issue.record("a new code does not parse: \(code)")
                return
            }
            #expect(parsed == code)
        }
        #expect(Base32.encode([0xFF, 0x00, 0x10]) == "ZW010")
        #expect(RandomBytes.make(13).count == 13)
        #expect(!Base32.isCanonical("ABCO") && !Base32.isCanonical("abc") && Base32.isCanonical("0123456789ABCDEFGHJKMNPQRSTVWXYZ"))
    }

    @Test func submissionContentHashFollowsEveryChangeOfTheRecord() {
        func submission(_ record: ReportRecord) -> IntakeSubmission {
            IntakeSubmission(
                reference: record.receiptID, receiptHash: [1], receivedHour: "2026-12-06T16:00Z", record: record,
                sealed: [2], band: "routine", score: 0, firedRules: [], acknowledgeBy: "", feedbackBy: "",
                expires: CalendarDay(daysSinceEpoch: 1), channel: "web")
        }
        let record = ReportRecord(
            receiptID: "WEB-1", received: CalendarDay(daysSinceEpoch: 20_000), role: .public, seen: "", text: "",
            signs: ["young-people"], place: PlaceReference(premises: "Lodge", postcode: "CV1 4AB"), when: nil,
            apparentAgeBand: nil, dangerNow: false, contact: nil)
        var changed = submission(record)
        #expect(changed.contentHash == submission(record).contentHash)
        changed.record.signs.append("screaming")
        #expect(changed.contentHash != submission(record).contentHash)
        var moved = record
        moved.place.postcode = "CV1 4AC"
        #expect(submission(moved).contentHash != submission(record).contentHash)
        var evidenced = record
        evidenced.evidence = [Evidence(sign: "screaming", source: .report, sourceID: "WEB-1", date: nil, snippet: "x", origin: nil)]
        #expect(submission(evidenced).contentHash != submission(record).contentHash)
    }

    @Test func servedBlankFormIsTheRenderedFormWithTheVisitorsToken() async throws {
        let fixture = try ServerFixture()
        let services = try fixture.services()
        let app = buildApplication(services: services)
        try await app.test(.router) { client in
            var session = FormSession()
            let served = try await session.get(client, "/report")
            let token = try #require(session.token)
            let rendered = PublicRoutes(services: services).formPage(
                ReportForm(), problems: [:], token: token, headers: [:]
            ).html
            #expect(served == rendered)
        }
    }
}
