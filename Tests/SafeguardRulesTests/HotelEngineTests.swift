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
