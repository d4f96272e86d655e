import Foundation
import SafeguardCore
import Testing
@testable import SafeguardReports

@Test func flaggedHotelsAreRankedByBandThenScore() {
    let profile = ProfileFixtures.profile()
    #expect(profile.entries.map(\.name) == ["Beverley House Hotel", "Eastleigh Inn", "Savoy <Inn> & \"Bar\""])
    #expect(profile.entries.map(\.rank) == [1, 2, 3])
    #expect(profile.entries.map(\.score) == [21.4, 12.1, 6.0])
    #expect(profile.scope.flagged == 3)
    #expect(profile.bands.map(\.hotels) == [2, 1, 1, 1])
}

@Test func entryCarriesReasonsEvidenceAndGoodPractice() throws {
    let profile = ProfileFixtures.profile()
    let top = try #require(profile.entries.first)
    #expect(top.topReasons == ["Young people seen", "Signs recur"])
    #expect(top.concernItems == 6, "weak noise is not a concern item")
    #expect(top.distinctMonths == 6)
    #expect(top.sources == ["review", "report", "intelligence"])
    #expect(top.timeline.first?.sourceID == "R1", "newest first")
    #expect(top.district == "KV10")
    let savoy = profile.entries[2]
    #expect(savoy.goodPractice == ["photo ID or age checked at check-in"])
}

@Test func monthlyTrendCountsConcernEvidenceBySource() throws {
    let profile = ProfileFixtures.profile()
    #expect(profile.monthly.count == 36)
    #expect(profile.monthly.last?.month == "2026-11")
    let august = try #require(profile.monthly.first { $0.month == "2026-08" })
    #expect(august.reportItems == 1 && august.reviewItems == 0 && august.hotels == 1)
    let june = try #require(profile.monthly.first { $0.month == "2026-06" })
    #expect(june.reviewItems == 1, "good practice is not counted")
    let january = try #require(profile.monthly.first { $0.month == "2026-01" })
    #expect(january.total == 0, "weak signs are not counted")
}

@Test func districtsGapsAndMapReflectTheHotels() throws {
    let profile = ProfileFixtures.profile()
    #expect(profile.districts.first?.district == "KV10")
    #expect(profile.districts.first?.flagged == 2)
    #expect(profile.scope.hotelsWithoutReviews == 1)
    #expect(profile.mapPoints.count == 4)
    let gap = try #require(profile.gaps.first { $0.title == "Hotels with no reviews" })
    #expect(gap.detail.hasPrefix("1 of 5 hotels (20%)"))
    #expect(profile.recommendations.first?.hasPrefix("Joint licensing task-force visit with a CSE-trained officer: Beverley House Hotel (KV10 6SU)") == true)
}

@Test func sinceLimitsTheTrend() {
    var builder = HotelProfileBuilder(
        area: "Kelverton", asOf: ProfileFixtures.asOf, since: CalendarDay(iso: "2026-06-15"), rulesetHash: "x",
        extracts: [], bands: ProfileFixtures.bands, signs: ProfileFixtures.signs)
    builder.trendMonths = 36
    let profile = builder.build([])
    #expect(profile.monthly.map(\.month) == ["2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11"])
}

@Test(arguments: [
    ("KV10 6SU", "KV10"), ("kv1 1aa", "KV1"), ("KV16SU", "KV1"), ("", "unknown"),
])
func postcodeDistrict(postcode: String, district: String) {
    #expect(HotelAssessment.district(of: postcode) == district)
}

@Test func weakSignsComeLastAmongTheReasons() throws {
    // Given a hotel whose noise complaints add more points than its one concern sign
    var hotel = ProfileFixtures.hotel("201", "Loud Lodge", postcode: "KV3 1AA", score: 7, band: "monitor")
    hotel.findings = [
        ProfileFinding(rule: "sign/noise", title: "Ordinary noise complaints", contribution: 5, explanation: "", source: ""),
        ProfileFinding(rule: "sign/cash-only", title: "Cash only", contribution: 1.5, explanation: "", source: ""),
        ProfileFinding(rule: "hotel/recurrence", title: "Signs recur over time", contribution: 1, explanation: "", source: ""),
    ]
    let builder = HotelProfileBuilder(
        area: "Kelverton", asOf: ProfileFixtures.asOf, rulesetHash: "x", extracts: [], bands: ProfileFixtures.bands,
        signs: ProfileFixtures.signs)
    // Then the concern sign and the recurrence lead, and noise comes last
    let entry = try #require(builder.build([hotel]).entries.first)
    #expect(entry.topReasons == ["Cash only", "Signs recur over time", "Ordinary noise complaints"])
}
