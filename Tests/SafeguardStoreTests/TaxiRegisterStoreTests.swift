import Foundation
import SafeguardCore
import SafeguardStore
import Testing

/// The taxi register beyond the licences (`TaxiRegisterStore`: licence history, NR3S searches,
/// s.5 notifications with s.6 replies, read back for `safeguard drivers`) on every backend.
@Suite struct TaxiRegisterStoreTests {
    static func day(_ iso: String) -> CalendarDay { CalendarDay(iso: iso)! }

    static func register(_ backend: StoreBackend, authority: String = "test") throws -> any SafeguardStore & TaxiRegisterStore {
        try #require(try backend.makeStore(authority: authority) as? any SafeguardStore & TaxiRegisterStore)
    }

    static let refusal = TaxiLicenceEvent(
        licenceNumber: "PH/1", issuingAuthority: "Kelverton", decidedBy: "Kelverton", kind: .refusal,
        date: day("2024-03-01"), reason: .safeguardingConcern)
    static let revocation = TaxiLicenceEvent(
        licenceNumber: "PH/2", issuingAuthority: "Kelverton", decidedBy: "Kelverton", kind: .revocation,
        date: day("2023-01-10"), reason: .sexualOffence, victimAgeBand: .from13to15)

    @Test(arguments: StoreBackend.available) func historyIsCountedAndAReRunChangesNothing(backend: StoreBackend) throws {
        let store = try Self.register(backend)
        // Given a batch that gives the refusal twice, the second time with another reason,
        var corrected = Self.refusal
        corrected.reason = .violence
        let first = try store.recordTaxiHistory([Self.refusal, Self.revocation, corrected])
        // then the repeat counts as an update of the first, and the last version is kept;
        #expect(first.read == 3)
        #expect(first.new == 2)
        #expect(first.updated == 1)
        // the same events again change nothing, and a changed age band is one update.
        let again = try store.recordTaxiHistory([corrected, Self.revocation])
        #expect(again.unchanged == 2)
        #expect(again.new + again.updated == 0)
        var band = Self.revocation
        band.victimAgeBand = .under13
        #expect(try store.recordTaxiHistory([band]).updated == 1)
        // Read back oldest first, with reason and age band.
        let history = try store.taxiRegister().history
        #expect(history == [band, corrected])
    }

    @Test(arguments: StoreBackend.available) func nr3sSearchesAndSection6RepliesAreKeptByLicenceAndDay(backend: StoreBackend) throws {
        let store = try Self.register(backend)
        let search = NR3SSearch(
            licenceNumber: "PH/1", issuingAuthority: "Kelverton", applicationKind: .grant, applicationOn: Self.day("2024-02-01"),
            searchedOn: Self.day("2024-02-03"), matched: true, recordingAuthority: "Ravensmoor",
            detailsRequestedOn: Self.day("2024-02-04"))
        let late = NR3SSearch(
            licenceNumber: "PH/2", issuingAuthority: "Kelverton", applicationKind: .renewal, applicationOn: Self.day("2024-06-01"))
        #expect(try store.recordNR3SSearches([late, search]).new == 2)
        #expect(try store.recordNR3SSearches([late, search]).unchanged == 2)
        var received = search
        received.detailsReceivedOn = Self.day("2024-02-20")
        received.decidedOn = Self.day("2024-03-01")
        let update = try store.recordNR3SSearches([received])
        #expect(update.updated == 1)
        #expect(update.new == 0)

        let reply = Section6Reply(
            licenceNumber: "RM/PH/9", issuingAuthority: "Ravensmoor", notifiedOn: Self.day("2024-04-01"))
        #expect(try store.recordSection6Replies([reply]).new == 1)
        var answered = reply
        answered.repliedOn = Self.day("2024-04-20")
        answered.decision = .suspended
        answered.note = "suspended pending review"
        // A batch holding the notification and then its reply: one new row's worth of change, counted as an update.
        let replies = try store.recordSection6Replies([reply, answered])
        #expect(replies.unchanged == 1)
        #expect(replies.updated == 1)

        let register = try store.taxiRegister()
        // NR3S searches by application date, the later details kept; replies with the decision.
        #expect(register.nr3s == [received, late])
        #expect(register.replies == [answered])
    }

    @Test(arguments: StoreBackend.available) func theRegisterReadsLicencesAndTheDocumentsNamingABadgeOrAPlate(backend: StoreBackend) throws {
        let store = try Self.register(backend)
        let driver = TaxiDriverLicence(
            licenceNumber: "PH/1", licenceType: .privateHire, badgeNumber: "B-101", issuingAuthority: "Kelverton",
            expiresOn: Self.day("2026-01-01"), status: .active, dbsUpdateService: true, barredListsChecked: false,
            vehicleRegistration: "KV21 ABC")
        let vehicle = TaxiVehicleLicence(
            licenceNumber: "V/1", licenceType: .privateHire, vehicleRegistration: "KV21 ABC", make: "Skoda",
            issuingAuthority: "Kelverton", status: .active)
        _ = try store.recordDrivers([driver])
        _ = try store.recordVehicles([vehicle])
        _ = try store.recordOperators([
            TaxiOperatorLicence(licenceNumber: "OP/1", operatorName: "Cars Ltd", issuingAuthority: "Kelverton", status: .active)
        ])
        // A report naming the badge, intelligence naming the plate, and one naming neither.
        let day = Self.day("2024-05-01")
        _ = try store.saveReports([
            ReportRecord(
                receiptID: "WB-1", received: day, role: .hotelStaff, seen: "driver dropped girls at the side door",
                text: "", signs: ["young-people"],
                evidence: [Evidence(sign: "young-people", source: .report, sourceID: "WB-1", date: day, snippet: "girls")],
                place: PlaceReference(badge: "b101"))
        ])
        _ = try store.saveIntelligence([
            IntelligenceRecord(
                id: "INT-1", date: day, source: .police, place: PlaceReference(vehicle: "kv21abc"), signs: ["night-traffic"],
                summary: "car seen at 3am outside the hotel",
                evidence: [Evidence(sign: "night-traffic", source: .intelligence, sourceID: "INT-1", date: day, snippet: "3am")]),
            IntelligenceRecord(
                id: "INT-2", date: day, source: .police, place: PlaceReference(premises: "The Grand Hotel", postcode: "FY1 2AB"),
                summary: "nothing about a taxi"),
        ])
        let register = try store.taxiRegister()
        #expect(register.drivers == [driver])
        #expect(register.vehicles == [vehicle])
        #expect(register.operators.map(\.operatorName) == ["Cars Ltd"])
        #expect(register.documents.map(\.id) == ["WB-1", "INT-1"])
        #expect(register.documents.map(\.badgeKey) == ["B101", nil])
        #expect(register.documents.map(\.registrationKey) == [nil, "KV21ABC"])
        #expect(register.documents.map { $0.evidence.map(\.sign) } == [["young-people"], ["night-traffic"]])
        #expect(register.documents[0].snippet == "driver dropped girls at the side door")
    }
}
