import Testing
@testable import SafeguardText

@Suite struct TextNormaliserTests {
    @Test func foldsCaseQuotesDashesAndElongation() {
        var text = "Sooo DIRTY \u{2014} didn\u{2019}t \u{FF29}\u{FF24}"
        let folded = text.withUTF8 { TextNormaliser.normalise($0) }
        #expect(String(decoding: folded.bytes, as: UTF8.self) == "soo dirty - didn't id")
    }

    @Test func offsetsMapBackToTheSource() {
        var text = "Caf\u{00C9} \u{201C}noiiisy\u{201D}"
        let folded = text.withUTF8 { TextNormaliser.normalise($0) }
        let s = String(decoding: folded.bytes, as: UTF8.self)
        #expect(s == "caf\u{00E9} \"noisy\"")
        // "noisy" starts at folded byte 7; it maps to the source byte after the opening quote
        let utf8 = Array(text.utf8)
        let start = Int(folded.origin[7])
        let end = Int(folded.origin[12])
        #expect(String(decoding: utf8[start..<end], as: UTF8.self) == "noiiisy")
    }

    @Test func matcherFindsWholeWordsOnly() {
        let matcher = PatternMatcher(patterns: [Array("porn".utf8), Array("noise".utf8), Array("no".utf8)])
        var text = "no porno here but noise"
        let hits = text.withUTF8 { matcher.hits(in: $0) }
        #expect(hits.map(\.pattern) == [2, 1])
    }
}
