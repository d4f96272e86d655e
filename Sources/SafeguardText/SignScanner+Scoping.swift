import SafeguardCore

/// ConText-style scoping: which sign phrase hits the text asserts.
extension SignScanner {
    func assertedHits(_ hits: [PatternMatcher.Hit], in text: UnsafeBufferPointer<UInt8>) -> [SignHit] {
        var kept: [(hit: PatternMatcher.Hit, sign: Int, sentence: Range<Int>)] = []
        for hit in hits {
            let sign: Int
            let byNegation: Bool
            switch self.roles[hit.pattern] {
            case .assert(let s): (sign, byNegation) = (s, false)
            case .assertByNegation(let s): (sign, byNegation) = (s, true)
            default: continue
            }
            if hits.contains(where: { self.roles[$0.pattern] == .otherSense(sign) && Self.overlaps($0, hit) }) { continue }
            let sentence = Self.sentence(around: hit.start, hit.end, in: text)
            if self.isCancelled(hit, byNegation: byNegation, sentence: sentence, hits: hits, text: text) { continue }
            kept.append((hit, sign, sentence))
        }
        // one hit per place: drop a hit inside a longer hit of the same sign
        var result: [SignHit] = []
        for (index, item) in kept.enumerated() {
            let inside = kept.enumerated().contains { other in
                other.offset != index && other.element.sign == item.sign && other.element.hit.start <= item.hit.start
                    && other.element.hit.end >= item.hit.end
                    && (other.element.hit.end - other.element.hit.start > item.hit.end - item.hit.start || other.offset < index)
            }
            if inside { continue }
            result.append(
                SignHit(
                    sign: self.signs[item.sign].id, start: item.hit.start, end: item.hit.end,
                    sentenceStart: item.sentence.lowerBound, sentenceEnd: item.sentence.upperBound))
        }
        return result.sorted { ($0.start, $0.sign) < ($1.start, $1.sign) }
    }

    /// Whether a trigger in the hit's sentence negates it, makes it hypothetical or moves it elsewhere.
    func isCancelled(
        _ hit: PatternMatcher.Hit, byNegation: Bool, sentence: Range<Int>, hits: [PatternMatcher.Hit],
        text: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        for trigger in hits where trigger.start >= sentence.lowerBound && trigger.end <= sentence.upperBound {
            if Self.overlaps(trigger, hit) { continue }
            let forward: Bool
            switch self.roles[trigger.pattern] {
            case .negationBefore:
                if byNegation { continue }
                forward = true
            case .negationAfter:
                if byNegation { continue }
                forward = false
            case .hypotheticalBefore, .otherBefore:
                forward = true
            case .otherAfter:
                forward = false
            default:
                continue
            }
            if hits.contains(where: { self.roles[$0.pattern] == .pseudo && $0.start <= trigger.start && $0.end >= trigger.end }) {
                continue
            }
            // a negative word that belongs to another sign's phrase ("not clean", "no security") is used up there
            if hits.contains(where: { other in
                other.start <= trigger.start && other.end >= trigger.end && other.end - other.start > trigger.end - trigger.start
                    && self.isSignPhrase(other.pattern) && !Self.overlaps(other, hit)
            }) {
                continue
            }
            if forward {
                guard trigger.end <= hit.start else { continue }
                if self.reaches(from: trigger.end, to: hit.start, window: self.triggers.forwardWindow, hits: hits, text: text) {
                    return true
                }
            } else {
                guard trigger.start >= hit.end else { continue }
                if self.reaches(from: hit.end, to: trigger.start, window: self.triggers.backwardWindow, hits: hits, text: text) {
                    return true
                }
            }
        }
        return false
    }

    /// Whether the gap `a..<b` holds at most `window` words and no terminator.
    func reaches(from a: Int, to b: Int, window: Int, hits: [PatternMatcher.Hit], text: UnsafeBufferPointer<UInt8>) -> Bool {
        var words = 0
        var inWord = false
        for k in a..<b {
            let w = PatternMatcher.isWordByte(text[k])
            if w && !inWord { words += 1 }
            inWord = w
        }
        if words > window { return false }
        return !hits.contains { self.roles[$0.pattern] == .terminator && $0.start >= a && $0.end <= b }
    }

    func isSignPhrase(_ pattern: Int) -> Bool {
        switch self.roles[pattern] {
        case .assert, .assertByNegation: return true
        default: return false
        }
    }

    static func overlaps(_ a: PatternMatcher.Hit, _ b: PatternMatcher.Hit) -> Bool {
        a.start < b.end && b.start < a.end
    }

    /// The sentence around a byte range: split at `.`/`!`/`?`/`;`/newline followed by a space, and,
    /// for punctuation-stripped review dumps, before a capitalised word that follows a lower-case one
    /// ("the room was dirty The staff were kind"). Looks at most 400 bytes either way.
    static func sentence(around start: Int, _ end: Int, in text: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        let n = text.count
        func isBoundary(_ k: Int) -> Bool {
            let b = text[k]
            switch b {
            case 0x0A, 0x0D, 0x21, 0x3F, 0x3B:
                return true
            case 0x2E:
                let followedBySpace = k + 1 >= n || text[k + 1] == 0x20 || text[k + 1] == 0x0A
                let abbreviation = k >= 2 && text[k - 2] == 0x2E
                return followedBySpace && !abbreviation
            case 0x20:
                return k >= 1 && k + 2 < n && ByteClass.isLower(text[k - 1]) && ByteClass.isUpper(text[k + 1])
                    && ByteClass.isLower(text[k + 2])
            default:
                return false
            }
        }
        var s = start
        let lowest = max(0, start - 400)
        while s > lowest && !isBoundary(s - 1) { s -= 1 }
        var e = end
        let highest = min(n, end + 400)
        while e < highest && !isBoundary(e) { e += 1 }
        return s..<e
    }
}
