import Foundation
import SafeguardCore
import Testing

@testable import SafeguardRules

/// The review-volume comparison within the recent window (`review-volume: recent-window`): a burst of
/// concern signs in the last months of a big hotel's long history is not background.
@Suite struct HotelRecentBurstTests {
    let engine: Engine

    init() throws {
        self.engine = Engine(ruleSet: try HotelEngineTests.shippedRules())
    }

    static let signs = ["young-people", "condoms", "men-loitering", "cash-only", "night-traffic", "no-id-check"]

    /// Twelve reviews with one concern sign each; `dates[i]` is the date of the i-th.
    func concernReviews(_ dates: [String]) -> [Evidence] {
        dates.enumerated().map { index, date in
            Evidence(
                sign: Self.signs[index % Self.signs.count], source: .review, sourceID: "R-\(index)",
                date: CalendarDay(iso: date), snippet: "…")
        }
    }

    /// A big hotel: 1,200 reviews over three years, 400 of them in the last 12 months.
    func bigHotel(_ evidence: [Evidence], recentReviews: Int? = 400) -> EntityFacts {
        var fields: [String: FactValue] = [
            "hotel.name": .string("Big Hotel"), "hotel.licensed": .bool(true), "hotel.review_count": .number(1_200),
        ]
        if let recentReviews { fields["hotel.recent_review_count"] = .number(Double(recentReviews)) }
        return EntityFacts(kind: .hotel, id: "big", fields: fields, evidence: evidence)
    }

    /// Twelve concern reviews in the last two months (October and November 2026).
    var burst: [Evidence] {
        self.concernReviews((0..<12).map { String(format: "2026-%02d-%02d", 10 + $0 / 6, 2 + 4 * ($0 % 6)) })
    }

    /// Twelve concern reviews, one every three months over the three years.
    var evenSpread: [Evidence] {
        self.concernReviews((0..<12).map { index in
            let month = 2023 * 12 + 11 + 3 * index  // December 2023, March 2024, ..., September 2026
            return String(format: "%04d-%02d-15", month / 12, month % 12 + 1)
        })
    }

    @Test func aRecentBurstAtABigHotelIsFlagged() throws {
        // Given 12 concern reviews in the last two months out of 1,200 (about 12 expected over all time),
        let decision = self.engine.evaluate(self.bigHotel(self.burst), asOf: HotelEngineTests.today)
        // then the burst stands out against the last 12 months' 400 reviews (about 4 expected): flagged.
        #expect(decision.band != "none")
        #expect(decision.score >= 6)
        let volume = try #require(decision.findings.first { $0.ruleID == "hotel/review-volume" })
        #expect(volume.explanation.hasPrefix(
            "12 reviews with concern signs out of 1,200; about 12 expected at the background rate of 1 in 100 reviews. "
                + "In the last 12 months: 12 reviews with concern signs out of 400; about 4 expected. "
                + "The excess in the last 12 months is the larger (about 8 reviews beyond the background), so it counts"))
        #expect(volume.explanation.contains("review-based signs count for 67%"))
        // The derived excess opens the review-only gate of the shipped rules.
        #expect(decision.findings.contains { $0.ruleID == "hotel-young-people-with-sexual-signs" })
    }

    @Test func anEvenSpreadAtTheSameBigHotelIsNotFlagged() throws {
        // Given the same 12 concern reviews spread over three years (4 of them in the last 12 months),
        let decision = self.engine.evaluate(self.bigHotel(self.evenSpread), asOf: HotelEngineTests.today)
        // then neither comparison is above the background: not flagged, nothing recurs.
        #expect(decision.band == "none")
        #expect(decision.score < 6)
        let ids = decision.findings.map(\.ruleID)
        #expect(!ids.contains("hotel/recurrence"))
        #expect(!ids.contains("hotel-young-people-with-sexual-signs"))
        #expect(!ids.contains("hotel-signs-recur-recently"))
        let volume = try #require(decision.findings.first { $0.ruleID == "hotel/review-volume" })
        #expect(volume.explanation.contains("In the last 12 months: 4 reviews with concern signs out of 400; about 4 expected."))
        #expect(volume.explanation.contains("Neither is more than the background"))
    }

    @Test func withoutTheRecentCountTheBurstIsWeighedOverAllTimeAndTheFindingSaysSo() throws {
        let decision = self.engine.evaluate(self.bigHotel(self.burst, recentReviews: nil), asOf: HotelEngineTests.today)
        #expect(decision.band == "none")
        let volume = try #require(decision.findings.first { $0.ruleID == "hotel/review-volume" })
        #expect(volume.explanation.hasPrefix("12 reviews with concern signs out of 1,200; about 12 expected"))
        #expect(!volume.explanation.contains("In the last 12 months:"))
        #expect(volume.explanation.hasSuffix(
            "The hotel's review count for the last 12 months was not given, so a recent burst was not checked."))
    }

    @Test func theRecentWindowIsReadFromScoringYamlAndChecked() throws {
        let signs = try String(contentsOf: repositoryRoot.appendingPathComponent("rules/hotels/signs.yaml"), encoding: .utf8)
        #expect(try HotelEngineTests.shippedRules().hotelScoring?.recentWindowDays == 365)
        let valid = RuleSetLoaderTests.hotelScoring("  review-volume:\n    recent-window: 90 days")
        let loaded = try RuleSetLoader.load(
            directory: try RulesDirectory(["hotels/signs.yaml": signs, "hotels/scoring.yaml": valid]).url)
        #expect(loaded.hotelScoring?.recentWindowDays == 90)
        let bad = RuleSetLoaderTests.hotelScoring("  review-volume:\n    recent-window: soon")
        let report = try RulesDirectory(["hotels/signs.yaml": signs, "hotels/scoring.yaml": bad]).check()
        let error = try #require(report.errors.first { $0.code == "expected-duration" })
        #expect(error.message.contains("`recent-window` must be a duration"))
    }

    @Test func theWindowEndsOnTheAsOfDay() throws {
        let scoring = HotelScoringParameters(recentWindowDays: 365)
        let today = HotelEngineTests.today.daysSinceEpoch
        #expect(scoring.isRecent(today, today: today))
        #expect(scoring.isRecent(today - 364, today: today))
        #expect(!scoring.isRecent(today - 365, today: today))
        #expect(!scoring.isRecent(today + 1, today: today))
    }
}
