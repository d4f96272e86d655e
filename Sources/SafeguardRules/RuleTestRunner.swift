import SafeguardCore

/// Runs rule test cases against a rule set and checks every rule file is exercised.
public enum RuleTestRunner {
    /// Runs `cases`; a rule file counts as covered when some case expects one of its rules (or
    /// conditions) to fire, or — for the sign list and hotel scoring — when some hotel case exists.
    public static func run(_ cases: [RuleTestCase], ruleSet: RuleSet) -> RuleTestReport {
        let engine = Engine(ruleSet: ruleSet)
        var results: [RuleTestResult] = []
        var firedAnywhere: Set<String> = []
        var expected: Set<String> = []
        for test in cases {
            let decision = engine.evaluate(test.facts, asOf: test.asOf, explainMisses: true)
            let fired = decision.findings.map(\.ruleID)
            let recommended = decision.conditions.map(\.id)
            firedAnywhere.formUnion(fired)
            firedAnywhere.formUnion(recommended)
            expected.formUnion(test.fired)
            expected.formUnion(test.conditions)
            var failures: [String] = []
            for id in test.fired where !fired.contains(id) {
                let reason = decision.misses.first { $0.ruleID == id }?.reason ?? "no such rule for \(test.facts.kind.rawValue)"
                failures.append("expected `\(id)` to fire, but it did not: \(reason)")
            }
            for id in test.notFired where fired.contains(id) {
                failures.append("expected `\(id)` not to fire, but it did: \(decision.findings.first { $0.ruleID == id }?.explanation ?? "")")
            }
            for id in test.conditions where !recommended.contains(id) {
                failures.append("expected condition `\(id)` to be recommended, but it was not")
            }
            if let band = test.band, band != decision.band {
                failures.append("expected band `\(band)`, got `\(decision.band)` (score \(NumberFormat.short(decision.score)))")
            }
            results.append(
                RuleTestResult(
                    name: test.name, file: test.location.file, line: test.location.line, passed: failures.isEmpty,
                    failures: failures, band: decision.band, score: decision.score, fired: fired))
        }
        var uncovered: [String] = []
        let hasHotelCase = cases.contains { $0.facts.kind == .hotel }
        var ruleFiles: [String: [String]] = [:]
        for rule in ruleSet.rules {
            ruleFiles[rule.location?.file ?? "?", default: []].append(rule.id)
        }
        for condition in ruleSet.conditions {
            ruleFiles[condition.location?.file ?? "?", default: []].append(condition.id)
        }
        for file in ruleSet.files {
            let ids = ruleFiles[file] ?? []
            if ids.isEmpty {
                if !hasHotelCase { uncovered.append(file) }
                continue
            }
            if !ids.contains(where: { expected.contains($0) }) {
                uncovered.append(file)
            }
        }
        let allIDs = ruleSet.rules.map(\.id) + ruleSet.conditions.map(\.id)
        return RuleTestReport(
            results: results, uncoveredFiles: uncovered, neverFired: allIDs.filter { !firedAnywhere.contains($0) },
            loadErrors: [], rulesetHash: ruleSet.hash)
    }
}
