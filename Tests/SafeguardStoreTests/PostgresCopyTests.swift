import Foundation
import SafeguardCore
import SafeguardStore
import SafeguardStorePostgres
import Testing

/// `safeguard db copy`'s store half: an SQLite deployment moved into one authority of a shared
/// PostgreSQL database, verified, and resumable. Skipped unless `SAFEGUARD_TEST_POSTGRES_URL` is set.
@Suite(.enabled(if: StoreBackend.adminURL != nil, "set SAFEGUARD_TEST_POSTGRES_URL (e.g. `. .ci/postgres`) to run the PostgreSQL half"))
struct PostgresCopyTests {
    struct Stopped: Error {}

    /// An SQLite store with every kind of row: real FHRS rows, a licence linked to a hotel, an
    /// uncertain match, a review, a report (text with a tab and a newline) and their evidence.
    static func filledSQLite() throws -> SQLiteStore {
        let store = try temporaryStore()
        try importFHRS("FHRS898en-GB.xml", into: store)
        _ = try store.recordEstablishments([grandHotel], extractDate: CalendarDay(iso: "2020-11-11"))
        _ = try store.recordLicenceEvents([grandLicence])
        var other = grandLicence
        other.premisesName = "Grandview Bar"
        other.caseReference = "PL/2020/0001"
        _ = try store.recordLicenceEvents([other])
        let day = CalendarDay(iso: "2024-05-01")
        _ = try store.saveReviews([
            ReviewRecord(
                sourceID: "7", site: "booking.com", premisesName: "Grand Hotel Blackpool",
                address: "12 North Promenade, Blackpool FY1 2AB", date: day, rating: 4.5,
                text: "[PERSON-1a2b3c4d] paid cash\tfor the room\nand left \\ early",
                evidence: [Evidence(sign: "cash-payment", source: .review, sourceID: "7", date: day, snippet: "paid cash")])
        ])
        _ = try store.saveReports([PostgresIsolationTests.report("WB-0001")])
        // What `screen` keeps (a decision, a UPRN learned for the Grand Hotel) and the taxi
        // register's history, NR3S searches and s.6 replies.
        try store.recordScreening(ScreeningStoreTests.decision)
        _ = try #require(try store.premisesHistory(name: "Grand Hotel", postcode: "FY1 2AB", uprn: "100012345"))
        let history = TaxiRegisterStoreTests.revocation
        _ = try store.recordTaxiHistory([history, TaxiRegisterStoreTests.refusal])
        _ = try store.recordNR3SSearches([
            NR3SSearch(
                licenceNumber: "PH/1", issuingAuthority: "Kelverton", applicationKind: .grant,
                applicationOn: CalendarDay(iso: "2024-02-01")!, matched: false)
        ])
        _ = try store.recordSection6Replies([
            Section6Reply(
                licenceNumber: "RM/PH/9", issuingAuthority: "Ravensmoor", notifiedOn: CalendarDay(iso: "2024-04-01")!,
                decision: .noAction, note: "no action\twith a tab")
        ])
        return store
    }

    /// Hotels without their entity ids (new ids in PostgreSQL: ids are shared by every authority).
    static func withoutIDs(_ hotels: [HotelSnapshot]) -> [HotelSnapshot] {
        hotels.map {
            var hotel = $0
            hotel.entityID = ""
            return hotel
        }
    }

    @Test func anSQLiteStoreIsCopiedWithTheSameRowsAndTheSameProfile() throws {
        // Given an SQLite store and an empty authority in PostgreSQL,
        let sqlite = try Self.filledSQLite()
        let database = try PostgresTestDatabase.create()
        let target = try database.store(authority: "blackpool")
        // when it is copied,
        let tables = try target.copy(from: sqlite, source: "blackpool.sqlite", batchSize: 7)
        // then every table verifies, PostgreSQL holds the same counts, and reads back the same hotels,
        #expect(tables.allSatisfy { $0.verified }, "\(tables.filter { !$0.verified })")
        #expect(tables.map(\.copied) == tables.map(\.sourceRows))
        #expect(try target.tableCounts() == sqlite.tableCounts())
        #expect(try Self.withoutIDs(target.hotels()) == Self.withoutIDs(sqlite.hotels()))
        #expect(try target.pendingLinks().count == 1)
        // the screening decisions, the learned UPRN and the taxi register's history came too,
        let copiedTables = Set(tables.map(\.table))
        for table in ["entity_uprn", "screening_decision", "taxi_licence_history", "taxi_nr3s_search", "taxi_s6_reply"] {
            #expect(copiedTables.contains(table), "\(table)")
            #expect((tables.first { $0.table == table }?.targetRows ?? 0) > 0, "\(table)")
        }
        #expect(try target.screening(id: ScreeningStoreTests.decision.id) == ScreeningStoreTests.decision)
        let found = try #require(try target.premisesHistory(name: "Another Trading Name", postcode: nil, uprn: "100012345"))
        #expect(found.matchedBy == "uprn")
        let copiedRegister = try target.taxiRegister()
        let originalRegister = try sqlite.taxiRegister()
        #expect(copiedRegister.history == originalRegister.history)
        #expect(copiedRegister.history.count == 2)
        #expect(copiedRegister.nr3s == originalRegister.nr3s)
        #expect(copiedRegister.replies == originalRegister.replies)
        // and another authority in the same database sees none of it.
        #expect(try database.store(authority: "fylde").tableCounts().values.allSatisfy { $0 == 0 })
    }

    @Test func anInterruptedCopyIsFinishedByRunningItAgainWithoutDuplicates() throws {
        let sqlite = try Self.filledSQLite()
        let database = try PostgresTestDatabase.create()
        let target = try database.store(authority: "blackpool")
        // Given a copy stopped after the second batch of the FHRS rows (entities are in, the rest not),
        #expect(throws: Stopped.self) {
            try target.copy(from: sqlite, source: "blackpool.sqlite", batchSize: 5) { table, rows in
                if table == "fhrs_establishment", rows >= 10 { throw Stopped() }
            }
        }
        let partial = try target.tableCounts()
        #expect(try partial["entity"] == sqlite.tableCounts()["entity"])
        #expect(partial["fhrs_establishment"] == 10)
        #expect(partial["review"] == 0)
        // when the same copy runs again, it finishes: the rest copied, nothing twice, all verified.
        let tables = try target.copy(from: sqlite, source: "blackpool.sqlite", batchSize: 5)
        #expect(tables.allSatisfy { $0.verified }, "\(tables.filter { !$0.verified })")
        #expect(tables.first { $0.table == "entity" }?.copied == 0)
        #expect(try target.tableCounts() == sqlite.tableCounts())
        #expect(try Self.withoutIDs(target.hotels()) == Self.withoutIDs(sqlite.hotels()))
        // A third run copies nothing.
        #expect(try target.copy(from: sqlite, source: "blackpool.sqlite").allSatisfy { $0.copied == 0 && $0.verified })
    }

    @Test func aCopyIntoAnAuthorityThatHoldsOtherRowsIsRefused() throws {
        let sqlite = try Self.filledSQLite()
        let target = try PostgresTestDatabase.create().store(authority: "blackpool")
        _ = try target.saveReports([PostgresIsolationTests.report("WB-OTHER")])
        #expect {
            try target.copy(from: sqlite, source: "blackpool.sqlite")
        } throws: { error in
            (error as? StoreError)?.code == "store.copy.not-empty"
                && (error as? StoreError)?.message.contains("already holds") == true
        }
    }
}
