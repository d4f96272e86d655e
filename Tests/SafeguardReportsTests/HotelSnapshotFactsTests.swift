import Foundation
import SafeguardCore
import Testing

@testable import SafeguardReports

/// `hotel.review_count` and `hotel.recent_review_count` from a stored hotel, as the profile gives them to the engine.
@Suite struct HotelSnapshotFactsTests {
    static let asOf = CalendarDay(iso: "2026-11-25")!

    let snapshot = HotelSnapshot(
        entityID: "E1",
        establishment: FHRSEstablishment(
            fhrsID: 7, name: "Harbour View Hotel", businessTypeID: 7842, addressLines: ["1 Quay Street"], postcode: "ZZ1 1AA"),
        hotelBasis: .businessType, reviewCount: 5,
        reviewDates: ["2024-01-01", "2025-11-25", "2025-11-26", "2026-03-01", "2026-11-25"].compactMap { CalendarDay(iso: $0) })

    @Test func theRecentCountCoversTheWindowEndingOnTheAsOfDay() throws {
        let facts = self.snapshot.facts(since: nil, asOf: Self.asOf, scoring: HotelScoringParameters(recentWindowDays: 365))
        #expect(facts.fields["hotel.review_count"] == .number(5))
        // 2025-11-26 (364 days before) to 2026-11-25: three reviews; 2025-11-25 is a year and a day old.
        #expect(facts.fields["hotel.recent_review_count"] == .number(3))
    }

    @Test func sinceNarrowsBothCounts() throws {
        let since = CalendarDay(iso: "2026-01-01")
        let facts = self.snapshot.facts(since: since, asOf: Self.asOf, scoring: HotelScoringParameters(recentWindowDays: 365))
        #expect(facts.fields["hotel.review_count"] == .number(2))
        #expect(facts.fields["hotel.recent_review_count"] == .number(2))
    }

    @Test func withoutHotelScoringTheRecentCountIsLeftOut() throws {
        #expect(self.snapshot.facts(since: nil, asOf: Self.asOf, scoring: nil).fields["hotel.recent_review_count"] == nil)
        #expect(self.snapshot.facts(since: nil).fields["hotel.recent_review_count"] == nil)
    }
}
