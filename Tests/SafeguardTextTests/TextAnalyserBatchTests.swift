import Testing

@testable import SafeguardText

/// `analyse(batch:)` works stage by stage over many texts but gives, text for text, what
/// `analyse(_:)` gives: the same pseudonymised text, signs, evidence and tokens.
@Suite struct TextAnalyserBatchTests {
    @Test func aBatchGivesEachTextItsOwnAnalysis() {
        // Given the repository's signs and classifier, and texts with and without signs and personal data
        let analyser = SignClassifierTests.analyser
        var texts = [
            "", "Lovely stay, the breakfast was great.", "Nobody asked for ID at check-in.",
            "Maria on reception said men were hanging around outside all night. Call 07700 900123.",
            "Blokes were hanging about by the front door all night.", "A fox screaming outside woke us.",
            "Not dirty at all, spotless in fact.", "Email me at someone@example.com if the room was filthy.",
            "The kids club was great but young girls with older men went to rooms.",
            "The staff didn't check anyone's ID and the room was filthy.",
        ]
        texts += texts.map { $0.uppercased() } + texts.map { String($0.map { $0 == "'" ? "\u{2019}" : $0 }) }
        // When they are analysed as one batch
        let batch = analyser.analyse(batch: texts)
        // Then each analysis is the one the text gets on its own
        #expect(batch.count == texts.count)
        for (text, analysis) in zip(texts, batch) {
            #expect(analysis == analyser.analyse(text), "batch changed the analysis of: \(text)")
        }
        #expect(batch.contains { !$0.signs.isEmpty })
        #expect(batch.contains { !$0.pii.isEmpty })
    }
}
