/// Matching of gap phrases ("men * hanging around") from the hits of their parts.
extension SignScanner {
    /// `hits` plus one synthetic hit per whole gap-phrase match (parts in order, each gap at most
    /// ``GapPhrase/maximumGap`` words, no sentence end between).
    func withGapMatches(_ hits: [PatternMatcher.Hit], in text: UnsafeBufferPointer<UInt8>) -> [PatternMatcher.Hit] {
        if self.gapPhrases.isEmpty { return hits }
        var byPhrase: [Int: [(part: Int, hit: PatternMatcher.Hit)]] = [:]
        for hit in hits {
            if case .gapPart(let phrase, let part) = self.roles[hit.pattern] {
                byPhrase[phrase, default: []].append((part, hit))
            }
        }
        if byPhrase.isEmpty { return hits }
        var result = hits
        for (phrase, parts) in byPhrase {
            let gap = self.gapPhrases[phrase]
            let sorted = parts.sorted { $0.hit.start < $1.hit.start }
            for first in sorted where first.part == 0 {
                var end = first.hit.end
                var next = 1
                for candidate in sorted where candidate.part == next && candidate.hit.start >= end {
                    guard Self.wordsBetween(end, candidate.hit.start, in: text) <= GapPhrase.maximumGap else { break }
                    end = candidate.hit.end
                    next += 1
                    if next == gap.parts { break }
                }
                if next == gap.parts {
                    result.append(PatternMatcher.Hit(pattern: gap.role, start: first.hit.start, end: end))
                }
            }
        }
        return result
    }

    /// Words in `text[a..<b]`, or `Int.max` when a sentence ends there.
    static func wordsBetween(_ a: Int, _ b: Int, in text: UnsafeBufferPointer<UInt8>) -> Int {
        var words = 0
        var inWord = false
        for k in a..<b {
            let c = text[k]
            if c == 0x2E || c == 0x21 || c == 0x3F || c == 0x0A || c == 0x3B { return Int.max }
            let w = PatternMatcher.isWordByte(c)
            if w && !inWord { words += 1 }
            inWord = w
        }
        return words
    }
}
