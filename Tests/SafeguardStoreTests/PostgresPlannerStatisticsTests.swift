import Foundation
import SafeguardCore
import SafeguardStore
import SafeguardStorePostgres
import Testing

/// A bulk import leaves the planner statistics of the tables it filled up to date, though the
/// application role does not own them: a profile run straight after an import must not plan its
/// reads of a table PostgreSQL has never analysed. Skipped unless `SAFEGUARD_TEST_POSTGRES_URL` is set.
@Suite(.enabled(if: StoreBackend.adminURL != nil, "set SAFEGUARD_TEST_POSTGRES_URL (e.g. `. .ci/postgres`) to run the PostgreSQL half"))
struct PostgresPlannerStatisticsTests {
    static func reviews(_ count: Int) -> [ReviewRecord] {
        let day = CalendarDay(iso: "2024-05-01")
        return (0..<count).map { index in
            ReviewRecord(
                sourceID: "R\(index)", site: "booking.com", premisesName: "Grand Hotel Blackpool",
                address: "12 North Promenade, Blackpool FY1 2AB", date: day, rating: 4.0,
                text: "clean room, friendly staff", evidence: [])
        }
    }

    @Test func aBulkImportAnalysesTheTablesItFilledAndASmallWriteDoesNot() throws {
        let database = try PostgresTestDatabase.create()
        let store = try database.store(authority: "blackpool")
        let reltuples = "SELECT reltuples::bigint::text FROM pg_class WHERE relname = 'review' AND relnamespace = 'public'::regnamespace"
        // A few reviews (an officer's or the server's small writes) leave the table to autovacuum,
        _ = try store.saveReviews(Self.reviews(10))
        #expect(try store.rawRows(reltuples) == [["-1"]])
        // while an import of 1,500 has the table analysed once it commits, as the application role.
        _ = try store.saveReviews(Self.reviews(1_510).suffix(1_500).map { $0 })
        #expect(try store.rawRows(reltuples) == [["1510"]])
        // The columns its reads join and select on (those in an index) have statistics; the review
        // text need not (pg_stats hides tables under row-level security from the application role,
        // so the owner checks).
        try PostgresMigrator.execute(
            url: database.ownerURL,
            sql: """
                DO $$
                DECLARE seen TEXT[] := ARRAY(SELECT attname::text FROM pg_stats
                                             WHERE schemaname = 'public' AND tablename = 'review');
                BEGIN
                    IF NOT seen @> ARRAY['entity_id', 'date'] OR 'text' = ANY(seen) THEN
                        RAISE EXCEPTION 'review statistics cover %', seen;
                    END IF;
                END $$
                """)
    }
}
