import Testing

@testable import SafeguardCore

@Suite struct LexerTests {
    @Test func tokenizesPathsNumbersDatesStringsAndSymbols() throws {
        let tokens = try Lexer("driver.dbs.last_status_check <= 2026-01-31 and x != \"a b\" or n >= 1_000.5").tokenize()
        let kinds = tokens.map(\.kind)
        #expect(kinds[0] == .identifier("driver.dbs.last_status_check"))
        #expect(kinds[1] == .symbol("<="))
        #expect(kinds[2] == .date(CalendarDay(iso: "2026-01-31")!))
        #expect(kinds[3] == .identifier("and"))
        #expect(kinds[5] == .symbol("!="))
        #expect(kinds[6] == .string("a b"))
        #expect(kinds[9] == .symbol(">="))
        #expect(kinds[10] == .number(1000.5))
        #expect(kinds.last == .end)
        #expect(tokens[2].offset == 32)
        #expect(tokens[2].length == 10)
    }

    @Test func singleQuotesEscapesAndSymbolAliases() throws {
        let kinds = try Lexer("'it\\'s' && a || b").tokenize().map(\.kind)
        #expect(kinds == [.string("it's"), .identifier("and"), .identifier("a"), .identifier("or"), .identifier("b"), .end])
    }

    @Test(arguments: [
        ("a = 1", "single-equals", 2),
        ("\"never closed", "unterminated-string", 0),
        ("a # b", "unexpected-character", 2),
        ("!a", "bad-symbol", 0),
    ])
    func badInputIsALocatedError(text: String, code: String, offset: Int) {
        #expect(throws: ExpressionError.self) { try Lexer(text).tokenize() }
        do {
            _ = try Lexer(text).tokenize()
        } catch {
            #expect(error.code == code)
            #expect(error.offset == offset)
        }
    }

    @Test func anInvalidDateIsNotADate() throws {
        // 2026-13-01 is not a date: it lexes as numbers and minus signs, which the parser can then reject.
        let kinds = try Lexer("2026-13-01").tokenize().map(\.kind)
        #expect(kinds.first == .number(2026))
    }
}
