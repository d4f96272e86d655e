import Foundation
import Hummingbird
import HummingbirdTesting
import SafeguardCore
import SafeguardStore
import Testing

@testable import SafeguardServer

/// The officers' tools beyond the inbox: linking a report to a premises, the referred status,
/// the screening page with its letter download, and the premises and driver pages.
@Suite struct OfficerToolsTests {
    /// A licence application in the statutory JSON format (the shipped synthetic corpus's
    /// `corpus/applications/APP-2026-0001.json`, generated, no real data).
    static let application = """
        {"activities": [{"activity": "supply-of-alcohol-on", "place": "indoors", "times": [{"days": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"], "from": "12:00", "to": "02:00"}]}], "adult-entertainment": "Massage services in private rooms", "applicant": {"address": "31 Market Street, Kelverton", "name": "Steam Rooms Leisure Ltd"}, "authority": "Kelverton Borough Council", "declarations": {"accommodation-rooms": 0, "age-verification-policy": "challenge-25", "anyone-on-sex-offenders-register": false, "childrens-activities": false, "gambling-machines": 0, "staff-convicted-of-selling-alcohol-to-a-child": false, "under-18s-admitted": "no"}, "kind": "new-premises-licence", "operating-schedule": {"general": [], "prevention-of-crime-and-disorder": ["CCTV covering the entrance and reception"], "prevention-of-public-nuisance": [], "protection-of-children-from-harm": [], "public-safety": []}, "premises": {"address": "12 Canal Street, Kelverton", "description": "Sauna, steam room and massage suites with a small lounge bar", "name": "Steam Rooms Spa", "postcode": "KV5 2RW", "type": "sauna-massage"}, "proposed-dps": {"convicted-of-selling-alcohol-to-a-child": false, "name": "Sam Hughes", "personal-licence": "KV/PL/3015"}, "received": "2026-10-20", "reference": "KV/APP/2026/0001"}
        """

    @Test func anOfficerLinksAndUnlinksAReportToAPremises() async throws {
        let fixture = try OfficerFixture()
        let (_, reference) = try await fixture.submitReport()
        // A second report names another premises, which the resolver stores as an entity.
        let draft = IntakeService.Draft(
            role: .hotelStaff, roleLabel: "Hotel or B&B staff", seen: "", text: "A man kept bringing different girls.",
            signs: [], place: PlaceReference(premises: "Royal Oak Hotel", postcode: "CV2 3CD"), taxiFirm: nil, when: nil,
            apparentAge: "13-15", dangerNow: false, contact: nil)
        _ = try await fixture.services.intake.submit(draft, channel: "web")
        let royal = try #require(try fixture.base.store.searchPremises("royal oak").first)
        #expect(royal.name == "Royal Oak Hotel")
        #expect(try fixture.base.store.searchPremises("CV2 3CD").map(\.id) == [royal.id])
        let before = try fixture.base.store.linkedPremises(reference: reference)
        #expect(before.map(\.premises.name) == ["Station Hotel"])

        let app = buildApplication(services: fixture.services)
        try await app.test(.router) { client in
            var browser = Browser()
            try await browser.signIn(client, "olivia")
            let search = try await browser.get(client, "/officer/reports/\(reference)?q=royal")
            let page = String(buffer: search.body)
            #expect(page.contains("name=\"premises\" value=\"\(royal.id)\""))
            let noToken = try await browser.post(client, "/officer/reports/\(reference)/link", [("premises", "\(royal.id)")], csrf: false)
            #expect(noToken.status == .forbidden)
            let link = try await browser.post(client, "/officer/reports/\(reference)/link", [("premises", "\(royal.id)")])
            #expect(link.status == .seeOther)
            let missing = try await browser.post(client, "/officer/reports/\(reference)/link", [("premises", "999999")])
            #expect(missing.status == .unprocessableContent)

            let detail = try await browser.get(client, "/officer/reports/\(reference)")
            #expect(String(buffer: detail.body).contains("Royal Oak Hotel</a>"))
            #expect(String(buffer: detail.body).contains("linked by an officer"))
            let premisesPage = try await browser.get(client, "/officer/premises/\(royal.id)")
            #expect(premisesPage.status == .ok)
            #expect(String(buffer: premisesPage.body).contains("/officer/reports/\(reference)"))

            let unlink = try await browser.post(client, "/officer/reports/\(reference)/unlink", [])
            #expect(unlink.status == .seeOther)
        }
        #expect(try fixture.base.store.linkedPremises(reference: reference).isEmpty)
        #expect(try !fixture.base.store.linkedReports(premises: royal.id).contains(reference))
        let audit = try fixture.base.store.officerAudit().filter { $0.subject == reference }
        #expect(audit.contains { $0.action == "linked" && $0.detail.hasPrefix("premises E\(royal.id)") })
        #expect(audit.contains { $0.action == "unlinked" && $0.detail == "premises E\(royal.id)" })
        #expect(try fixture.base.store.officerAudit().contains { $0.action == "viewed" && $0.subject == "premises E\(royal.id)" })
    }

    @Test func linkingMovesTheReportsEvidenceToThePremises() async throws {
        let fixture = try OfficerFixture()
        let (_, reference) = try await fixture.submitReport(
            text: "Men hanging around the car park; young girls taken up to rooms, used condoms left in the corridor.")
        let draft = IntakeService.Draft(
            role: .hotelStaff, roleLabel: "Hotel or B&B staff", seen: "", text: "Nothing of note.", signs: [],
            place: PlaceReference(premises: "Royal Oak Hotel", postcode: "CV2 3CD"), taxiFirm: nil, when: nil,
            apparentAge: nil, dangerNow: false, contact: nil)
        _ = try await fixture.services.intake.submit(draft, channel: "web")
        let station = try #require(try fixture.base.store.linkedPremises(reference: reference).first?.premises)
        let royal = try #require(try fixture.base.store.searchPremises("royal oak").first)
        let stationBefore = try #require(try fixture.base.store.premisesHistory(name: "Station Hotel", postcode: "CV1 2AB", uprn: nil))
        let royalBefore = try #require(try fixture.base.store.premisesHistory(name: "Royal Oak Hotel", postcode: "CV2 3CD", uprn: nil))
        #expect(stationBefore.reportCount == 1 && !stationBefore.evidence.isEmpty)
        try fixture.base.store.linkReport(reference: reference, toPremises: royal.id, by: "olivia", at: "2026-12-06T10:00Z")
        let stationAfter = try fixture.base.store.premisesHistory(name: "Station Hotel", postcode: "CV1 2AB", uprn: nil)
        let royalAfter = try #require(try fixture.base.store.premisesHistory(name: "Royal Oak Hotel", postcode: "CV2 3CD", uprn: nil))
        #expect(stationAfter?.reportCount ?? 0 == 0 && stationAfter?.evidence.isEmpty ?? true)
        #expect(royalAfter.reportCount == royalBefore.reportCount + 1)
        #expect(royalAfter.evidence.count == royalBefore.evidence.count + stationBefore.evidence.count)
        #expect(try fixture.base.store.linkedReports(premises: royal.id).contains(reference))
        #expect(try fixture.base.store.linkedReports(premises: station.id).isEmpty)
        #expect(try fixture.base.store.linkedPremises(reference: reference).map(\.method) == ["officer"])
    }

    @Test func aReferredReportSaysSoOnTheReceiptPage() async throws {
        let fixture = try OfficerFixture()
        let (code, reference) = try await fixture.submitReport()
        let app = buildApplication(services: fixture.services)
        try await app.test(.router) { client in
            var officer = Browser()
            try await officer.signIn(client, "olivia")
            _ = try await officer.get(client, "/officer/reports/\(reference)")
            let status = try await officer.post(client, "/officer/reports/\(reference)/status", [("status", "referred")])
            #expect(status.status == .seeOther)
            let inbox = try await officer.get(client, "/officer?status=referred")
            #expect(String(buffer: inbox.body).contains("/officer/reports/\(reference)"))

            var reporter = Browser()
            _ = try await reporter.get(client, "/receipt")
            let page = try await reporter.post(client, "/receipt", [("code", code.grouped)])
            #expect(String(buffer: page.body).contains("Passed to a partner agency"))
        }
        #expect(try fixture.base.store.intakeReport(reference: reference)?.status == .referred)
    }

    @Test func anUploadedApplicationIsScreenedWithItsDeadlineAndLetter() async throws {
        let fixture = try OfficerFixture()
        let app = buildApplication(services: fixture.services)
        try await app.test(.router) { client in
            var browser = Browser()
            try await browser.signIn(client, "andy")
            let form = try await browser.get(client, "/officer/screen")
            #expect(form.status == .ok)
            #expect(String(buffer: form.body).contains("enctype=\"multipart/form-data\""))

            let upload = try await Self.postMultipart(
                client, &browser, "/officer/screen",
                [("as-of", nil, "2026-10-25"), ("file", "APP-2026-0001.json", Self.application), ("application", nil, "")])
            #expect(upload.status == .ok)
            let page = String(buffer: upload.body)
            #expect(page.contains("Last day for representations: 2026-11-17"))
            #expect(page.contains("KV/APP/2026/0001"))
            #expect(page.contains("<ol class=\"findings\">"))
            #expect(page.contains("<textarea id=\"letter\""))

            let letter = try await browser.post(
                client, "/officer/screen/letter",
                [("reference", "KV/APP/2026/0001"), ("letter", "# Representation\n\nEdited by the officer."), ("format", "md")])
            #expect(letter.status == .ok)
            #expect(letter.headers[.contentDisposition] == "attachment; filename=\"representation-KV-APP-2026-0001.md\"")
            #expect(String(buffer: letter.body) == "# Representation\n\nEdited by the officer.")

            // Pasted text works too; what cannot be read is explained, and nothing is screened.
            let pasted = try await browser.post(client, "/officer/screen", [("application", "{\"kind\": 3}")])
            #expect(pasted.status == .unprocessableContent)
            #expect(String(buffer: pasted.body).contains("cannot be read"))
            let noToken = try await Self.postMultipart(
                client, &browser, "/officer/screen", [("file", "a.json", Self.application)], csrf: false)
            #expect(noToken.status == .forbidden)
        }
        let audit = try fixture.base.store.officerAudit()
        #expect(audit.filter { $0.action == "screened" && $0.actor == "andy" }.count == 1)
        #expect(audit.contains { $0.action == "letter-downloaded" && $0.subject == "KV/APP/2026/0001" })
    }

    @Test func officerToolPagesRefuseAnonymousUsers() async throws {
        let fixture = try OfficerFixture()
        let app = buildApplication(services: fixture.services)
        try await app.test(.router) { client in
            for uri in ["/officer/screen", "/officer/premises", "/officer/premises/1", "/officer/drivers"] {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status == .seeOther, "\(uri)")
                #expect(response.headers[.location] == "/officer/sign-in")
            }
            var browser = Browser()
            _ = try await browser.get(client, "/officer/sign-in")
            let screen = try await browser.post(client, "/officer/screen", [("application", Self.application)])
            #expect(screen.status == .seeOther)
            let drivers = try await browser.signIn(client, "olivia")
            #expect(drivers.status == .seeOther)
            let page = try await browser.get(client, "/officer/drivers")
            #expect(page.status == .ok)
            #expect(String(buffer: page.body).contains("no taxi drivers"))
        }
        #expect(try fixture.base.store.officerAudit().contains { $0.action == "screened" } == false)
    }

    /// POSTs a multipart form (name, file name, content) with the CSRF token as a browser would.
    static func postMultipart(
        _ client: some TestClientProtocol, _ browser: inout Browser, _ uri: String,
        _ parts: [(String, String?, String)], csrf: Bool = true
    ) async throws -> TestResponse {
        let boundary = "----SafeguardTestBoundary7MA4YWxk"
        var body = ""
        for (name, filename, content) in (csrf ? [("csrf", nil, browser.token)] : []) + parts {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\""
            if let filename { body += "; filename=\"\(filename)\"\r\nContent-Type: application/json" }
            body += "\r\n\r\n\(content)\r\n"
        }
        body += "--\(boundary)--\r\n"
        var headers = browser.headers()
        headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
        let response = try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
        browser.remember(response)
        return response
    }
}
