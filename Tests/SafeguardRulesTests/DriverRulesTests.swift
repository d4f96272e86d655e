import Foundation
import SafeguardCore
import SafeguardRules
import Testing

/// The shipped driver rules (`rules/taxis/drivers.yaml`) against their cases in `rules/tests/drivers.yaml`.
@Suite struct DriverRulesTests {
    static let rules = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("rules")

    /// Every driver rule, so a new rule without cases fails `everyDriverRuleIsListed`.
    static let ruleIDs = [
        "driver-no-enhanced-dbs", "driver-barred-lists-not-checked", "driver-update-service-check-stale",
        "driver-dbs-stale-without-update-service", "driver-no-safeguarding-training", "driver-training-not-at-renewal",
        "driver-renewal-due-without-training", "driver-nr3s-not-searched", "driver-nr3s-match-open",
        "driver-adverse-history", "driver-sexual-offence-history", "driver-child-victim-and-licensed",
        "driver-linked-concern", "driver-repeated-reports", "driver-licensed-elsewhere-with-concerns",
        "driver-licence-expired-but-active",
    ]

    static let outcomes = [
        "no-action", "request-dbs-status-check", "require-training-before-renewal", "nr3s-search-required",
        "summon-for-interview", "refer-to-licensing-committee",
    ]

    func load() throws -> (RuleSet, [RuleTestCase]) {
        let ruleSet = try RuleSetLoader.load(directory: Self.rules)
        let cases = try RuleTestLoader.load(directory: Self.rules.appendingPathComponent("tests")).filter { $0.facts.kind == .driver }
        return (ruleSet, cases)
    }

    @Test func everyDriverRuleIsListed() throws {
        let (ruleSet, _) = try self.load()
        #expect(Set(ruleSet.rules.filter { $0.appliesTo == .driver }.map(\.id)) == Set(Self.ruleIDs))
    }

    @Test(arguments: DriverRulesTests.ruleIDs)
    func ruleFiresInItsCaseAndNotInAnother(_ id: String) throws {
        // Given the driver cases, when they run, then one expects this rule and one rules it out, and both pass.
        let (ruleSet, cases) = try self.load()
        let firing = cases.filter { $0.fired.contains(id) }
        let quiet = cases.filter { $0.notFired.contains(id) }
        #expect(!firing.isEmpty, "no case shows \(id) firing")
        #expect(!quiet.isEmpty, "no case shows \(id) not firing")
        let report = RuleTestRunner.run(firing + quiet, ruleSet: ruleSet)
        for result in report.results {
            #expect(result.passed, "\(result.name): \(result.failures.joined(separator: "; "))")
        }
        // Its explanation renders from the facts of a firing case, without unfilled placeholders.
        let engine = Engine(ruleSet: ruleSet)
        for test in firing {
            let finding = try #require(engine.evaluate(test.facts, asOf: test.asOf).findings.first { $0.ruleID == id })
            #expect(!finding.explanation.isEmpty && !finding.explanation.contains("{"))
            #expect(!finding.source.isEmpty)
        }
    }

    @Test func outcomesAreTheSixAndNeverASanction() throws {
        let (ruleSet, _) = try self.load()
        let bands = (ruleSet.bands[.driver] ?? []).sorted { $0.minimumScore < $1.minimumScore }
        #expect(bands.map(\.id) == Self.outcomes)
        let driverRules = ruleSet.rules.filter { $0.appliesTo == .driver }
        // Every rule names an outcome; weights alone can never reach an outcome band.
        #expect(driverRules.allSatisfy { $0.outcome != nil && Self.outcomes.contains($0.outcome!) })
        let total = driverRules.compactMap(\.weight).reduce(0, +)
        #expect(total < bands[1].minimumScore)
        for band in bands {
            let action = band.action.lowercased()
            #expect(!(action.contains("suspend") || action.contains("revoke")) || action.contains("committee"))
        }
    }

    @Test func waitingNearChildrenIsNeverGroundsOnItsOwn() throws {
        // Given a driver whose only reports say the taxi waits outside a children's home (men-loitering),
        let (ruleSet, _) = try self.load()
        let evidence = (1...3).map {
            Evidence(sign: "men-loitering", source: .report, sourceID: "WB-\($0)", date: CalendarDay(iso: "2026-10-0\($0)"), snippet: "taxi parked outside the children's home")
        }
        let facts = EntityFacts(kind: .driver, id: "KV/PH/1", fields: ["driver.licence.status": .string("active")], evidence: evidence)
        // when evaluated, then no report rule fires (report 5.6.6).
        let fired = Engine(ruleSet: ruleSet).evaluate(facts, asOf: CalendarDay(iso: "2026-11-01")!).findings.map(\.ruleID)
        #expect(!fired.contains { ["driver-linked-concern", "driver-repeated-reports", "driver-licensed-elsewhere-with-concerns"].contains($0) })
    }
}
