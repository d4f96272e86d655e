import Foundation
import Hummingbird
import HummingbirdTesting
import SafeguardCore
import SafeguardStore
import SafeguardStorePostgres
import Testing

@testable import SafeguardServer

/// The officers' pages over the PostgreSQL store (issue 14), on a loopback port as `safeguard
/// serve --db postgres://…` runs them. Skipped unless `SAFEGUARD_TEST_POSTGRES_URL` is set.
@Suite(.enabled(if: PostgresTestCluster.adminURL != nil, "set SAFEGUARD_TEST_POSTGRES_URL (e.g. `. .ci/postgres`) to run the PostgreSQL half"))
struct PostgresOfficerRoutesTests {
    @Test func anOfficerSignsInSeesTheInboxAndRepliesOnPostgreSQL() async throws {
        // Given a server over PostgreSQL for Coventry, with one officer and one report sent,
        var base = try ServerFixture()
        base.configuration.officers.scryptCost = 1 << 10
        base.configuration.officers.failureDelayMilliseconds = 0
        let store = try PostgresIntakeRoutesTests.store(authority: "coventry")
        let hasher = PasswordHasher(configuration: base.configuration.officers)
        try store.addOfficerUser(
            username: "olivia", displayName: "Olivia", role: .officer, authorityID: "local",
            passwordHash: try hasher.hash(OfficerFixture.password), at: "2026-12-06T10:00Z")
        let services = try ServerServices(configuration: base.configuration, store: store)
        let receipt = try await services.intake.submit(
            IntakeService.Draft(
                role: .hotelStaff, roleLabel: "Hotel or B&B staff", seen: "",
                text: "Three men kept going to room 12 with a girl who looked about 14.", signs: [],
                place: PlaceReference(premises: "Station Hotel", postcode: "CV1 2AB"), taxiFirm: nil, when: nil,
                apparentAge: "13-15", dangerNow: false, contact: nil),
            channel: "web")
        let reference = receipt.reference
        let app = buildApplication(services: services)
        try await app.test(.live) { client in
            // when the officer signs in, the inbox lists the report and its page opens the sealed text,
            var officer = Browser()
            #expect(try await officer.signIn(client, "olivia").status == .seeOther)
            let inbox = try await officer.get(client, "/officer")
            #expect(inbox.status == .ok)
            #expect(String(buffer: inbox.body).contains(reference))
            let detail = try await officer.get(client, "/officer/reports/\(reference)")
            #expect(detail.status == .ok)
            #expect(String(buffer: detail.body).contains("room 12"))
            // and the officer replies, moves it on and takes it,
            let reply = try await officer.post(
                client, "/officer/reports/\(reference)/reply", [("text", "Thank you, we are visiting the hotel.")])
            #expect(reply.status == .seeOther)
            #expect(
                try await officer.post(client, "/officer/reports/\(reference)/status", [("status", "in-progress")]).status
                    == .seeOther)
            #expect(
                try await officer.post(client, "/officer/reports/\(reference)/allocate", [("officer", "olivia")]).status
                    == .seeOther)
            // then the reporter reads the reply with the receipt code.
            var reporter = Browser()
            _ = try await reporter.get(client, "/receipt")
            let page = try await reporter.post(client, "/receipt", [("code", receipt.code.grouped)])
            #expect(page.status == .ok)
            #expect(String(buffer: page.body).contains("Thank you, we are visiting the hotel."))
        }
        let stored = try #require(try store.intakeReport(reference: reference))
        #expect(stored.status == .inProgress)
        #expect(try store.reportAllocations()[reference] == "olivia")
        let actions = try store.officerAudit().map(\.action)
        #expect(actions.contains("signed-in") && actions.contains("viewed"))
        #expect(actions.contains("replied") && actions.contains("status") && actions.contains("allocated"))
        // The audit is append-only in PostgreSQL too.
        #expect(throws: StoreError.self) { try store.rawExecute("DELETE FROM officer_audit") }
    }

    @Test func theScreeningAndDriverCheckPagesWorkOnPostgreSQL() async throws {
        // Given a server over PostgreSQL for Kelverton with an officer and two licensed drivers,
        var base = try ServerFixture()
        base.configuration.officers.scryptCost = 1 << 10
        base.configuration.officers.failureDelayMilliseconds = 0
        let store = try PostgresIntakeRoutesTests.store(authority: "kelverton")
        let hasher = PasswordHasher(configuration: base.configuration.officers)
        try store.addOfficerUser(
            username: "olivia", displayName: "Olivia", role: .officer, authorityID: "local",
            passwordHash: try hasher.hash(OfficerFixture.password), at: "2026-12-06T10:00Z")
        _ = try store.recordDrivers([
            TaxiDriverLicence(
                licenceNumber: "KV/PH/1", licenceType: .privateHire, issuingAuthority: "Kelverton Borough Council",
                status: .active),
            TaxiDriverLicence(
                licenceNumber: "KV/PH/2", licenceType: .privateHire, issuingAuthority: "Kelverton Borough Council",
                status: .active),
        ])
        let services = try ServerServices(configuration: base.configuration, store: store)
        let app = buildApplication(services: services)
        try await app.test(.live) { client in
            var officer = Browser()
            #expect(try await officer.signIn(client, "olivia").status == .seeOther)
            // when the officer screens a pasted application, the result and its letter come back,
            let form = try await officer.get(client, "/officer/screen")
            #expect(form.status == .ok)
            let screened = try await officer.post(client, "/officer/screen", [("application", OfficerToolsTests.application)])
            #expect(screened.status == .ok)
            let page = String(buffer: screened.body)
            #expect(page.contains("KV/APP/2026/0001"))
            #expect(page.contains("<textarea id=\"letter\""))
            #expect(!page.contains("PostgreSQL"))
            // and the driver check reads the register from PostgreSQL.
            let drivers = try await officer.get(client, "/officer/drivers")
            #expect(drivers.status == .ok)
            #expect(String(buffer: drivers.body).contains("2 drivers checked"))
        }
        // The decision is stored for Kelverton (for replay), and the screening is in the audit.
        #expect(try store.rawRows("SELECT reference FROM screening_decision") == [["KV/APP/2026/0001"]])
        #expect(try store.officerAudit().contains { $0.action == "screened" })
    }
}
