import Foundation
import GRDB
import GRDBSQLite
import SafeguardCore
import Testing
@testable import SafeguardStore

/// Migration v3-csv-import keeps entities in one of two partial postcode indexes (unclaimed or
/// FHRS-claimed); resolution must still see both halves, and every entity query must use an index.
@Suite struct PostcodeIndexTests {
    @Test func resolutionReadsClaimedAndUnclaimedEntitiesFromTheDatabase() throws {
        // Given a licence-only premises and an FHRS hotel at the same postcode,
        let store = try temporaryStore()
        var cafeLicence = grandLicence
        cafeLicence.premisesName = "Sea Breeze Cafe"
        cafeLicence.caseReference = "PL/2018/0007"
        cafeLicence.locationText = "14 North Promenade, Blackpool"
        _ = try store.recordLicenceEvents([cafeLicence])
        _ = try store.recordEstablishments([grandHotel], extractDate: nil)
        #expect(try store.tableCounts()["entity"] == 2)
        // when a second store (an empty in-memory index, so it loads the postcode by query) imports
        // a new case for each of them,
        let reopened = try SQLiteStore(path: store.path)
        var hotelCase = grandLicence
        hotelCase.caseReference = "PL/2024/0100"
        var cafeCase = cafeLicence
        cafeCase.caseReference = "PL/2024/0101"
        let summary = try reopened.recordLicenceEvents([hotelCase, cafeCase])
        // then both link to the existing entities: the claimed one and the unclaimed one.
        #expect(summary.linked == 2)
        #expect(try reopened.tableCounts()["entity"] == 2)
        #expect(try reopened.hotels().first?.licences.map(\.caseReference) == ["PL/2024/0100"])
    }

    @Test func postcodeLoadKeepsEntitiesInIDOrder() throws {
        // Given entities at one postcode created unclaimed, claimed, unclaimed,
        let store = try temporaryStore()
        var first = grandLicence
        first.premisesName = "Alpha Bar"
        first.caseReference = "A1"
        _ = try store.recordLicenceEvents([first])
        _ = try store.recordEstablishments([grandHotel], extractDate: nil)
        var third = grandLicence
        third.premisesName = "Zulu Lounge"
        third.caseReference = "Z1"
        _ = try store.recordLicenceEvents([third])
        // when the postcode is loaded from the database,
        let entries = try store.writer.read { db in try PremisesIndex().entries(at: "FY12AB", in: db) }
        // then entries come in id order (resolution keeps the first of equal matches) with their FHRS flag.
        #expect(entries.map(\.id) == entries.map(\.id).sorted())
        #expect(entries.map(\.hasFHRS) == [false, true, false])
    }

    @Test(arguments: [
        PremisesIndex.loadSQL,
        "SELECT id, name_key, house_number FROM entity INDEXED BY entity_unclaimed_by_postcode "
            + "WHERE postcode_key = ? AND fhrs_id IS NULL AND kind IN ('hotel', 'premises')",
        "SELECT id, house_number FROM entity WHERE name_key = ? AND kind IN ('hotel', 'premises') LIMIT 20",
        "SELECT id FROM entity WHERE kind = 'vehicle' AND name_key = ?",
        "SELECT id FROM licence_case WHERE organisation = ? AND case_reference = ?",
        "SELECT id, extract_date FROM licence_event WHERE case_id = ? AND row_hash = ?",
    ])
    func entityAndLicenceLookupsUseAnIndex(sql: String) throws {
        let store = try temporaryStore()
        // Parameters are left unbound (NULL): the plan does not depend on their values.
        let plan = try store.writer.read { db in
            let statement = try db.makeStatement(sql: "EXPLAIN QUERY PLAN " + sql)
            var query = FastStatement(statement)
            return try withExtendedLifetime(statement) {
                try query.all { row in sqlite3_column_text(row, 3).map { String(cString: $0) } ?? "" }
            }
        }
        #expect(!plan.isEmpty)
        #expect(plan.allSatisfy { !$0.hasPrefix("SCAN") }, "\(plan)")
    }
}

/// A first licence import skips the case look-up for cases it has not written; history rows of
/// a case already written, re-runs and runs after a failed batch must still find their case.
@Suite struct LicenceCaseLookupTests {
    func event(_ reference: String, date: String, status: String = "Granted") -> PremisesLicenceEvent {
        var event = grandLicence
        event.caseReference = reference
        event.caseDate = CalendarDay(iso: date)
        event.statusLabel = status
        return event
    }

    @Test func historyInALaterBatchOfAFirstImportJoinsItsCase() throws {
        // Given a first import whose second batch holds a later row of a case from the first,
        let store = try temporaryStore()
        let first = try store.recordLicenceEvents([self.event("PL/1", date: "2019-01-01"), self.event("PL/2", date: "2019-02-01")])
        let second = try store.recordLicenceEvents([
            self.event("PL/1", date: "2021-06-01", status: "Suspended"), self.event("PL/3", date: "2020-01-01"),
        ])
        // then that row is history of the existing case, not a new case.
        #expect(first.new == 2)
        #expect(second.updated == 1)
        #expect(second.new == 1)
        #expect(try store.tableCounts()["licence_case"] == 3)
        #expect(try store.tableCounts()["licence_event"] == 4)
    }

    @Test func reRunAfterAFailedBatchEndsWithTheSameDatabase() throws {
        // Given an uninterrupted import of three batches,
        let rows = (0..<30).map { self.event("PL/\($0 % 12)", date: "20\(10 + $0 / 12)-01-01") }
        let reference = try temporaryStore()
        for start in stride(from: 0, to: rows.count, by: 10) {
            _ = try reference.recordLicenceEvents(Array(rows[start..<start + 10]))
        }
        // when another import fails inside its second batch (rolled back) and is run again,
        let store = try temporaryStore()
        _ = try store.recordLicenceEvents(Array(rows[0..<10]))
        store.faults.fail(after: 4)
        #expect(throws: StoreError.self) { try store.recordLicenceEvents(Array(rows[10..<20])) }
        var total = ImportSummary()
        for start in stride(from: 0, to: rows.count, by: 10) {
            total.add(try store.recordLicenceEvents(Array(rows[start..<start + 10])))
        }
        // then the first batch is unchanged, nothing is duplicated and the content matches.
        #expect(total.unchanged == 10)
        #expect(total.new + total.updated == 20)
        #expect(try store.canonicalDump() == reference.canonicalDump())
        // and a third run of everything changes nothing.
        var again = ImportSummary()
        for start in stride(from: 0, to: rows.count, by: 10) {
            again.add(try store.recordLicenceEvents(Array(rows[start..<start + 10])))
        }
        #expect(again.unchanged == 30)
    }

    @Test func uncertainMatchesOfAFirstImportAreStillListed() throws {
        // Given a first import of two differently named premises at the same house and postcode,
        let store = try temporaryStore()
        var other = self.event("PL/9", date: "2020-01-01")
        other.premisesName = "Grandview Bar"
        let summary = try store.recordLicenceEvents(
            prepared: [self.event("PL/8", date: "2019-01-01"), other].map(PreparedLicenceEvent.init))
        // then the pair waits for an officer and the two stay apart.
        #expect(summary.uncertain == 1)
        #expect(try store.pendingLinks().count == 1)
        #expect(try store.tableCounts()["entity"] == 2)
    }
}
