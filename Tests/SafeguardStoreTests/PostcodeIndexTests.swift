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
