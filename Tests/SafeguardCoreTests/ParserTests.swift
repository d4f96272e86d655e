import Testing

@testable import SafeguardCore

@Suite struct ParserTests {
    @Test func precedenceAndBeforeOr() throws {
        let node = try Parser.parse("a == 1 or b == 2 and c == 3")
        guard case .binary(.or, _, let right) = node.syntax, case .binary(.and, _, _) = right.syntax else {
            Issue.record("expected or(…, and(…))")
            return
        }
    }

    @Test func durationsAndDates() throws {
        #expect(try Parser.parse("6 months").syntax == .duration(6 * 30.4375))
        #expect(try Parser.parse("180 days").syntax == .duration(180))
        #expect(try Parser.parse("2 weeks").syntax == .duration(14))
        #expect(try Parser.parse("2025-01-01").syntax == .date(CalendarDay(iso: "2025-01-01")!))
    }

    @Test func aggregatesWithFieldAndFilter() throws {
        let node = try Parser.parse("sum(evidence.weight where sign == \"condoms\")")
        guard case .aggregate("sum", field: "weight", filter: let filter?) = node.syntax else {
            Issue.record("expected an aggregate with a filter")
            return
        }
        #expect(filter.offset == 26)
        #expect(try Parser.parse("count(evidence)").syntax == .aggregate("count", field: nil, filter: nil))
    }

    @Test func notInAndMembership() throws {
        guard case .binary(.notIn, _, let list) = try Parser.parse("x not in [\"a\", \"b\"]").syntax,
            case .list(let items) = list.syntax
        else {
            Issue.record("expected not in")
            return
        }
        #expect(items.count == 2)
    }

    @Test func nodesKnowTheirSpan() throws {
        let node = try Parser.parse("  days_since(driver.dbs.issued_on) > 3 years")
        #expect(node.offset == 2)
        #expect(node.length == 42)
    }

    @Test(arguments: [
        ("a >", "unexpected-end"),
        ("(a == 1", "expected-symbol"),
        ("a == 1 b", "unexpected-token"),
        ("count(sign == \"x\")", "expected-evidence"),
        ("count", "missing-parenthesis"),
        ("dayz_since(x)", "unknown-function"),
        ("a and and b", "unexpected-keyword"),
        ("[1, 2", "expected-symbol"),
        ("", "unexpected-end"),
        (")", "unexpected-token"),
    ])
    func malformedExpressionsAreParseErrorsNotCrashes(text: String, code: String) {
        do {
            _ = try Parser.parse(text)
            Issue.record("\(text) should not parse")
        } catch {
            #expect(error.code == code, "\(text)")
        }
    }

    @Test func deepNestingIsRefusedNotAStackOverflow() {
        let text = String(repeating: "(", count: 5000) + "a" + String(repeating: ")", count: 5000)
        #expect(throws: ExpressionError.self) { try Parser.parse(text) }
    }

    @Test func unknownFunctionSuggestsTheRightOne() {
        do {
            _ = try Parser.parse("day_since(driver.dbs.issued_on)")
        } catch {
            #expect(error.suggestion == "days_since")
        }
    }

    @Test func garbageNeverCrashes() {
        // Given every prefix of a realistic condition and a few hostile strings,
        // when parsed, then each either parses or throws — nothing traps.
        let text = "count(evidence where sign in [\"condoms\", \"young-people\"] and days_since(date) <= 12 months) >= 2"
        var inputs = (0...text.count).map { String(text.prefix($0)) }
        inputs += ["\u{0}", "😀 == 1", "((((", "]]]", "1e999999 > 1", "-", "not", "evidence.", "\"\\"]
        for input in inputs {
            _ = try? Parser.parse(input)
        }
    }
}

/// Regressions found by the rule-expression fuzzer (docs/fuzzing.md).
@Suite struct FuzzRegressionTests {
    @Test(arguments: [9.9e15, -9.9e15, 5.5e19, 1e300, 123_456_789_012_345.6])
    func hugeNumbersFormatWithoutTrapping(value: Double) {
        // Given a literal too large for Int, when formatted for a message or explanation,
        // then it prints as a number instead of trapping in Int(_:).
        let text = NumberFormat.short(value)
        #expect(!text.isEmpty)
        #expect(Double(text) != nil)
    }

    @Test func theMinimisedCrashInputParsesOrThrows() {
        // The 31-byte input from Fuzz/crashes/rule-expression-int-overflow.txt.
        let input = "[Nbpi0*5]55555555555555555550\n0"
        do {
            _ = try Parser.parse(input)
        } catch {
            #expect(!error.message.isEmpty)
        }
    }
}
