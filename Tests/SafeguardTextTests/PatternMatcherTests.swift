import Testing

@testable import SafeguardText

/// The automaton (dense rows for shallow states, edges and failure links for deep ones) finds
/// exactly the whole-word hits a plain search finds, in the same order, for many overlapping
/// patterns, deep ones included.
@Suite struct PatternMatcherTests {
    /// Every whole-word occurrence of every pattern, by a plain search: ordered by end, then as
    /// the automaton reports a state's outputs (longest first; equal patterns by index).
    static func plainHits(_ patterns: [[UInt8]], _ text: [UInt8]) -> [PatternMatcher.Hit] {
        func word(_ b: UInt8) -> Bool { ByteClass.isAlnum(b) || b >= 0x80 }
        var hits: [PatternMatcher.Hit] = []
        for end in 1...max(1, text.count) where end <= text.count {
            var here: [PatternMatcher.Hit] = []
            for (index, p) in patterns.enumerated() where !p.isEmpty && p.count <= end {
                let start = end - p.count
                var same = true
                for k in 0..<p.count where ByteClass.lowercase[Int(text[start + k])] != p[k] {
                    same = false
                    break
                }
                guard same else { continue }
                if word(p[0]) && start > 0 && word(text[start - 1]) { continue }
                if word(p[p.count - 1]) && end < text.count && word(text[end]) { continue }
                here.append(PatternMatcher.Hit(pattern: index, start: start, end: end))
            }
            here.sort { ($0.start, $0.pattern) < ($1.start, $1.pattern) }
            hits += here
        }
        return hits
    }

    @Test func findsWhatAPlainSearchFinds() {
        var rng = SystemRandomNumberGenerator()
        let words = ["no", "not", "one", "on", "reception", "recep", "men", "loitering", "loiter", "the", "car", "park",
                     "a", "an", "didn't", "didnt", "i.d.", "id", "café", "x-ray", "nobody", "no one", "night"]
        // patterns of one to five words, with repeats and prefixes of one another
        var patterns: [[UInt8]] = []
        for _ in 0..<400 {
            let count = Int.random(in: 1...5, using: &rng)
            patterns.append(Array((0..<count).map { _ in words.randomElement(using: &rng)! }.joined(separator: " ").utf8))
        }
        patterns += [Array("no".utf8), Array("no".utf8), [], Array("-".utf8), Array(". ".utf8)]
        let matcher = PatternMatcher(patterns: patterns)
        for _ in 0..<200 {
            let count = Int.random(in: 0...60, using: &rng)
            var text = (0..<count).map { _ in
                let w = words.randomElement(using: &rng)!
                return Bool.random(using: &rng) ? w.uppercased() : w
            }.joined(separator: [" ", " ", ". ", ", ", "-"].randomElement(using: &rng)!)
            if Bool.random(using: &rng) { text += "s" }
            let bytes = Array(text.utf8)
            let found = bytes.withUnsafeBufferPointer { matcher.hits(in: $0) }
            let expected = Self.plainHits(patterns, bytes)
            // the same hits; within one end, longer (earlier start) first, equal patterns by index
            #expect(found == expected, "text: \(text)")
        }
    }

    @Test func deepPatternsAndTheirSuffixesAreFound() {
        // a pattern far deeper than the dense rows, whose suffix is another pattern
        let long = Array("anyone could have just walked in off the street at night".utf8)
        let patterns = [long, Array("the street at night".utf8), Array("night".utf8), Array("walked in".utf8)]
        let matcher = PatternMatcher(patterns: patterns)
        let text = Array("Honestly anyone could have just walked in off the street at night!".utf8)
        let found = text.withUnsafeBufferPointer { matcher.hits(in: $0) }.map(\.pattern).sorted()
        #expect(found == [0, 1, 2, 3])
        #expect(text.withUnsafeBufferPointer { matcher.hits(in: $0) } == Self.plainHits(patterns, text))
    }

    @Test func outputsInsideAWordAreSkippedButNotThoseEndingOnPunctuation() {
        // "bed" and "room" end inside "bedrooms" (no hit); "self-" and "i.d." end on a non-word
        // byte, so a word byte after them does not rule them out
        let patterns = ["bed", "room", "self-", "i.d.", "rooms"].map { Array($0.utf8) }
        let matcher = PatternMatcher(patterns: patterns)
        for line in ["BEDROOMS with self-service", "no i.d.needed, bed room", "Bedroom; rooms", "self-"] {
            let text = Array(line.utf8)
            #expect(text.withUnsafeBufferPointer { matcher.hits(in: $0) } == Self.plainHits(patterns, text), "text: \(line)")
        }
        let text = Array("BEDROOMS with self-service".utf8)
        #expect(text.withUnsafeBufferPointer { matcher.hits(in: $0) }.map(\.pattern) == [2])
    }
}
