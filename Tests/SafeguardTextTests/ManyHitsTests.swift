import Foundation
import SafeguardCore
import Testing
@testable import SafeguardText

/// A hostile text that repeats a sign phrase many times: every hit is still found and scoped the
/// same way, the evidence is capped with a count of the rest, and each sign keeps its evidence.
@Suite struct ManyHitsTests {
    @Test func repeatedPhraseKeepsEveryHitAndCapsTheEvidence() {
        // Given 2,000 sentences that each assert men-loitering
        let text = String(repeating: "men hanging around the car park. ", count: 2_000)
        // When scanned
        let hits = TextFixtures.scanner.scan(text)
        let analysis = TextFixtures.analyser.analyse(text)
        // Then every sentence is a hit, but the evidence stops at the limit and counts the rest
        #expect(hits.filter { $0.sign == "men-loitering" }.count == 2_000)
        #expect(analysis.signs.contains("men-loitering"))
        #expect(analysis.evidence.count == TextAnalyser.defaultEvidenceLimit)
        #expect(analysis.omittedEvidence == hits.count - TextAnalyser.defaultEvidenceLimit)
        // the kept items are the earliest, in text order, with scalar offsets of the phrase
        #expect(analysis.evidence.map(\.start) == analysis.evidence.map(\.start).sorted())
        let first = analysis.evidence[0]
        let scalars = Array(analysis.text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[first.start..<first.end])) == "men hanging around")
    }

    @Test func everySignKeepsEvidenceUnderTheCap() {
        // Given many hits of one sign before a single hit of another
        var analyser = TextFixtures.analyser
        analyser.evidenceLimit = 5
        let text = String(repeating: "men hanging around the car park. ", count: 20) + "The bathroom was filthy."
        // When analysed
        let analysis = analyser.analyse(text)
        // Then the later sign keeps its one item within the cap
        #expect(analysis.evidence.count == 5)
        #expect(analysis.evidence.contains { $0.sign == "dirty" })
        #expect(analysis.omittedEvidence == 16)
    }

    @Test func textUnderTheCapHasNoNote() {
        let analysis = TextFixtures.analyser.analyse("Groups of men hanging around the entrance late at night.")
        #expect(analysis.omittedEvidence == 0)
        var out: [UInt8] = []
        ScanLineCodec.encode(rawID: Array("1".utf8), analysis, into: &out)
        #expect(!String(decoding: out, as: UTF8.self).contains("omitted_evidence"))
    }

    @Test func scanOutputNotesTheOmittedEvidence() {
        let text = String(repeating: "men hanging around the car park. ", count: 60)
        let analysis = TextFixtures.analyser.analyse(text)
        var out: [UInt8] = []
        ScanLineCodec.encode(rawID: Array("7".utf8), analysis, into: &out)
        #expect(analysis.omittedEvidence == 10)
        #expect(String(decoding: out, as: UTF8.self).contains(",\"omitted_evidence\":10,\"pii\""))
    }

    @Test func scopingStillAppliesBetweenRepeatedHits() {
        // Given repeated sentences, every other one negated
        let text = String(repeating: "men hanging around the car park. No men hanging around the lobby. ", count: 300)
        // Then only the asserted half are hits
        #expect(TextFixtures.scanner.scan(text).filter { $0.sign == "men-loitering" }.count == 300)
    }

    @Test func nonASCIITextGetsScalarOffsets() {
        let text = String(repeating: "Café – men hanging around the car park. ", count: 60)
        let analysis = TextFixtures.analyser.analyse(text)
        let scalars = Array(analysis.text.unicodeScalars)
        #expect(analysis.evidence.count == TextAnalyser.defaultEvidenceLimit)
        for e in analysis.evidence {
            #expect(String(String.UnicodeScalarView(scalars[e.start..<e.end])) == "men hanging around")
        }
    }
}
