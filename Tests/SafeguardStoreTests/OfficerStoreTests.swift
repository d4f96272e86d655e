import Foundation
import SafeguardCore
import SafeguardStore
import SafeguardStorePostgres
import Testing

/// The officers' tables (`OfficerStore`) on every backend: SQLite always, PostgreSQL when
/// `SAFEGUARD_TEST_POSTGRES_URL` is set (`. .ci/postgres`).
@Suite struct OfficerStoreTests {
    static func officerStore(_ backend: StoreBackend) throws -> any OfficerStore {
        try #require(try backend.makeStore() as? any OfficerStore)
    }

    @Test(arguments: StoreBackend.available) func usersSessionsAndLockOut(backend: StoreBackend) throws {
        let store = try Self.officerStore(backend)
        try store.addOfficerUser(
            username: "olivia", displayName: "Olivia", role: .officer, authorityID: "local", passwordHash: "scrypt$x",
            at: "2026-12-06T10:00Z")
        try store.addOfficerUser(
            username: "andy", displayName: "Andy", role: .analyst, authorityID: "local", passwordHash: "scrypt$y",
            at: "2026-12-06T10:01Z")
        #expect(throws: StoreError.self) {
            try store.addOfficerUser(
                username: "olivia", displayName: "Other", role: .admin, authorityID: "local", passwordHash: "h",
                at: "2026-12-06T10:02Z")
        }
        #expect(try store.officerUsers().map(\.username) == ["andy", "olivia"])
        let olivia = try #require(try store.officerUser(username: "olivia"))
        #expect(try store.officerUser(id: olivia.id)?.role == .officer)
        // A session is found by its hash, moves on, and ends when the user is disabled.
        let session = OfficerSession(idHash: [0, 1, 0xff], userID: olivia.id, authorityID: "local", createdAt: 100, lastSeenAt: 100)
        try store.startOfficerSession(session, at: "2026-12-06T10:05Z")
        try store.touchOfficerSession(idHash: [0, 1, 0xff], at: 160)
        #expect(try store.officerSession(idHash: [0, 1, 0xff])?.lastSeenAt == 160)
        #expect(try store.setOfficerUserDisabled(username: "olivia", disabled: true, at: "2026-12-06T10:06Z"))
        #expect(try store.officerSession(idHash: [0, 1, 0xff]) == nil)
        #expect(try store.officerUser(username: "olivia")?.disabled == true)
        #expect(try !store.setOfficerUserDisabled(username: "nobody", disabled: true, at: "2026-12-06T10:06Z"))
        // Failures lock the account at the limit; a reset clears it.
        #expect(try store.recordFailedSignIn(userID: olivia.id, lockAfter: 2, lockUntil: 999, at: "2026-12-06T10:07Z") == 1)
        #expect(try store.recordFailedSignIn(userID: olivia.id, lockAfter: 2, lockUntil: 999, at: "2026-12-06T10:08Z") == 2)
        #expect(try store.officerUser(id: olivia.id)?.lockedUntil == 999)
        #expect(try store.resetOfficerPassword(username: "olivia", passwordHash: "scrypt$z", at: "2026-12-06T10:09Z"))
        let reset = try #require(try store.officerUser(id: olivia.id))
        #expect(reset.lockedUntil == nil && reset.failedAttempts == 0 && reset.passwordHash == "scrypt$z")
        #expect(try store.setOfficerTOTP(username: "olivia", secret: "JBSWY3DP", required: true, at: "2026-12-06T10:10Z"))
        #expect(try store.officerUser(id: olivia.id)?.totpSecret == "JBSWY3DP")
        #expect(try store.officerAudit().map(\.action) == [
            "user-added", "user-added", "signed-in", "user-disabled", "sign-in-failed", "locked-out", "password-reset", "totp-set",
        ])
    }

    @Test(arguments: StoreBackend.available) func reportLinksMoveTheReportsEvidence(backend: StoreBackend) throws {
        let store = try Self.officerStore(backend)
        _ = try store.recordEstablishments([grandHotel, cafe], extractDate: CalendarDay(iso: "2020-11-11"))
        try store.saveIntakeReports([IntakeStoreTests.submission("WEB-LINK", hashByte: 5)])
        // The resolver linked the report to the Grand Hotel, where its evidence counts.
        let linked = try store.linkedPremises(reference: "WEB-LINK")
        #expect(linked.map(\.premises.name) == ["The Grand Hotel"])
        let hotel = try #require(linked.first?.premises)
        #expect(hotel.isHotel)
        #expect(try store.hotel(entityID: hotel.id)?.establishment.fhrsID == 101)
        let seaView = try #require(try store.searchPremises("sea view").first)
        #expect(seaView.name == "Sea View Cafe" && !seaView.isHotel)
        #expect(try store.searchPremises("FY12AB").map(\.name) == ["The Grand Hotel", "Sea View Cafe"])

        // When an officer moves the report to the cafe, its link and evidence follow,
        try store.linkReport(reference: "WEB-LINK", toPremises: seaView.id, by: "olivia", at: "2026-12-06T11:00Z")
        #expect(try store.linkedPremises(reference: "WEB-LINK").map(\.method) == ["officer"])
        #expect(try store.linkedReports(premises: seaView.id) == ["WEB-LINK"])
        #expect(try store.linkedReports(premises: hotel.id).isEmpty)
        #expect(try store.tableCounts()["evidence"] == 1)
        // a vehicle link adds a copy of the evidence for the vehicle, and unlinking takes it away again,
        let vehicle = try store.linkReport(
            reference: "WEB-LINK", toVehicleRegistration: "ab12 cde", by: "olivia", at: "2026-12-06T11:05Z")
        #expect(vehicle.registration == "AB12CDE")
        #expect(try store.linkedTaxi(reference: "WEB-LINK").vehicle?.vehicle.id == vehicle.id)
        #expect(try store.reportLinkRoles()["WEB-LINK"] == ["premises", "vehicle"])
        #expect(try store.tableCounts()["evidence"] == 2)
        try store.unlinkReport(reference: "WEB-LINK", role: "vehicle", by: "olivia", at: "2026-12-06T11:06Z")
        #expect(try store.linkedTaxi(reference: "WEB-LINK").vehicle == nil)
        #expect(try store.tableCounts()["evidence"] == 1)
        // and with the premises link removed too, one unattached copy remains.
        try store.unlinkReport(reference: "WEB-LINK", by: "olivia", at: "2026-12-06T11:07Z")
        #expect(try store.linkedPremises(reference: "WEB-LINK").isEmpty)
        #expect(try store.tableCounts()["evidence"] == 1)
        #expect(throws: StoreError.self) {
            try store.linkReport(reference: "WEB-LINK", toPremises: 987_654, by: "olivia", at: "2026-12-06T11:08Z")
        }
        try store.allocateReport(reference: "WEB-LINK", to: "olivia", by: "ada", at: "2026-12-06T11:09Z")
        #expect(try store.reportAllocations() == ["WEB-LINK": "olivia"])
        try store.allocateReport(reference: "WEB-LINK", to: nil, by: "ada", at: "2026-12-06T11:10Z")
        #expect(try store.reportAllocations().isEmpty)
        #expect(try store.officerAudit().map(\.action) == ["linked", "linked", "unlinked", "unlinked", "allocated", "allocated"])
    }
}
