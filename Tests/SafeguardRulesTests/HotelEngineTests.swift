import Foundation
import SafeguardCore
import Testing

@testable import SafeguardRules

@Suite struct HotelEngineTests {
    static func shippedRules() throws -> RuleSet {
        try RuleSetLoader.load(directory: repositoryRoot.appendingPathComponent("rules"))
    }

    static func sample(_ name: String) throws -> EntityFacts {
        let data = try Data(contentsOf: repositoryRoot.appendingPathComponent("corpus/facts/\(name).json"))
        return try JSONDecoder().decode(EntityFacts.self, from: data)
    }

    static let today = CalendarDay(iso: "2026-11-25")!

    func evidence(_ sign: String, _ id: String, _ date: String, source: EvidenceSource = .review) -> Evidence {
        Evidence(sign: sign, source: source, sourceID: id, date: CalendarDay(iso: date), snippet: "…")
    }

    @Test func recurringCorroboratedSignsEarnAVisit() throws {
        let engine = Engine(ruleSet: try Self.shippedRules())
        let decision = engine.evaluate(try Self.sample("sample-hotel"), asOf: Self.today)
        #expect(decision.band == "visit")
        #expect(decision.action.contains("CSE-trained officer"))
        #expect(decision.rulesetHash.count == 64)
        let ids = decision.findings.map(\.ruleID)
        #expect(ids.contains("sign/young-people"))
        #expect(ids.contains("hotel/recurrence"))
        #expect(ids.contains("hotel/corroboration"))
        #expect(ids.contains("hotel-young-people-with-sexual-signs"))
        let finding = try #require(decision.findings.first { $0.ruleID == "hotel-young-people-with-sexual-signs" })
        #expect(finding.explanation.contains("across 4 separate sources"))
        #expect(finding.explanation.hasPrefix("Young people were mentioned in 2 item(s) and sexual activity or night-time traffic in 2,"))
        #expect(finding.evidence.count == 4)
        #expect(finding.source.contains("5.6.13"))
    }

    @Test func oneRantNeverFlagsAndGoodPracticeLowers() throws {
        let engine = Engine(ruleSet: try Self.shippedRules())
        let decision = engine.evaluate(try Self.sample("sample-hotel-quiet"), asOf: Self.today, explainMisses: true)
        // One review with four concern signs is capped; good practice takes some off.
        #expect(decision.band == "none")
        #expect(decision.score < 6)
        #expect(decision.findings.contains { $0.ruleID == "good/id-checked" && $0.contribution < 0 })
        let condoms = try #require(decision.findings.first { $0.ruleID == "sign/condoms" })
        #expect(condoms.explanation.contains("per-document cap"))
        // The same rant alone: capped, and the miss says why.
        let rant = EntityFacts(kind: .hotel, id: "r", evidence: ["drug-use", "condoms", "screaming", "drug-dealing"].map {
            self.evidence($0, "R-1", "2026-11-01")
        })
        let alone = engine.evaluate(rant, asOf: Self.today, explainMisses: true)
        #expect(alone.score <= 5)
        #expect(alone.band == "none")
        #expect(alone.misses.contains { $0.ruleID == "hotel/recurrence" && $0.reason.contains("one source document") })
    }

    @Test func weakSignsAloneDoNotCount() throws {
        let engine = Engine(ruleSet: try Self.shippedRules())
        let facts = EntityFacts(kind: .hotel, id: "h", evidence: (1...12).map {
            self.evidence($0 % 2 == 0 ? "noise" : "dirty", "R\($0)", "2026-0\($0 % 9 + 1)-01")
        })
        let decision = engine.evaluate(facts, asOf: Self.today, explainMisses: true)
        #expect(decision.score == 0)
        #expect(decision.band == "none")
        #expect(decision.misses.contains { $0.ruleID == "sign/noise" && $0.reason.contains("weak sign") })
    }

    @Test func oldEvidenceDecays() throws {
        let engine = Engine(ruleSet: try Self.shippedRules())
        let recent = EntityFacts(kind: .hotel, id: "a", evidence: [self.evidence("condoms", "R1", "2026-11-01")])
        let old = EntityFacts(kind: .hotel, id: "b", evidence: [self.evidence("condoms", "R1", "2023-11-01")])
        #expect(engine.evaluate(recent, asOf: Self.today).score > engine.evaluate(old, asOf: Self.today).score * 4)
    }
}

@Suite struct HotelReviewVolumeTests {
    let engine: Engine

    init() throws {
        self.engine = Engine(ruleSet: try HotelEngineTests.shippedRules())
    }

    func evidence(_ sign: String, _ id: String, _ date: String, source: EvidenceSource = .review) -> Evidence {
        Evidence(sign: sign, source: source, sourceID: id, date: CalendarDay(iso: date), snippet: "…")
    }

    /// Nine reviews with one concern sign each, one a month through 2026 (young people and condoms
    /// among them), and sixty ordinary noise or dirt complaints.
    var strayMentions: [Evidence] {
        let signs = ["young-people", "condoms", "men-loitering", "cash-only", "screaming", "no-id-check", "night-traffic",
                     "oversight-lacking", "drug-use"]
        var items = signs.enumerated().map { self.evidence($1, "R-C\($0)", "2026-0\($0 + 1)-15") }
        items += (0..<60).map { self.evidence($0 % 3 == 0 ? "dirty" : "noise", "R-W\($0)", "2026-\(String(format: "%02d", $0 % 10 + 1))-03") }
        return items
    }

    func hotel(reviews: Int?, extra: [Evidence] = []) -> EntityFacts {
        var fields: [String: FactValue] = ["hotel.name": .string("Test Hotel"), "hotel.licensed": .bool(false)]
        if let reviews { fields["hotel.review_count"] = .number(Double(reviews)) }
        return EntityFacts(kind: .hotel, id: "h", fields: fields, evidence: self.strayMentions + extra)
    }

    @Test func aBigHotelWithABackgroundLevelOfStrayMentionsIsNotFlagged() throws {
        // Given 1,200 reviews, of which nine carry a concern sign (about twelve expected at 1 in 100),
        let decision = self.engine.evaluate(self.hotel(reviews: 1_200), asOf: HotelEngineTests.today)
        // then nothing recurs above the background: no band, and no review-only rule fires.
        #expect(decision.band == "none")
        #expect(decision.score < 6)
        let ids = decision.findings.map(\.ruleID)
        #expect(!ids.contains("hotel-young-people-with-sexual-signs"))
        #expect(!ids.contains("hotel-signs-recur-recently"))
        #expect(!ids.contains("hotel-unlicensed-with-concern"))
        #expect(!ids.contains("hotel/recurrence"))
        // The explanation says it plainly.
        let volume = try #require(decision.findings.first { $0.ruleID == "hotel/review-volume" })
        #expect(volume.explanation.hasPrefix("9 reviews with concern signs out of 1,200; about 12 expected at the background rate of 1 in 100 reviews."))
        #expect(volume.contribution < 0)
    }

    @Test func theSameSignsInASmallHotelAreFlagged() throws {
        let big = self.engine.evaluate(self.hotel(reviews: 1_200), asOf: HotelEngineTests.today)
        let small = self.engine.evaluate(self.hotel(reviews: 80), asOf: HotelEngineTests.today)
        #expect(["advisory-letter", "visit"].contains(small.band))
        #expect(small.score > big.score + 10)
        let ids = small.findings.map(\.ruleID)
        #expect(ids.contains("hotel/recurrence"))
        #expect(ids.contains("hotel-young-people-with-sexual-signs"))
        let volume = try #require(small.findings.first { $0.ruleID == "hotel/review-volume" })
        #expect(volume.explanation.contains("9 reviews with concern signs out of 80; about 0.8 expected"))
        #expect(volume.explanation.contains("count for 91%"))
    }

    @Test func aReportCorroboratingTheBigHotelsMentionsIsNotDiscounted() throws {
        let reports = [
            self.evidence("young-people", "WB-1", "2026-10-02", source: .report),
            self.evidence("night-traffic", "WB-1", "2026-10-02", source: .report),
            self.evidence("men-loitering", "INT-1", "2026-11-10", source: .intelligence),
        ]
        let alone = self.engine.evaluate(self.hotel(reviews: 1_200), asOf: HotelEngineTests.today)
        let decision = self.engine.evaluate(self.hotel(reviews: 1_200, extra: reports), asOf: HotelEngineTests.today)
        #expect(decision.band != "none")
        #expect(decision.score > alone.score + 6)
        // The report and the intelligence record count in full; the review-only gate opens for the rules.
        let ids = decision.findings.map(\.ruleID)
        #expect(ids.contains("hotel-young-people-with-sexual-signs"))
        #expect(ids.contains("hotel-intelligence-and-reviews-agree"))
        let youngPeople = try #require(decision.findings.first { $0.ruleID == "sign/young-people" })
        #expect(youngPeople.explanation.contains("1 report"))
    }

    @Test func weakSignsCountOnlyInsideAConcernDocument() throws {
        // One review reports men loitering and noise; sixty others only complain about noise or dirt.
        let facts = EntityFacts(
            kind: .hotel, id: "w", fields: ["hotel.review_count": .number(80)],
            evidence: [self.evidence("men-loitering", "R-1", "2026-10-01"), self.evidence("noise", "R-1", "2026-10-01")]
                + (0..<60).map { self.evidence($0 % 2 == 0 ? "noise" : "dirty", "R-N\($0)", "2026-09-0\($0 % 9 + 1)") })
        let decision = self.engine.evaluate(facts, asOf: HotelEngineTests.today, explainMisses: true)
        let noise = try #require(decision.findings.first { $0.ruleID == "sign/noise" })
        #expect(noise.explanation.hasPrefix("Ordinary noise complaints: reported in 1 review"))
        #expect(!decision.findings.contains { $0.ruleID == "sign/dirty" })
        #expect(decision.misses.contains { $0.ruleID == "sign/dirty" && $0.reason.contains("also reports a concern sign") })
        #expect(decision.band == "none")
    }

    @Test func anUnknownReviewCountUsesTheReviewsInTheEvidence() throws {
        let decision = self.engine.evaluate(self.hotel(reviews: nil), asOf: HotelEngineTests.today)
        let volume = try #require(decision.findings.first { $0.ruleID == "hotel/review-volume" })
        #expect(volume.explanation.contains("out of at least 69 (the hotel's review count was not given)"))
    }
}

@Suite struct ConcurrentEvaluationTests {
    @Test func oneEngineSharedByManyTasksGivesTheSameDecisions() async throws {
        // Given one engine over the shipped rules and the sample facts,
        let engine = Engine(ruleSet: try HotelEngineTests.shippedRules())
        let samples = try ["sample-hotel", "sample-driver", "sample-report", "sample-application"].map(HotelEngineTests.sample)
        let expected = samples.map { engine.evaluate($0, asOf: HotelEngineTests.today, explainMisses: true) }
        // when 64 tasks evaluate them at once,
        let results = await withTaskGroup(of: [Decision].self) { group in
            for _ in 0..<64 {
                group.addTask { samples.map { engine.evaluate($0, asOf: HotelEngineTests.today, explainMisses: true) } }
            }
            var all: [[Decision]] = []
            for await decisions in group { all.append(decisions) }
            return all
        }
        // then every task saw exactly the single-threaded decisions.
        #expect(results.count == 64)
        #expect(results.allSatisfy { $0 == expected })
    }
}
