import Foundation
import SafeguardCore
import Testing

@testable import SafeguardRules

/// A throwaway rules directory with the given files.
struct RulesDirectory {
    let url: URL

    init(_ files: [String: String]) throws {
        self.url = FileManager.default.temporaryDirectory.appendingPathComponent("rules-\(UUID().uuidString)")
        for (path, text) in files {
            let file = self.url.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
        }
    }

    func check() -> RuleSetLoader.Report {
        RuleSetLoader.check(directory: self.url)
    }
}

@Suite struct RuleSetLoaderTests {
    static func driverFile(when: String, extra: String = "") -> String {
        """
        version: 1
        applies-to: driver
        rules:
          - id: stale-check
            title: Stale check
            source: "DfT standards"
            when: \(when)
            weight: 2
        \(extra)
        """
    }

    @Test func misspeltFieldIsRejectedWithFileLineColumnAndSuggestion() throws {
        // Given a rule whose field path has a typo at line 7,
        let directory = try RulesDirectory([
            "taxis/drivers.yaml": Self.driverFile(when: "days_since(driver.dbs.last_status_chek) > 6 months")
        ])
        // when the directory is checked,
        let report = directory.check()
        // then nothing loads and the error points at the field with a suggestion.
        #expect(report.ruleSet == nil)
        let error = try #require(report.errors.first { $0.code == "unknown-field" })
        #expect(error.location == SourceLocation(file: "taxis/drivers.yaml", line: 7, column: 22))
        #expect(error.excerpt == "driver.dbs.last_status_chek")
        #expect(error.suggestion == "driver.dbs.last_status_check")
        #expect(error.description.hasPrefix("taxis/drivers.yaml:7:22: error:"))
        #expect(throws: RuleSetError.self) { try RuleSetLoader.load(directory: directory.url) }
    }

    @Test func errorsInsideBlockScalarsPointAtTheRightLine() throws {
        let directory = try RulesDirectory([
            "d.yaml": Self.driverFile(when: ">\n      driver.licence.status == \"active\"\n      and driver.revocatons >= 1")
        ])
        let error = try #require(directory.check().errors.first { $0.code == "unknown-field" })
        #expect(error.location?.line == 9)
        #expect(error.location?.column == 11)
        #expect(error.suggestion == "driver.revocations")
    }

    @Test(arguments: [
        "driver.ethnicity == \"x\"",
        "driver.licence.status == \"active\" and driver.religion == \"x\"",
        "driver.country_of_birth != \"UK\"",
    ])
    func protectedCharacteristicIsRejectedWithTheReason(when: String) throws {
        let report = try RulesDirectory(["d.yaml": Self.driverFile(when: when)]).check()
        let error = try #require(report.errors.first { $0.code == "protected-characteristic" })
        #expect(error.message.contains("2.3"))
        #expect(error.message.contains("stereotyping"))
        #expect(error.location?.file == "d.yaml")
        #expect(report.ruleSet == nil)
    }

    @Test func protectedCharacteristicInATitleIsRejected() throws {
        let yaml = Self.driverFile(when: "driver.revocations >= 1").replacingOccurrences(
            of: "title: Stale check", with: "title: Asian men driving at night")
        let report = try RulesDirectory(["d.yaml": yaml]).check()
        #expect(report.errors.contains { $0.code == "protected-characteristic" && $0.excerpt == "asian" })
    }

    @Test(arguments: ["driver.revocations >=", "(driver.revocations > 1", "driver.revocations = 1", "count(evidence where) > 1"])
    func malformedExpressionIsAParseErrorNotACrash(when: String) throws {
        let report = try RulesDirectory(["d.yaml": Self.driverFile(when: "'\(when)'")]).check()
        #expect(report.ruleSet == nil)
        let error = try #require(report.errors.first)
        #expect(error.location?.file == "d.yaml")
        #expect(error.location?.line == 7)
    }

    @Test func lintCatchesDuplicatesMissingSourceWeightsAndUnknownFields() throws {
        let yaml = """
            version: 1
            applies-to: driver
            rules:
              - {id: a, title: A, source: "s", when: "driver.revocations >= 1", weight: 2}
              - {id: a, title: B, source: "s", when: "driver.revocations >= 2", weight: 11}
              - {id: c, title: C, when: "driver.revocations >= 3", weight: 1, wieght: 2}
            """
        let codes = try RulesDirectory(["d.yaml": yaml]).check().errors.map(\.code)
        #expect(codes.contains("duplicate-id"))
        #expect(codes.contains("weight-out-of-range"))
        #expect(codes.contains("missing-source"))
        #expect(codes.contains("unknown-field"))
    }

    @Test func oneBadFileMeansNothingLoads() throws {
        let directory = try RulesDirectory([
            "good.yaml": Self.driverFile(when: "driver.revocations >= 1"),
            "bad.yaml": "version: 1\napplies-to: report\nrules: [\n",
        ])
        let report = directory.check()
        #expect(report.ruleSet == nil)
        #expect(report.errors.contains { $0.code == "yaml-syntax" && $0.location?.file == "bad.yaml" })
    }

    @Test func actionsThatRevokeByThemselvesAreRejected() throws {
        let yaml = Self.driverFile(when: "driver.revocations >= 1")
            + "\nbands:\n  - {id: none, min: 0, action: \"No action\"}\n  - {id: revoke, min: 5, action: \"Revoke the licence\"}\n"
        let report = try RulesDirectory(["d.yaml": yaml]).check()
        #expect(report.errors.contains { $0.code == "automatic-sanction" })
    }

    @Test func aPerDocumentCapThatCouldFlagOnItsOwnIsRejected() throws {
        let signs = try String(contentsOf: repositoryRoot.appendingPathComponent("rules/hotels/signs.yaml"), encoding: .utf8)
        let scoring = """
            version: 1
            applies-to: hotel
            scoring:
              per-document-cap: 8
            bands:
              - {id: none, min: 0, action: "No action"}
              - {id: monitor, min: 6, action: "Monitor"}
            """
        let report = try RulesDirectory(["hotels/signs.yaml": signs, "hotels/scoring.yaml": scoring]).check()
        #expect(report.errors.contains { $0.code == "one-document-can-flag" })
    }

    static func hotelScoring(_ block: String) -> String {
        """
        version: 1
        applies-to: hotel
        scoring:
        \(block)
        bands:
          - {id: none, min: 0, action: "No action"}
          - {id: monitor, min: 6, action: "Monitor"}
        """
    }

    @Test func weakSignScopeAndBackgroundRateAreReadAndChecked() throws {
        let signs = try String(contentsOf: repositoryRoot.appendingPathComponent("rules/hotels/signs.yaml"), encoding: .utf8)
        // The shipped file: weak signs only inside concern documents, 1 concern review in 100 as background.
        let shipped = try #require(try HotelEngineTests.shippedRules().hotelScoring)
        #expect(shipped.weakSignScope == .sameDocument)
        #expect(shipped.backgroundRate == 0.01)
        let valid = Self.hotelScoring("  weak-signs-scope: any-document\n  review-volume:\n    background-rate: 0.004")
        let loaded = try RuleSetLoader.load(
            directory: try RulesDirectory(["hotels/signs.yaml": signs, "hotels/scoring.yaml": valid]).url)
        #expect(loaded.hotelScoring?.weakSignScope == .anyDocument)
        #expect(loaded.hotelScoring?.backgroundRate == 0.004)
        // A misspelt scope names the field, its line and the closest value; a rate above 1 is out of range.
        let bad = Self.hotelScoring("  weak-signs-scope: same-documents\n  review-volume:\n    background-rate: 2")
        let report = try RulesDirectory(["hotels/signs.yaml": signs, "hotels/scoring.yaml": bad]).check()
        let scope = try #require(report.errors.first { $0.code == "unknown-weak-sign-scope" })
        #expect(scope.message.contains("same-document, any-document"))
        #expect(scope.suggestion == "same-document")
        #expect(scope.location?.line == 4)
        let rate = try #require(report.errors.first { $0.code == "out-of-range" })
        #expect(rate.message.contains("`background-rate` must be between 0 and 1"))
        #expect(rate.location?.line == 6)
    }

    @Test func theHashIgnoresTrailingSpacesButNotContent() throws {
        let base = Self.driverFile(when: "driver.revocations >= 1")
        let a = try RuleSetLoader.load(directory: try RulesDirectory(["d.yaml": base]).url)
        let b = try RuleSetLoader.load(directory: try RulesDirectory(["d.yaml": base.replacingOccurrences(of: "\n", with: "  \r\n")]).url)
        let c = try RuleSetLoader.load(directory: try RulesDirectory(["d.yaml": base.replacingOccurrences(of: ">= 1", with: ">= 2")]).url)
        #expect(a.hash == b.hash)
        #expect(a.hash != c.hash)
        #expect(a.hash.count == 64)
    }

    @Test func theShippedRulesLoadAndEveryFileIsCoveredByRuleTests() throws {
        let directory = repositoryRoot.appendingPathComponent("rules")
        let ruleSet = try RuleSetLoader.load(directory: directory)
        #expect(ruleSet.files.contains("taxis/drivers.yaml"))
        #expect(ruleSet.rules.allSatisfy { !$0.source.isEmpty })
        #expect(ruleSet.conditions.allSatisfy { !$0.proportionality.isEmpty })
        let cases = try RuleTestLoader.load(directory: directory.appendingPathComponent("tests"))
        let report = RuleTestRunner.run(cases, ruleSet: ruleSet)
        #expect(report.uncoveredFiles.isEmpty)
        for result in report.results where !result.passed {
            Issue.record("\(result.file):\(result.line) \(result.name): \(result.failures.joined(separator: "; "))")
        }
        #expect(report.passed)
    }

    @Test func aFailingRuleTestSaysWhyTheRuleDidNotFire() throws {
        let directory = try RulesDirectory([
            "d.yaml": Self.driverFile(when: "days_since(driver.dbs.last_status_check) > 6 months")
                + "\nbands:\n  - {id: none, min: 0, action: \"No action\"}\n  - {id: reminder, min: 1, action: \"Letter\"}\n",
            "tests/t.yaml": """
                version: 1
                as-of: 2026-11-25
                cases:
                  - name: recent check
                    kind: driver
                    facts: {driver.dbs.last_status_check: 2026-10-01}
                    expect: {fired: [stale-check], band: reminder}
                """,
        ])
        let ruleSet = try RuleSetLoader.load(directory: directory.url)
        let cases = try RuleTestLoader.load(directory: directory.url.appendingPathComponent("tests"))
        let report = RuleTestRunner.run(cases, ruleSet: ruleSet)
        #expect(!report.passed)
        let failure = try #require(report.results.first?.failures.first)
        #expect(failure.contains("is false"))
        #expect(failure.contains("55 days"))
    }
}
