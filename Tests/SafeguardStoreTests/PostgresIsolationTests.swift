import Foundation
import SafeguardCore
import SafeguardStore
import SafeguardStorePostgres
import Testing

/// Authorities kept apart on PostgreSQL: row-level security, not Safeguard's own SQL, decides
/// what a connection sees. Skipped unless `SAFEGUARD_TEST_POSTGRES_URL` is set (`.ci/postgres`).
@Suite(.enabled(if: StoreBackend.adminURL != nil, "set SAFEGUARD_TEST_POSTGRES_URL (e.g. `. .ci/postgres`) to run the PostgreSQL half"))
struct PostgresIsolationTests {
    static func report(_ id: String) -> ReportRecord {
        let day = CalendarDay(iso: "2024-05-01")!
        return ReportRecord(
            receiptID: id, received: day, role: .hotelStaff, seen: "a man booked a room with a young girl",
            text: "booked with cash", signs: ["young-people"],
            evidence: [Evidence(sign: "young-people", source: .report, sourceID: id, date: day, snippet: "young girl")],
            place: PlaceReference(premises: "The Grand Hotel", postcode: "FY1 2AB"))
    }

    @Test func oneAuthorityCannotReadAnothersReports() throws {
        // Given two authorities in one database, each with one report,
        let database = try PostgresTestDatabase.create()
        let coventry = try database.store(authority: "coventry")
        let warwick = try database.store(authority: "warwick")
        _ = try coventry.saveReports([Self.report("WB-COV-1")])
        _ = try warwick.saveReports([Self.report("WB-WAR-1")])
        // then through the store API each sees only its own,
        #expect(try warwick.tableCounts()["report"] == 1)
        #expect(try warwick.tableCounts()["evidence"] == 1)
        #expect(try coventry.tableCounts()["report"] == 1)
        // and a raw query on Warwick's connection, even one that asks for Coventry's rows by name, returns none.
        #expect(try warwick.rawRows("SELECT receipt_id FROM report") == [["WB-WAR-1"]])
        #expect(try warwick.rawRows("SELECT receipt_id FROM report WHERE authority = 'coventry'").isEmpty)
        #expect(try warwick.rawRows("SELECT count(*)::text FROM evidence WHERE record_key LIKE 'report:WB-COV%'") == [["0"]])
        // Nor can it write a row into Coventry's data, or change Coventry's.
        #expect(throws: StoreError.self) {
            try warwick.rawExecute(
                "INSERT INTO report (authority, receipt_id, received, role, seen, text, signs, danger_now, "
                    + "content_hash) VALUES ('coventry', 'WB-FAKE', '2024-01-01', 'public', '', '', '', 0, 0)")
        }
        try warwick.rawExecute("UPDATE report SET text = 'changed' WHERE receipt_id = 'WB-COV-1'")
        #expect(try coventry.rawRows("SELECT text FROM report") == [["booked with cash"]])
    }

    @Test func sharingIsExplicitAndTheRegionalScopeReadsExactlyWhatIsShared() throws {
        let database = try PostgresTestDatabase.create()
        let coventry = try database.store(authority: "coventry")
        let warwick = try database.store(authority: "warwick")
        _ = try coventry.saveReports([Self.report("WB-COV-1")])
        _ = try coventry.recordOperators([
            TaxiOperatorLicence(licenceNumber: "OP1", operatorName: "Cars Ltd", issuingAuthority: "Coventry", status: .active)
        ])
        // Before any sharing, Warwick's regional view holds only its own (nothing).
        let region = try database.store(authority: "warwick", regional: true)
        #expect(try region.tableCounts()["report"] == 0)
        // When Coventry shares its reports (not its taxi records) with Warwick,
        try coventry.share(["reports"], with: "warwick")
        // the regional view reads Coventry's reports and their evidence, and nothing else of Coventry's,
        #expect(try region.tableCounts()["report"] == 1)
        #expect(try region.tableCounts()["evidence"] == 1)
        #expect(try region.tableCounts()["taxi_operator"] == 0)
        // Warwick's own scope is unchanged, and Warwick cannot grant itself Coventry's data.
        #expect(try warwick.tableCounts()["report"] == 0)
        #expect(throws: StoreError.self) {
            try warwick.rawExecute("INSERT INTO sharing (authority, partner, kind) VALUES ('coventry', 'warwick', 'taxis')")
        }
        try coventry.unshare(["reports"], with: "warwick")
        #expect(try region.tableCounts()["report"] == 0)
    }

    @Test func oneAuthorityCannotReadAnothersScreeningOrTaxiHistory() throws {
        // Given Coventry's screening decision, premises UPRN, licence history, NR3S search and s.6 reply,
        let database = try PostgresTestDatabase.create()
        let coventry = try database.store(authority: "coventry")
        let warwick = try database.store(authority: "warwick")
        let day = CalendarDay(iso: "2024-05-01")!
        try coventry.recordScreening(
            ScreeningRecord(
                id: "SCR-COV", reference: "COV/APP/1", asOf: day, rulesetHash: "r", inputHash: "i", band: "advice",
                resultJSON: "{}"))
        _ = try coventry.saveReports([Self.report("WB-COV-1")])
        _ = try #require(try coventry.premisesHistory(name: "The Grand Hotel", postcode: "FY1 2AB", uprn: "200"))
        _ = try coventry.recordTaxiHistory([
            TaxiLicenceEvent(
                licenceNumber: "PH/1", issuingAuthority: "Coventry", decidedBy: "Coventry", kind: .revocation, date: day,
                reason: .sexualOffence, victimAgeBand: .under13)
        ])
        _ = try coventry.recordNR3SSearches([
            NR3SSearch(licenceNumber: "PH/1", issuingAuthority: "Coventry", applicationKind: .grant, applicationOn: day, matched: true)
        ])
        _ = try coventry.recordSection6Replies([
            Section6Reply(licenceNumber: "PH/9", issuingAuthority: "Warwick", notifiedOn: day)
        ])
        // then through the store API Warwick finds none of it, not even with the UPRN or the decision id,
        #expect(try warwick.screening(id: "SCR-COV") == nil)
        #expect(try warwick.premisesHistory(name: "The Grand Hotel", postcode: "FY1 2AB", uprn: "200") == nil)
        let register = try warwick.taxiRegister()
        #expect(register.history.isEmpty && register.nr3s.isEmpty && register.replies.isEmpty)
        #expect(try coventry.taxiRegister().history.count == 1)
        // nor the regional view, even with every kind of record shared (these tables are never shared),
        try coventry.share(["fhrs", "licences", "taxis", "reviews", "reports", "intelligence"], with: "warwick")
        let region = try database.store(authority: "warwick", regional: true)
        #expect(try region.screening(id: "SCR-COV") == nil)
        #expect(try region.taxiRegister().history.isEmpty)
        #expect(try region.tableCounts()["report"] == 1)  // what is shared is read
        // and a raw query on Warwick's connection naming Coventry's rows returns none.
        for table in ["screening_decision", "entity_uprn", "taxi_licence_history", "taxi_nr3s_search", "taxi_s6_reply"] {
            #expect(try warwick.rawRows("SELECT count(*)::text FROM \(table) WHERE authority = 'coventry'") == [["0"]], "\(table)")
            #expect(try coventry.rawRows("SELECT count(*)::text FROM \(table)") == [["1"]], "\(table)")
        }
        // Nor can Warwick write a decision into Coventry's rows or change Coventry's history.
        #expect(throws: StoreError.self) {
            try warwick.rawExecute(
                "INSERT INTO screening_decision (authority, id, reference, as_of, ruleset_hash, input_hash, band, result) "
                    + "VALUES ('coventry', 'SCR-FAKE', 'x', '2024-01-01', 'r', 'i', 'advice', '{}')")
        }
        try warwick.rawExecute("UPDATE taxi_licence_history SET reason = 'other'")
        #expect(try coventry.rawRows("SELECT reason FROM taxi_licence_history") == [["sexual-offence"]])
    }

    @Test func aRoleThatBypassesRowLevelSecurityIsRefused() throws {
        // The test cluster's superuser would see every authority's rows: the store will not run as it.
        let database = try PostgresTestDatabase.create()
        #expect(throws: StoreError.self) { try PostgresStore(url: database.ownerURL + "?authority=coventry") }
    }
}
