import Foundation
import SafeguardCore
import Testing
@testable import SafeguardStore

/// The store suite: the protocol-level tests run on every backend (`StoreBackend.available`:
/// SQLite always, PostgreSQL when `SAFEGUARD_TEST_POSTGRES_URL` is set, e.g. by `.ci/postgres`).
@Suite struct SQLiteStoreTests {
    @Test func opensWithWALAndNamedMigrations() throws {
        let store = try temporaryStore()
        #expect(try store.journalMode() == "wal")
        let migrations = try store.appliedMigrations()
        #expect(Array(migrations.prefix(3)) == ["v1-entities-and-feeds", "v2-review-dates-by-entity", "v3-csv-import"])
        #expect(migrations.contains("v4-screen-decisions-and-uprns"))
        #expect(migrations.contains("intake-v1-receipts-messages-audit"))
    }

    @Test(arguments: StoreBackend.available) func reimportingTheSameExtractChangesNothing(backend: StoreBackend) throws {
        let store = try backend.makeStore()
        let first = try store.recordEstablishments([grandHotel, cafe], extractDate: CalendarDay(iso: "2020-11-11"))
        #expect(first.new == 2)
        #expect(first.hotels == 1)
        let second = try store.recordEstablishments([grandHotel, cafe], extractDate: CalendarDay(iso: "2020-11-11"))
        #expect(second.unchanged == 2)
        #expect(second.new == 0)
        var changed = cafe
        changed.ratingValue = "5"
        let third = try store.recordEstablishments([grandHotel, changed], extractDate: nil)
        #expect(third.updated == 1)
        #expect(third.unchanged == 1)
        #expect(try store.tableCounts()["fhrs_establishment"] == 2)
    }

    @Test(arguments: StoreBackend.available) func aChangedEstablishmentIsStoredWithItsNewValuesAndKeepsItsEntity(
        backend: StoreBackend
    ) throws {
        // Given a hotel stored from one extract,
        let store = try backend.makeStore()
        _ = try store.recordEstablishments([grandHotel, cafe], extractDate: CalendarDay(iso: "2020-11-11"))
        let before = try #require(try store.hotels().first)
        // when a later extract changes its rating, its address and a text with a tab and a backslash,
        var changed = grandHotel
        changed.ratingValue = "1"
        changed.ratingDate = CalendarDay(iso: "2021-06-30")
        changed.addressLines = ["12 North Promenade", "Blackpool", "Lancashire"]
        changed.rightToReply = "We disagree\twith the\\rating\nand have appealed."
        let summary = try store.recordEstablishments([changed, cafe], extractDate: CalendarDay(iso: "2021-07-01"))
        // then the new values are what the store gives back, on the same entity,
        #expect(summary.updated == 1)
        #expect(summary.unchanged == 1)
        let after = try #require(try store.hotels().first)
        #expect(after.entityID == before.entityID)
        #expect(after.establishment.ratingValue == "1")
        #expect(after.establishment.ratingDate == CalendarDay(iso: "2021-06-30"))
        #expect(after.establishment.addressLines == ["12 North Promenade", "Blackpool", "Lancashire"])
        #expect(after.establishment.rightToReply == changed.rightToReply)
        #expect(after.fhrsExtractDate == CalendarDay(iso: "2021-07-01"))
        // and the same extract again changes nothing.
        #expect(try store.recordEstablishments([changed], extractDate: CalendarDay(iso: "2021-07-01")).unchanged == 1)
        #expect(try store.tableCounts()["entity"] == 2)
    }

    @Test(arguments: StoreBackend.available) func firstImportWithARepeatedIDStillStoresOneRow(backend: StoreBackend) throws {
        // Given an empty store (look-ups are skipped for ids the import has not written yet),
        let store = try backend.makeStore()
        var changed = cafe
        changed.ratingValue = "5"
        // when one extract repeats an establishment, in the same batch and in a later one,
        let first = try store.recordEstablishments([cafe, grandHotel, cafe], extractDate: nil)
        let second = try store.recordEstablishments([changed], extractDate: nil)
        // then the repeat is recognised, not stored twice or given a second entity.
        #expect(first.new == 2)
        #expect(first.unchanged == 1)
        #expect(second.updated == 1)
        #expect(try store.tableCounts()["fhrs_establishment"] == 2)
        #expect(try store.tableCounts()["entity"] == 2)
    }

    @Test func bulkLoadDefersIndexesAndACrashedOneIsRepairedOnOpen() throws {
        let store = try temporaryStore()
        func indexes(_ store: SQLiteStore) throws -> Set<String> {
            try store.writer.read { db in
                Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index'"))
            }
        }
        let deferred = Set(SQLiteStore.deferrableIndexes.map(\.name))
        #expect(deferred.isSubset(of: try indexes(store)))
        // A first import into an empty store drops the random-key indexes while it loads,
        #expect(try store.beginBulkLoad())
        #expect(try indexes(store).isDisjoint(with: deferred))
        _ = try store.recordEstablishments([grandHotel, cafe], extractDate: nil)
        // and a process that dies before rebuilding them leaves a store that rebuilds them on open.
        let reopened = try SQLiteStore(path: store.path)
        #expect(deferred.isSubset(of: try indexes(reopened)))
        // A store that already holds entities is never bulk-loaded.
        #expect(try !reopened.beginBulkLoad())
        #expect(deferred.isSubset(of: try indexes(reopened)))
        #expect(try reopened.tableCounts()["fhrs_establishment"] == 2)
    }

    @Test(arguments: StoreBackend.available) func licenceRegisterAndFHRSBecomeOneEntity(backend: StoreBackend) throws {
        // Given the FHRS hotel, when the licence register names it slightly differently at the same postcode,
        let store = try backend.makeStore()
        _ = try store.recordEstablishments([grandHotel, cafe], extractDate: nil)
        let summary = try store.recordLicenceEvents([grandLicence])
        // then it links to the same entity and the hotel snapshot shows the licence.
        #expect(summary.linked == 1)
        let hotels = try store.hotels()
        #expect(hotels.count == 1)
        #expect(hotels[0].licences.map(\.caseReference) == ["PL/2019/0042"])
        #expect(hotels[0].licenceStatus == "Granted")
        #expect(try store.tableCounts()["entity"] == 2)
    }

    @Test(arguments: StoreBackend.available) func licenceFirstThenFHRSAlsoLinks(backend: StoreBackend) throws {
        let store = try backend.makeStore()
        _ = try store.recordLicenceEvents([grandLicence])
        let summary = try store.recordEstablishments([grandHotel], extractDate: nil)
        #expect(summary.linked == 1)
        #expect(try store.tableCounts()["entity"] == 1)
        #expect(try store.hotels().first?.licences.count == 1)
    }

    @Test(arguments: StoreBackend.available) func reviewsReportsAndIntelligenceReachTheHotelSnapshot(backend: StoreBackend) throws {
        let store = try backend.makeStore()
        _ = try store.recordEstablishments([grandHotel], extractDate: CalendarDay(iso: "2020-11-11"))
        let day = CalendarDay(iso: "2024-05-01")
        let review = ReviewRecord(
            sourceID: "7", site: "booking.com", premisesName: "Grand Hotel Blackpool",
            address: "12 North Promenade, Blackpool FY1 2AB", date: day, rating: 4,
            text: "[PERSON-1a2b3c4d] paid cash for the room",
            evidence: [Evidence(sign: "cash-payment", source: .review, sourceID: "7", date: day, snippet: "paid cash")])
        let report = ReportRecord(
            receiptID: "WB-0001", received: day!, role: .taxiDriver, seen: "young girl taken to hotel",
            text: "dropped a girl at the hotel", signs: ["young-people"],
            evidence: [Evidence(sign: "young-people", source: .report, sourceID: "WB-0001", date: day, snippet: "a girl")],
            place: PlaceReference(premises: "The Grand Hotel", postcode: "FY1 2AB", vehicle: "AB12 CDE"),
            apparentAgeBand: "13-15")
        #expect(try store.saveReviews([review]).linked == 1)
        #expect(try store.saveReports([report]).linked == 1)
        let hotel = try #require(try store.hotels().first)
        #expect(hotel.reviewCount == 1)
        #expect(hotel.reportCount == 1)
        #expect(Set(hotel.evidence.map(\.sign)) == ["cash-payment", "young-people"])
        #expect(hotel.fhrsExtractDate == CalendarDay(iso: "2020-11-11"))
        #expect(try store.saveReports([report]).unchanged == 1)
    }

    @Test(arguments: StoreBackend.available) func uncertainMatchIsQueuedNotMerged(backend: StoreBackend) throws {
        // Given a hotel, when a licence names a different-looking premises at the same house and postcode,
        let store = try backend.makeStore()
        _ = try store.recordEstablishments([grandHotel], extractDate: nil)
        var other = grandLicence
        other.premisesName = "Grandview Bar"
        other.caseReference = "PL/2020/0001"
        let summary = try store.recordLicenceEvents([other])
        // then a new entity is made and the pair waits for an officer.
        #expect(summary.linked == 0)
        #expect(summary.uncertain == 1)
        let pending = try store.pendingLinks()
        #expect(pending.count == 1)
        #expect(try store.hotels().first?.licences.isEmpty == true)
        // When the officer accepts, the licence joins the hotel.
        try store.decideLink(id: pending[0].id, accept: true)
        #expect(try store.pendingLinks().isEmpty)
        #expect(try store.hotels().first?.licences.count == 1)
        #expect(try store.tableCounts()["entity"] == 1)
    }

    @Test(arguments: StoreBackend.available) func vehiclesAndDriversLinkByRegistrationAndBadge(backend: StoreBackend) throws {
        let store = try backend.makeStore()
        let driver = TaxiDriverLicence(
            licenceNumber: "D123", licenceType: .privateHire, badgeNumber: "PH 0457", issuingAuthority: "Coventry",
            status: .active, vehicleRegistration: "ab12cde")
        let vehicle = TaxiVehicleLicence(
            licenceNumber: "V9", licenceType: .privateHire, vehicleRegistration: "AB12 CDE", issuingAuthority: "Coventry",
            status: .active)
        _ = try store.recordDrivers([driver])
        #expect(try store.recordVehicles([vehicle]).linked == 1)
        let intel = IntelligenceRecord(
            id: "INT-1", date: CalendarDay(iso: "2024-01-01")!, source: .police,
            place: PlaceReference(vehicle: "AB12CDE", badge: "ph0457"), summary: "vehicle seen outside")
        #expect(try store.saveIntelligence([intel]).linked == 2)
        #expect(try store.tableCounts()["entity_link"] == 3)
    }
}
