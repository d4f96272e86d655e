/// Matching of gap phrases ("men * hanging around") from the hits of their parts.
extension SignScanner {
    /// `hits` plus one synthetic hit per whole gap-phrase match (parts in order, each gap at most
    /// ``GapPhrase/maximumGap`` words, no sentence end between).
    func withGapMatches(_ hits: [PatternMatcher.Hit], in text: UnsafeBufferPointer<UInt8>) -> [PatternMatcher.Hit] {
        if self.gapPhrases.isEmpty { return hits }
        // the part hits in text order, then the phrases they belong to in ascending order (a flat
        // list rather than a dictionary of lists: this runs for every text the gate lets through)
        // counted first so the list is allocated once, not regrown as it fills
        var count = 0
        for hit in hits where self.kinds[hit.pattern] == Kind.gapPart { count += 1 }
        if count == 0 { return hits }
        var found: [(phrase: Int, part: Int, hit: PatternMatcher.Hit)] = []
        found.reserveCapacity(count)
        for hit in hits where self.kinds[hit.pattern] == Kind.gapPart {
            if case .gapPart(let phrase, let part) = self.roles[hit.pattern] {
                found.append((phrase, part, hit))
            }
        }
        if found.isEmpty { return hits }
        // one sort by phrase (text order within each), rather than one filter of the list per phrase
        // (one sort of plain integers: rule << 32 | position)
        var order = found.indices.map { found[$0].phrase << 32 | $0 }
        order.sort()
        for k in order.indices { order[k] &= 0xFFFF_FFFF }
        var result = hits
        var group = 0
        while group < order.count {
            let phrase = found[order[group]].phrase
            var last = group
            while last < order.count && found[order[last]].phrase == phrase { last += 1 }
            let members = order[group..<last]
            group = last
            let gap = self.gapPhrases[phrase]
            // a match needs every part: most phrases a text touches lack one, so look before copying
            if gap.parts <= 64 {
                var mask: UInt64 = 0
                for e in members { mask |= 1 << UInt64(found[e].part) }
                if mask != (gap.parts == 64 ? ~0 : (1 << UInt64(gap.parts)) - 1) { continue }
            }
            let parts = members.map { (part: found[$0].part, hit: found[$0].hit) }
            let sorted = parts.sorted { ($0.hit.start, $0.hit.end) < ($1.hit.start, $1.hit.end) }
            for (position, first) in sorted.enumerated() where first.part == 0 {
                // only the parts after this one, and only until one lies too far: the gap limit and
                // sentence ends bound the walk, so many parts in one text cost linear time
                var end = first.hit.end
                var next = 1
                var k = position + 1
                while k < sorted.count && next < gap.parts {
                    let candidate = sorted[k]
                    k += 1
                    guard candidate.hit.start >= end else { continue }
                    guard Self.wordsBetween(end, candidate.hit.start, in: text) <= GapPhrase.maximumGap else { break }
                    guard candidate.part == next else { continue }
                    end = candidate.hit.end
                    next += 1
                }
                if next == gap.parts {
                    result.append(PatternMatcher.Hit(pattern: gap.role, start: first.hit.start, end: end))
                }
            }
        }
        return result
    }

    /// Words in `text[a..<b]`, or `Int.max` when a sentence ends there; stops counting (and
    /// reading) past ``GapPhrase/maximumGap`` words, so a far part costs no more than a near one.
    static func wordsBetween(_ a: Int, _ b: Int, in text: UnsafeBufferPointer<UInt8>) -> Int {
        var words = 0
        var inWord = false
        for k in a..<b {
            let c = text[k]
            if c == 0x2E || c == 0x21 || c == 0x3F || c == 0x0A || c == 0x3B { return Int.max }
            let w = PatternMatcher.isWordByte(c)
            if w && !inWord {
                words += 1
                if words > GapPhrase.maximumGap { return words }
            }
            inWord = w
        }
        return words
    }
}
