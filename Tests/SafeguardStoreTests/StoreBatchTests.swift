import Foundation
import SafeguardCore
import Testing
@testable import SafeguardStore

/// Batches that repeat a record, name one premises or vehicle twice, or change a licence within
/// the batch: every backend stores the rows, links and counts that writing the records one by one
/// gives (PostgreSQL resolves a whole batch in memory and writes it set-based, so these are the
/// cases where that could drift from SQLite's row-by-row writes).
@Suite struct StoreBatchTests {
    static let register: [PremisesLicenceEvent] = {
        var varied = grandLicence
        varied.caseDate = CalendarDay(iso: "2021-03-01")
        varied.statusLabel = "Varied"
        var bar = grandLicence
        bar.caseReference = "PL/2020/0001"
        bar.premisesName = "Grandview Bar"
        var noPostcode = grandLicence
        noPostcode.caseReference = "PL/2020/0002"
        noPostcode.postcode = nil
        noPostcode.locationText = "12 North Promenade, Blackpool"
        // A new case, a later row of it, the first row again, an uncertain neighbour and a same-named
        // case without a postcode, all in one batch.
        return [grandLicence, varied, grandLicence, bar, noPostcode]
    }()

    @Test(arguments: StoreBackend.available) func aLicenceBatchThatRepeatsACaseStoresItsHistoryOnce(backend: StoreBackend) throws {
        let store = try backend.makeStore()
        let first = try store.recordLicenceEvents(Self.register)
        #expect(first.read == 5)
        #expect(first.new == 3)
        #expect(first.updated == 1)
        #expect(first.unchanged == 1)
        #expect(first.linked == 0)
        #expect(first.uncertain == 2)
        let counts = try store.tableCounts()
        #expect(counts["licence_case"] == 3)
        #expect(counts["licence_event"] == 4)
        #expect(counts["entity"] == 3)
        // The neighbour at the same house and the same name without a postcode are both queued
        // against the entity the batch made for the hotel's case, not merged (entities numbered in
        // the order the records made them).
        let pending = try store.pendingLinks()
        #expect(pending.map(\.entityName) == ["Grandview Bar", "Grand Hotel"])
        #expect(pending.map(\.entityPostcode) == ["fy12ab", nil])
        #expect(pending.map(\.candidateName) == ["Grand Hotel", "Grand Hotel"])
        #expect(pending.map(\.entityID) == ["E2", "E3"])
        #expect(pending.map(\.candidateID) == ["E1", "E1"])

        // The next extract repeats the register: nothing new, and the rows take its date.
        let later = Self.register.map { event -> PremisesLicenceEvent in
            var event = event
            event.extractDate = CalendarDay(iso: "2023-05-01")
            return event
        }
        let second = try store.recordLicenceEvents(later)
        #expect(second.unchanged == 5)
        #expect(second.new + second.updated == 0)
        #expect(try store.tableCounts()["licence_event"] == 4)

        // The FHRS hotel then joins the case's entity, and its snapshot shows the case's history.
        #expect(try store.recordEstablishments([grandHotel], extractDate: nil).linked == 1)
        let hotel = try #require(try store.hotels().first)
        #expect(hotel.entityID == "E1")
        #expect(hotel.licences.map(\.caseReference) == ["PL/2019/0042"])
        #expect(hotel.licences.first?.events == 2)
        #expect(hotel.licences.first?.status == "Varied")
        #expect(hotel.licences.first?.extractDate == CalendarDay(iso: "2023-05-01"))
    }

    @Test(arguments: StoreBackend.available) func aTaxiBatchThatChangesALicenceKeepsItsLastVersionAndLinks(backend: StoreBackend) throws {
        let store = try backend.makeStore()
        let first = TaxiDriverLicence(
            licenceNumber: "D1", licenceType: .privateHire, badgeNumber: "PH 0001", issuingAuthority: "Coventry",
            status: .active, vehicleRegistration: "AB12 CDE")
        let second = TaxiDriverLicence(
            licenceNumber: "D2", licenceType: .privateHire, badgeNumber: "PH 0002", issuingAuthority: "Coventry",
            status: .active, vehicleRegistration: "ab12cde")
        var moved = first
        moved.vehicleRegistration = "XY99 ZZZ"
        // Two drivers share a vehicle made by the first of them; the first then changes vehicle.
        let drivers = try store.recordDrivers([first, second, moved])
        #expect(drivers.new == 2)
        #expect(drivers.updated == 1)
        #expect(drivers.linked == 1)
        #expect(try store.tableCounts()["taxi_driver"] == 2)
        #expect(try store.tableCounts()["entity"] == 4)
        #expect(try store.tableCounts()["entity_link"] == 2)
        #expect(try store.recordDrivers([second, moved]).unchanged == 2)

        let car = TaxiVehicleLicence(
            licenceNumber: "V1", licenceType: .privateHire, vehicleRegistration: "AB12CDE", issuingAuthority: "Coventry",
            status: .active)
        let van = TaxiVehicleLicence(
            licenceNumber: "V2", licenceType: .privateHire, vehicleRegistration: "XY99ZZZ", issuingAuthority: "Coventry",
            status: .active)
        var newcomer = van
        newcomer.licenceNumber = "V3"
        newcomer.vehicleRegistration = "NEW 1"
        let vehicles = try store.recordVehicles([car, van, car, newcomer])
        #expect(vehicles.new == 3)
        #expect(vehicles.unchanged == 1)
        #expect(vehicles.linked == 2)
        #expect(try store.tableCounts()["taxi_vehicle"] == 3)
        #expect(try store.tableCounts()["entity"] == 5)

        // The moved driver's badge and new vehicle lead to its entities, not the old vehicle's.
        let intel = IntelligenceRecord(
            id: "INT-1", date: CalendarDay(iso: "2024-01-01")!, source: .police,
            place: PlaceReference(vehicle: "XY99ZZZ", badge: "ph0001"), summary: "vehicle seen outside")
        #expect(try store.saveIntelligence([intel]).linked == 2)

        var revoked = TaxiOperatorLicence(licenceNumber: "O1", operatorName: "Cabs Ltd", issuingAuthority: "Coventry", status: .active)
        let operators = [revoked, revoked]
        revoked.status = .revoked
        let summary = try store.recordOperators(operators + [revoked])
        #expect(summary.new == 1)
        #expect(summary.unchanged == 1)
        #expect(summary.updated == 1)
        #expect(try store.tableCounts()["taxi_operator"] == 1)
        #expect(try store.recordOperators([revoked]).unchanged == 1)

        // A later register moves the driver back: its stored vehicle link is replaced, not added to.
        let links = try store.tableCounts()["entity_link"]
        #expect(try store.recordDrivers([first]).updated == 1)
        #expect(try store.tableCounts()["entity_link"] == links)
        #expect(try store.tableCounts()["entity"] == 5)
    }
}
