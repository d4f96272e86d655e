import Foundation
import Testing

@testable import SafeguardText

/// The classifier's one-pass walk must give exactly the sentences ``SignFeatures/sentences(_:into:)``
/// splits and, per sentence, the tokens ``SignFeatures/tokens(_:_:scratch:into:)`` reads.
struct SentenceTokenWalkTests {
    typealias Sentence = (range: Range<Int>, tokens: [[Int]])

    static func twoPasses(_ text: UnsafeBufferPointer<UInt8>, scratch: UnsafeMutableBufferPointer<UInt8>) -> [Sentence] {
        var ranges: [Range<Int>] = []
        SignFeatures.sentences(text, into: &ranges)
        var tokens: [SignFeatures.Token] = []
        return ranges.map { range in
            SignFeatures.tokens(text, range, scratch: scratch, into: &tokens)
            return (range, tokens.map { [$0.start, $0.end, Int(truncatingIfNeeded: $0.word), Int(truncatingIfNeeded: $0.stem), Int(truncatingIfNeeded: $0.prefix)] })
        }
    }

    static func walk(_ text: UnsafeBufferPointer<UInt8>, scratch: UnsafeMutableBufferPointer<UInt8>) -> [Sentence] {
        var walk = SentenceTokenWalk(text)
        var tokens: [SignFeatures.Token] = []
        var result: [Sentence] = []
        while let range = walk.next(scratch: scratch, into: &tokens) {
            result.append((range, tokens.map { [$0.start, $0.end, Int(truncatingIfNeeded: $0.word), Int(truncatingIfNeeded: $0.stem), Int(truncatingIfNeeded: $0.prefix)] }))
        }
        return result
    }

    static func same(_ text: String) -> Bool {
        var bytes = Array(text.utf8)
        var scratch = [UInt8](repeating: 0, count: 64)
        return bytes.withUnsafeMutableBufferPointer { t in
            scratch.withUnsafeMutableBufferPointer { s in
                let a = Self.twoPasses(UnsafeBufferPointer(t), scratch: s)
                let b = Self.walk(UnsafeBufferPointer(t), scratch: s)
                return a.count == b.count && zip(a, b).allSatisfy { $0.range == $1.range && $0.tokens == $1.tokens }
            }
        }
    }

    @Test func handWrittenEdgesGiveTheSameSentencesAndTokens() {
        let texts = [
            "", ".", "...", " ", "a", "Didn't see. They're here! ok? yes; no\nnext\r\nline",
            "Nobody asked for ID. Men hanging around the car park", "word ending the text'", "'quoted' o'clock 'tis",
            "The room was dirty The staff were rude", "Dr. Smith arrived.. late. e.g. this", "a.b.c. d. Mr.X",
            String(repeating: "x", count: 100) + " and " + String(repeating: "loitering", count: 9) + ". End",
            "Café crème très bien. Ünïcödé wörds’ here", "I’m here; it's 3am!!! wow?? 12.30pm.\n\nNew para",
            "endsWithBoundary!", "two  spaces  Here Now", "x It", "ab Cd", "ab CD", "ab Cde",
        ]
        for text in texts { #expect(Self.same(text), "\(text)") }
    }

    @Test func realAndShuffledReviewLinesGiveTheSameSentencesAndTokens() throws {
        let url = TextFixtures.repositoryRoot.appendingPathComponent("bench/text/signs-validate4.jsonl")
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
        var generator = SystemRandomNumberGenerator()
        var checked = 0
        for line in lines {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let text = object["text"] as? String
            else { continue }
            #expect(Self.same(text))
            #expect(Self.same(text.uppercased()))
            let bytes = Array(text.utf8)
            var cut = String(decoding: bytes.shuffled(using: &generator).prefix(200), as: UTF8.self)
            cut += "'"
            #expect(Self.same(cut))
            checked += 1
        }
        #expect(checked > 100)
    }

    /// The word-run hashes the walk passes to the anchor gate are exactly the gate's own runs.
    static func sameRuns(_ text: String) -> Bool {
        var bytes = Array(text.utf8)
        var scratch = [UInt8](repeating: 0, count: 64)
        return bytes.withUnsafeMutableBufferPointer { t in
            scratch.withUnsafeMutableBufferPointer { s in
                var walk = SentenceTokenWalk(UnsafeBufferPointer(t))
                var tokens: [SignFeatures.Token] = []
                var runs: [UInt64]? = []
                while walk.next(scratch: s, into: &tokens, runs: &runs) != nil {}
                return runs!.map { $0 == 0 ? 1 : $0 } == SignAnchorGate.runs(Array(t))
            }
        }
    }

    @Test func wordRunsForTheGateAreTheGatesOwn() throws {
        var texts = [
            "Didn't see. They're here!", "o'clock 'tis rock'n'roll", String(repeating: "ab", count: 40) + " x",
            String(repeating: "é", count: 40) + "'s end", "Nobody asked for ID", "", "  ", "a'", "'a", "don't-stop",
        ]
        let url = TextFixtures.repositoryRoot.appendingPathComponent("bench/text/signs-validate4.jsonl")
        for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n") {
            if let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let text = object["text"] as? String
            {
                texts.append(text)
            }
        }
        for text in texts + texts.map({ $0.uppercased() }) { #expect(Self.sameRuns(text), "\(text)") }
    }

    @Test func theScannerGivesTheSameHitsWithTheClassifiersWordRuns() throws {
        let scanner = TextFixtures.scanner
        let modelURL = TextFixtures.repositoryRoot.appendingPathComponent("rules/models/signs-v1.json")
        let classifier = try SignClassifier(model: JSONDecoder().decode(SignModelFile.self, from: Data(contentsOf: modelURL)))
        let url = TextFixtures.repositoryRoot.appendingPathComponent("bench/text/signs-validate4.jsonl")
        var checked = 0
        for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n") {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                var text = object["text"] as? String
            else { continue }
            text.withUTF8 { t in
                var runs: [UInt64]? = []
                #expect(classifier.scan(t, runs: &runs) == classifier.scan(t))
                let viaRuns = runs!.withUnsafeBufferPointer { scanner.scan(t, runs: $0) }
                #expect(viaRuns == scanner.scan(t))
            }
            checked += 1
        }
        #expect(checked > 100)
    }
}
