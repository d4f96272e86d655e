import Testing

@testable import SafeguardCore

@Suite struct CheckerTests {
    @Test func misspeltFieldIsRejectedWithASuggestion() throws {
        let error = try #require(Expr.error("days_since(driver.dbs.last_status_chek) > 6 months"))
        #expect(error.code == "unknown-field")
        #expect(error.suggestion == "driver.dbs.last_status_check")
        #expect(error.offset == 11)
        #expect(error.length == "driver.dbs.last_status_chek".count)
    }

    @Test func fieldOfAnotherKindIsExplained() throws {
        let error = try #require(Expr.error("hotel.name == \"x\"", kind: .driver))
        #expect(error.code == "wrong-kind-field")
    }

    @Test(arguments: [
        ("driver.revocations > 6 months", "type-mismatch"),
        ("days_since(driver.dbs.issued_on) > 180", "type-mismatch"),
        ("driver.licence.status > 3", "type-mismatch"),
        ("driver.revocations and true", "type-mismatch"),
        ("days_since(driver.licence.status) > 1 days", "type-mismatch"),
        ("driver.licence.status in driver.revocations", "type-mismatch"),
        ("count(evidence where sign == \"condom\") > 1", "unknown-sign"),
        ("count(evidence where source == \"reviews\") > 1", "unknown-source"),
        ("sum(evidence) > 1", "aggregate-field"),
        ("count(evidence.weight) > 1", "aggregate-field"),
        ("any(evidence where count(evidence) > 1)", "nested-aggregate"),
        ("sign == \"condoms\"", "unknown-field"),
        ("evidence == 1", "evidence-outside-aggregate"),
        ("driver.revocation.reason matches \"(\"", "bad-pattern"),
        ("driver.revocation.reason matches driver.licence.status", "pattern-literal"),
    ])
    func typeAndNameErrorsAreCaughtBeforeEvaluation(text: String, code: String) throws {
        let error = try #require(Expr.error(text), "\(text) should not check")
        #expect(error.code == code, "\(text): \(error.message)")
    }

    @Test func unknownSignSuggestsTheNearestSign() throws {
        let error = try #require(Expr.error("any(evidence where sign == \"condom\")"))
        #expect(error.suggestion == "condoms")
    }

    @Test func everyKindHasItsSchema() {
        for kind in EntityKind.allCases {
            let schema = FactSchema.of(kind)
            #expect(!schema.fields.isEmpty)
            #expect(schema.fields.allSatisfy { $0.path.hasPrefix(kind.rawValue + ".") })
        }
    }

    @Test func wellTypedExpressionsCheck() throws {
        for text in [
            "days_since(driver.dbs.last_status_check) > 6 months",
            "driver.licence.status in [\"active\", \"suspended\"] and not driver.licensed_elsewhere",
            "missing(driver.nr3s.searched_on) or driver.nr3s.searched_on < 2025-01-01",
            "distinct_months(evidence where kind == \"concern\") >= 2",
            "max(evidence.date where sign == \"condoms\") > today - 90 days",
            "latest(evidence) - driver.licence.issued_on > 30 days",
            "sum(evidence.weight) / 2 >= 1.5",
        ] {
            #expect(Expr.error(text) == nil, "\(text)")
        }
    }
}
