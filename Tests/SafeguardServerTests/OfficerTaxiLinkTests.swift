import Foundation
import Hummingbird
import HummingbirdTesting
import SafeguardCore
import SafeguardStore
import Testing

@testable import SafeguardServer

/// Linking a report to a taxi driver and a vehicle from the report's page, and unlinking them.
@Suite struct OfficerTaxiLinkTests {
    /// Two drivers and one licensed vehicle (made up for the test).
    static func register(_ store: SQLiteStore) throws {
        _ = try store.recordDrivers([
            TaxiDriverLicence(
                licenceNumber: "PH/1234", licenceType: .privateHire, holderName: "Test Driver One", badgeNumber: "B 5521",
                issuingAuthority: "Test City Council", status: .active),
            TaxiDriverLicence(
                licenceNumber: "PH/1299", licenceType: .hackney, badgeNumber: "B5599", issuingAuthority: "Test City Council",
                status: .active),
        ])
        _ = try store.recordVehicles([
            TaxiVehicleLicence(
                licenceNumber: "V100", licenceType: .privateHire, vehicleRegistration: "AB12 CDE",
                issuingAuthority: "Test City Council", status: .active)
        ])
    }

    @Test func anOfficerLinksAndUnlinksADriverAndAVehicle() async throws {
        let fixture = try OfficerFixture()
        try Self.register(fixture.base.store)
        let (_, reference) = try await fixture.submitReport(
            text: "A taxi driver kept bringing young girls to the hotel late at night and taking them up to rooms.")
        let drivers = try fixture.base.store.searchDrivers("b5521")
        let driver = try #require(drivers.first)
        #expect(drivers.map(\.licenceNumber) == ["PH/1234"])
        #expect(try fixture.base.store.searchDrivers("PH 1299").map(\.licenceNumber) == ["PH/1299"])
        #expect(try fixture.base.store.searchDrivers("PH1").count == 2)

        let app = buildApplication(services: fixture.services)
        try await app.test(.router) { client in
            var browser = Browser()
            try await browser.signIn(client, "olivia")
            let search = try await browser.get(client, "/officer/reports/\(reference)?dq=B+5521")
            let page = String(buffer: search.body)
            #expect(page.contains("name=\"driver\" value=\"\(driver.id)\""))
            #expect(page.contains("licence PH/1234, badge B 5521"))
            #expect(!page.contains("PH/1299"))
            #expect(!page.contains("Test Driver One"), "the holder's name is not shown")

            let noToken = try await browser.post(
                client, "/officer/reports/\(reference)/link-driver", [("driver", "\(driver.id)")], csrf: false)
            #expect(noToken.status == .forbidden)
            let link = try await browser.post(client, "/officer/reports/\(reference)/link-driver", [("driver", "\(driver.id)")])
            #expect(link.status == .seeOther)
            let missing = try await browser.post(client, "/officer/reports/\(reference)/link-driver", [("driver", "999999")])
            #expect(missing.status == .unprocessableContent)
            let vehicle = try await browser.post(client, "/officer/reports/\(reference)/link-vehicle", [("registration", "ab12 cde")])
            #expect(vehicle.status == .seeOther)
            let badPlate = try await browser.post(client, "/officer/reports/\(reference)/link-vehicle", [("registration", "--")])
            #expect(badPlate.status == .unprocessableContent)

            let detail = String(buffer: try await browser.get(client, "/officer/reports/\(reference)").body)
            #expect(detail.contains("Linked to driver licence PH/1234"))
            #expect(detail.contains("Linked to vehicle AB12CDE: plate V100 (Test City Council), active"))
            #expect(detail.contains("/officer/reports/\(reference)/unlink-driver"))
            // The inbox filters by what a report is linked to.
            for (filter, listed) in [("driver", true), ("vehicle", true), ("premises", true), ("none", false)] {
                let inbox = String(buffer: try await browser.get(client, "/officer?linked=\(filter)").body)
                #expect(inbox.contains("/officer/reports/\(reference)\"") == listed, "linked=\(filter)")
            }
        }
        let linked = try fixture.base.store.linkedTaxi(reference: reference)
        #expect(linked.driver?.driver.id == driver.id && linked.driver?.method == "officer")
        #expect(linked.vehicle?.vehicle.registration == "AB12CDE" && linked.vehicle?.method == "officer")
        #expect(try fixture.base.store.linkedReports(entity: driver.id, role: "driver") == [reference])
        // The driver check now counts the report for this driver (by its badge) and for the plate.
        let documents = try fixture.base.store.taxiRegister().documents.filter { $0.id == reference }
        #expect(documents.map(\.badgeKey) == ["B5521"])
        #expect(documents.map(\.registrationKey) == ["AB12CDE"])
        // The premises link the resolver made stays as it was.
        #expect(try fixture.base.store.linkedPremises(reference: reference).map(\.premises.name) == ["Station Hotel"])

        try await app.test(.router) { client in
            var browser = Browser()
            try await browser.signIn(client, "olivia")
            _ = try await browser.get(client, "/officer/reports/\(reference)")
            #expect(try await browser.post(client, "/officer/reports/\(reference)/unlink-driver", []).status == .seeOther)
            #expect(try await browser.post(client, "/officer/reports/\(reference)/unlink-vehicle", []).status == .seeOther)
            let detail = String(buffer: try await browser.get(client, "/officer/reports/\(reference)").body)
            #expect(detail.contains("This report is not linked to a driver."))
            #expect(detail.contains("This report is not linked to a vehicle."))
            let inbox = String(buffer: try await browser.get(client, "/officer?linked=driver").body)
            #expect(!inbox.contains("/officer/reports/\(reference)\""))
        }
        let after = try fixture.base.store.linkedTaxi(reference: reference)
        #expect(after.driver == nil && after.vehicle == nil)
        #expect(try fixture.base.store.taxiRegister().documents.filter { $0.id == reference }.isEmpty)
        let audit = try fixture.base.store.officerAudit().filter { $0.subject == reference && $0.actor == "olivia" }
        #expect(audit.contains { $0.action == "linked" && $0.detail == "driver E\(driver.id) (licence PH/1234)" })
        #expect(audit.contains { $0.action == "linked" && $0.detail.hasPrefix("vehicle E") && $0.detail.hasSuffix("(AB12CDE)") })
        #expect(audit.contains { $0.action == "unlinked" && $0.detail == "driver E\(driver.id)" })
        #expect(audit.contains { $0.action == "unlinked" && $0.detail.hasPrefix("vehicle E") })
    }

    @Test func linkingIsRefusedToAnonymousUsersAndAnalysts() async throws {
        let fixture = try OfficerFixture()
        try Self.register(fixture.base.store)
        let (_, reference) = try await fixture.submitReport()
        let driver = try #require(try fixture.base.store.searchDrivers("B5521").first)
        let app = buildApplication(services: fixture.services)
        try await app.test(.router) { client in
            var anonymous = Browser()
            _ = try await anonymous.get(client, "/officer/sign-in")
            let post = try await anonymous.post(client, "/officer/reports/\(reference)/link-driver", [("driver", "\(driver.id)")])
            #expect(post.status == .seeOther)
            #expect(post.headers[.location] == "/officer/sign-in")

            var analyst = Browser()
            try await analyst.signIn(client, "andy")
            _ = try await analyst.get(client, "/officer")
            let refused = try await analyst.post(client, "/officer/reports/\(reference)/link-vehicle", [("registration", "AB12CDE")])
            #expect(refused.status == .forbidden)
        }
        let linked = try fixture.base.store.linkedTaxi(reference: reference)
        #expect(linked.driver == nil && linked.vehicle == nil)
        #expect(try !fixture.base.store.officerAudit().contains { $0.action == "linked" })
    }
}
