import Foundation
import Hummingbird
import HummingbirdTesting
import SafeguardCore
import SafeguardStore
import Testing

@testable import SafeguardServer

/// The uncertain-matches review page and the ranked hotel list.
@Suite struct OfficerReviewPagesTests {
    /// Two hotels of the food-hygiene register (made up for the test).
    static let grand = FHRSEstablishment(
        fhrsID: 101, name: "The Grand Hotel", businessType: "Hotel/bed & breakfast/guest house", businessTypeID: 7842,
        addressLines: ["12 North Promenade", "Testbury"], postcode: "TB1 2AB", ratingValue: "4", localAuthorityName: "Test City")
    static let quay = FHRSEstablishment(
        fhrsID: 102, name: "Quayside Lodge", businessType: "Hotel/bed & breakfast/guest house", businessTypeID: 7842,
        addressLines: ["3 Harbour Road", "Testbury"], postcode: "TB2 9ZZ", ratingValue: "5", localAuthorityName: "Test City")

    /// A licence naming a different-looking premises at the Grand's house and postcode: an uncertain match.
    static let licence = PremisesLicenceEvent(
        extractDate: CalendarDay(iso: "2026-04-01"), organisationLabel: "Test City", caseReference: "PL/2026/0001",
        caseDate: CalendarDay(iso: "2026-01-06"), serviceTypeLabel: "Premises licence", premisesName: "Grandview Bar",
        locationText: "12 North Promenade, Testbury", postcode: "TB1 2AB", statusLabel: "Granted")

    @Test func anAnalystConfirmsOrRejectsUncertainMatches() async throws {
        let fixture = try OfficerFixture()
        let store = fixture.base.store
        _ = try store.recordEstablishments([Self.grand], extractDate: nil)
        _ = try store.recordLicenceEvents([Self.licence])
        _ = try store.recordEstablishments([Self.quay], extractDate: nil)
        var second = Self.licence
        second.caseReference = "PL/2026/0002"
        second.premisesName = "Harbourview Bar"
        second.locationText = "3 Harbour Road, Testbury"
        second.postcode = "TB2 9ZZ"
        _ = try store.recordLicenceEvents([second])
        let pending = try store.pendingLinks()
        try #require(pending.count == 2)
        #expect(try store.hotels().allSatisfy { $0.licences.isEmpty })

        let app = buildApplication(services: fixture.services)
        try await app.test(.router) { client in
            let anonymous = try await client.execute(uri: "/officer/links", method: .get)
            #expect(anonymous.status == .seeOther)
            #expect(anonymous.headers[.location] == "/officer/sign-in")

            var browser = Browser()
            try await browser.signIn(client, "andy")
            let list = String(buffer: try await browser.get(client, "/officer/links").body)
            #expect(list.contains("2 uncertain matches wait for review"))
            #expect(list.contains("Grandview Bar"))
            #expect(list.contains("The Grand Hotel"))
            #expect(list.contains("same name and house number") || list.contains("same postcode"))
            #expect(list.contains("/officer/links/\(pending[0].id)/confirm"))
            #expect(list.contains("href=\"/officer/links\""), "the navigation leads here")

            let noToken = try await browser.post(client, "/officer/links/\(pending[0].id)/confirm", [], csrf: false)
            #expect(noToken.status == .forbidden)
            let confirm = try await browser.post(client, "/officer/links/\(pending[0].id)/confirm", [])
            #expect(confirm.status == .seeOther)
            #expect(confirm.headers[.location] == "/officer/links?done=confirmed")
            let again = try await browser.post(client, "/officer/links/\(pending[0].id)/confirm", [])
            #expect(again.status == .notFound || again.status == .conflict)
            _ = try await browser.get(client, "/officer/links")
            let reject = try await browser.post(client, "/officer/links/\(pending[1].id)/reject", [])
            #expect(reject.status == .seeOther)
            let unknown = try await browser.post(client, "/officer/links/999999/reject", [])
            #expect(unknown.status == .notFound)
            let after = String(buffer: try await browser.get(client, "/officer/links?done=rejected").body)
            #expect(after.contains("No uncertain matches wait for review."))
            #expect(after.contains("Match rejected."))
        }
        #expect(try store.pendingLinks().isEmpty)
        // The confirmed licence joined the hotel; the rejected one stays apart.
        let hotels = try store.hotels()
        #expect(hotels.first { $0.establishment.name == "The Grand Hotel" }?.licences.count == 1)
        #expect(hotels.first { $0.establishment.name == "Quayside Lodge" }?.licences.isEmpty == true)
        let audit = try store.officerAudit().filter { $0.actor == "andy" }
        #expect(audit.contains { $0.action == "match-confirmed" && $0.subject == "match \(pending[0].id)" && $0.detail == "\(pending[0].entityID) and \(pending[0].candidateID)" })
        #expect(audit.contains { $0.action == "match-rejected" && $0.subject == "match \(pending[1].id)" })
        #expect(audit.contains { $0.action == "viewed" && $0.subject == "uncertain matches" })
    }

    @Test func theHotelListRanksFlaggedHotelsFirstAndLinksToEachPremises() async throws {
        let fixture = try OfficerFixture()
        let store = fixture.base.store
        _ = try store.recordEstablishments([Self.quay, Self.grand], extractDate: nil)
        // Two reports at the Grand: young people and condoms (the hotel rule's advisory-letter outcome).
        let day = CalendarDay(iso: "2026-11-20")!
        for (number, sign) in [("WB-0001", "young-people"), ("WB-0002", "condoms")] {
            _ = try store.saveReports([
                ReportRecord(
                    receiptID: number, received: day, role: .hotelStaff, text: "made-up report text", signs: ["young-people", sign],
                    evidence: [
                        Evidence(sign: "young-people", source: .report, sourceID: number, date: day, snippet: "girls about 14"),
                        Evidence(sign: sign, source: .report, sourceID: number, date: day, snippet: "made-up snippet"),
                    ],
                    place: PlaceReference(premises: "The Grand Hotel", postcode: "TB1 2AB"))
            ])
        }
        let grandID = try #require(try store.searchPremises("grand hotel").first?.id)
        let quayID = try #require(try store.searchPremises("quayside").first?.id)

        let app = buildApplication(services: fixture.services)
        try await app.test(.router) { client in
            let anonymous = try await client.execute(uri: "/officer/hotels", method: .get)
            #expect(anonymous.status == .seeOther)

            var browser = Browser()
            try await browser.signIn(client, "olivia")
            let response = try await browser.get(client, "/officer/hotels")
            #expect(response.status == .ok)
            let page = String(buffer: response.body)
            #expect(page.contains("2 hotels scored"))
            #expect(page.contains("<strong>1 flagged</strong>"))
            let grand = try #require(page.range(of: "<a href=\"/officer/premises/\(grandID)\">The Grand Hotel</a>"))
            let quay = try #require(page.range(of: "<a href=\"/officer/premises/\(quayID)\">Quayside Lodge</a>"))
            #expect(grand.lowerBound < quay.lowerBound, "the flagged hotel comes first")
            #expect(page.contains("<td>1</td><td><a href=\"/officer/premises/\(grandID)\">"))
            #expect(page.contains("<strong>advisory-letter</strong>"))
            // The flagged row names its strongest finding as the main reason; the other has none.
            #expect(page.contains(try Regex("<strong>advisory-letter</strong></td><td>[0-9]+\\.[0-9]</td><td>[^–<]+</td><td>2</td>")))
            #expect(page.contains("<td>none</td><td>0.0</td><td>–</td>"))
            #expect(page.contains("href=\"/officer/hotels\""), "the navigation leads here")
        }
        #expect(try store.officerAudit().contains { $0.action == "viewed" && $0.subject == "hotels" && $0.actor == "olivia" })
    }
}
