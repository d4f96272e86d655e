import Testing

@testable import SafeguardCore

@Suite struct EvaluatorTests {
    let driver = EntityFacts(
        kind: .driver, id: "d",
        fields: [
            "driver.licence.status": .string("active"),
            "driver.dbs.last_status_check": .string("2026-03-01"),
            "driver.dbs.update_service": .string("yes"),
            "driver.revocations": .number(1),
            "driver.revocation.reason": .string("Indecent assault"),
            "driver.licence.issued_on": .date(CalendarDay(iso: "2026-01-01")!),
        ],
        evidence: [
            Expr.evidence("condoms", "R1", "2026-01-10"),
            Expr.evidence("condoms", "R2", "2026-03-05"),
            Expr.evidence("young-people", "WB-1", "2026-03-20", .report),
            Expr.evidence("noise", "R3", nil),
            Expr.evidence("id-checked", "R4", "2026-06-01"),
        ])

    @Test func datesDurationsAndDaysSince() throws {
        #expect(try Expr.test("days_since(driver.dbs.last_status_check) > 6 months", self.driver) == true)
        #expect(try Expr.test("days_since(driver.dbs.last_status_check) > 300 days", self.driver) == false)
        #expect(try Expr.render("days_since(driver.dbs.last_status_check)", self.driver) == "269 days")
        #expect(try Expr.test("driver.dbs.last_status_check < 2026-04-01", self.driver) == true)
        #expect(try Expr.test("today - 1 years < driver.licence.issued_on", self.driver) == true)
    }

    @Test func stringsBooleansMembershipAndMatches() throws {
        #expect(try Expr.test("driver.licence.status in [\"active\", \"suspended\"]", self.driver) == true)
        #expect(try Expr.test("driver.licence.status not in [\"active\"]", self.driver) == false)
        #expect(try Expr.test("driver.dbs.update_service == true", self.driver) == true)
        #expect(try Expr.test("driver.revocation.reason matches \"indecen|sexual\"", self.driver) == true)
        #expect(try Expr.test("driver.revocation.reason contains \"ASSAULT\"", self.driver) == true)
        // A real regular expression (not a plain alternation) goes through the regex engine.
        #expect(try Expr.test("driver.revocation.reason matches \"^indecent\\\\s+ASSAULT$\"", self.driver) == true)
        #expect(try Expr.test("driver.revocation.reason matches \"^assault\"", self.driver) == false)
        #expect(try Expr.test("driver.revocation.reason matches \"grooming|theft\"", self.driver) == false)
        #expect(try Expr.test("lower(driver.revocation.reason) == \"indecent assault\"", self.driver) == true)
    }

    @Test func aggregatesOverEvidence() throws {
        #expect(try Expr.render("count(evidence where sign == \"condoms\")", self.driver) == "2")
        #expect(try Expr.render("distinct_months(evidence where kind == \"concern\")", self.driver) == "2")
        #expect(try Expr.render("distinct_sources(evidence)", self.driver) == "2")
        #expect(try Expr.render("distinct_documents(evidence where sign == \"condoms\")", self.driver) == "2")
        #expect(try Expr.render("sum(evidence.weight where kind == \"concern\")", self.driver) == "13")
        #expect(try Expr.render("max(evidence.weight)", self.driver) == "5")
        #expect(try Expr.render("latest(evidence where sign == \"condoms\")", self.driver) == "2026-03-05")
        #expect(try Expr.render("earliest(evidence)", self.driver) == "2026-01-10")
        #expect(try Expr.test("any(evidence where source == \"report\")", self.driver) == true)
        #expect(try Expr.test("all(evidence where weight > 0)", self.driver) == false)
        #expect(try Expr.test("count(evidence where sign in [\"condoms\", \"noise\"]) == 3", self.driver) == true)
        #expect(try Expr.test("count(evidence where days_since(date) <= 300 days) == 3", self.driver) == true)
    }

    @Test func missingFactsAreUnknownNotFalse() throws {
        let empty = EntityFacts(kind: .driver, id: "e")
        #expect(try Expr.test("days_since(driver.nr3s.searched_on) > 1 days", empty) == nil)
        #expect(try Expr.test("not (days_since(driver.nr3s.searched_on) > 1 days)", empty) == nil)
        #expect(try Expr.test("missing(driver.nr3s.searched_on)", empty) == true)
        #expect(try Expr.test("missing(driver.nr3s.searched_on) or driver.revocations > 1", empty) == true)
        #expect(try Expr.test("driver.revocations > 1 and false", empty) == false)
        #expect(try Expr.render("driver.nr3s.searched_on", empty) == "not recorded")
        #expect(try Expr.render("count(evidence)", empty) == "0")
        #expect(try Expr.render("latest(evidence)", empty) == "not recorded")
    }

    @Test func malformedFactsBecomeIssuesNotCrashes() throws {
        var issues: [String] = []
        let facts = EntityFacts(
            kind: .driver, id: "x",
            fields: [
                "driver.dbs.issued_on": .string("last tuesday"), "driver.revocations": .string("many"),
                "driver.dbs.update_service": .string("perhaps"), "driver.colour_of_car": .string("red"),
            ])
        let ctx = FactPreparation.context(facts, signs: SignTable([]), today: 0, issues: &issues)
        #expect((0..<ctx.slotCount).allSatisfy { ctx.numbers[$0].isNaN && ctx.dates[$0] == EvaluationContext.missingDay && ctx.flags[$0] < 0 })
        #expect(issues.count == 4)
        #expect(issues.contains { $0.contains("driver.dbs.issued_on") && $0.contains("YYYY-MM-DD") })
        #expect(try Expr.test("days_since(driver.dbs.issued_on) > 1 days", facts) == nil)
    }

    @Test func divisionByZeroIsUnknown() throws {
        #expect(try Expr.test("driver.revocations / 0 > 1", self.driver) == nil)
    }
}

@Suite struct ExplanationTemplateTests {
    @Test func placeholdersKeepTheSpacesAroundThem() throws {
        // Given a rule whose explanation has placeholders mid-sentence and surrounding whitespace,
        let rule = RuleDefinition(
            id: "r", title: "R", source: "5.6.6", appliesTo: .driver, when: ExpressionSource("driver.revocations >= 1"),
            weight: 1, explain: ExpressionSource("  {driver.revocations} revocation(s) for {driver.revocation.reason} on record.\n"))
        let engine = Engine(ruleSet: try RuleSet(compiling: RuleSetDefinition(rules: [rule], hash: "h")))
        // when it fires,
        let decision = engine.evaluate(
            EntityFacts(kind: .driver, id: "d", fields: ["driver.revocations": .number(2), "driver.revocation.reason": .string("dishonesty")]),
            asOf: Expr.today)
        // then the explanation is the sentence with values filled in, trimmed at both ends only.
        #expect(decision.findings.first?.explanation == "2 revocation(s) for dishonesty on record.")
        #expect(decision.rulesetHash == "h")
    }

    @Test func aMissingValueRendersAsNotRecorded() throws {
        let rule = RuleDefinition(
            id: "r", title: "R", source: "s", appliesTo: .report, when: ExpressionSource("report.danger_now == true"),
            outcome: "urgent", explain: ExpressionSource("Danger now at {report.where.premises}."))
        let ruleSet = try RuleSet(
            compiling: RuleSetDefinition(
                rules: [rule], bands: [.report: [BandDefinition(id: "routine", minimumScore: 0, action: "a"),
                                                 BandDefinition(id: "urgent", minimumScore: 8, action: "call")]]))
        let decision = Engine(ruleSet: ruleSet).evaluate(
            EntityFacts(kind: .report, id: "r", fields: ["report.danger_now": .bool(true)]), asOf: Expr.today)
        #expect(decision.findings.first?.explanation == "Danger now at not recorded.")
        // The outcome raises the band even though the score (0) is below it.
        #expect(decision.band == "urgent")
        #expect(decision.action == "call")
    }

    @Test func checkerErrorsInTemplatesAreLocated() {
        let rule = RuleDefinition(
            id: "r", title: "R", source: "s", appliesTo: .driver, when: ExpressionSource("driver.revocations >= 1"),
            weight: 1, explain: ExpressionSource("Seen {driver.revocatons} times", file: "d.yaml", segments: [.init(offset: 0, line: 9, column: 15)]))
        do {
            _ = try RuleSet(compiling: RuleSetDefinition(rules: [rule]))
            Issue.record("should not compile")
        } catch {
            let diagnostic = error.diagnostics.first
            #expect(diagnostic?.location == SourceLocation(file: "d.yaml", line: 9, column: 21))
            #expect(diagnostic?.suggestion == "driver.revocations")
        }
    }
}

@Suite struct BandTests {
    @Test func scoresBelowTheLowestBandFallInNoneAndOutcomesStillRank() throws {
        let bands = [
            BandDefinition(id: "letter", minimumScore: 2, action: "Write"),
            BandDefinition(id: "interview", minimumScore: 5, action: "Interview"),
        ]
        let rules = [
            RuleDefinition(id: "small", title: "S", source: "s", appliesTo: .driver, when: ExpressionSource("driver.revocations >= 1"), weight: 1),
            RuleDefinition(id: "serious", title: "X", source: "s", appliesTo: .driver, when: ExpressionSource("driver.revocations >= 3"), weight: 0, outcome: "interview"),
        ]
        let engine = Engine(ruleSet: try RuleSet(compiling: RuleSetDefinition(rules: rules, bands: [.driver: bands])))
        func band(_ revocations: Double) -> String {
            engine.evaluate(EntityFacts(kind: .driver, id: "d", fields: ["driver.revocations": .number(revocations)]), asOf: Expr.today).band
        }
        #expect(band(0) == "none")
        #expect(band(1) == "none")
        #expect(band(3) == "interview")
    }

    @Test func unknownOutcomeIsACheckError() {
        let rule = RuleDefinition(
            id: "r", title: "R", source: "s", appliesTo: .driver, when: ExpressionSource("driver.revocations >= 1"), outcome: "intervew")
        do {
            _ = try RuleSet(compiling: RuleSetDefinition(rules: [rule], bands: [.driver: [BandDefinition(id: "interview", minimumScore: 0, action: "a")]]))
            Issue.record("should not compile")
        } catch {
            #expect(error.diagnostics.first?.code == "unknown-outcome")
            #expect(error.diagnostics.first?.suggestion == "interview")
        }
    }
}
