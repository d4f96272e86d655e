import SafeguardCore

/// ConText-style scoping: which sign phrase hits the text asserts.
///
/// Every question here looks only near the hit (its sentence, at most a window of words, at most
/// one pattern length), through a ``HitIndex``, so the work is linear in the text's length and
/// number of hits: a report that repeats a sign phrase a million times does not stall the scanner.
extension SignScanner {
    func assertedHits(
        _ raw: [PatternMatcher.Hit], in text: UnsafeBufferPointer<UInt8>, concepts: [ConceptMatch] = []
    ) -> [SignHit] {
        let index = HitIndex(raw)
        var conceptOf: [PatternMatcher.Hit: ConceptMatch] = [:]
        for match in concepts { conceptOf[match.hit] = match }
        var kept: [(hit: PatternMatcher.Hit, sign: Int, sentence: Range<Int>)] = []
        for hit in index.hits where self.kinds[hit.pattern] == Kind.asserting {
            let sign: Int
            let byNegation: Bool
            switch self.roles[hit.pattern] {
            case .assert(let s): (sign, byNegation) = (s, false)
            case .assertByNegation(let s): (sign, byNegation) = (s, true)
            default: continue
            }
            let sentence = Self.sentence(around: hit.start, hit.end, in: text)
            // a concept match names its own source in its sentence ("Noisy room by the doors, you can
            // hear them slamming"): another sense whose words begin in the sentence before it (the
            // shower of "no hot water in the shower Noisy room …") does not take it over, while a bare
            // "Too noisy" after a sentence about the air con is still the air con's
            let ownSource = conceptOf[hit] != nil
            if index.containsOverlapping(hit.start, hit.end, where: {
                self.roles[$0.pattern] == .otherSense(sign) && !self.isOverriddenByDistress($0, index: index, text: text)
                    && !(ownSource && $0.start < sentence.lowerBound && conceptOf[$0] != nil)
                    // an other sense that the sentence denies is no reading of it: "smelt of weed but nobody was dealing"
                    && !self.isDeniedAfterContrast($0, parts: conceptOf[$0]?.parts ?? [], index: index, text: text)
            }) { continue }
            if self.isCancelled(
                hit, byNegation: byNegation, sentence: sentence, index: index, text: text, parts: conceptOf[hit]?.parts ?? []
            ) { continue }
            kept.append((hit, sign, sentence))
        }
        // one hit per place: drop a hit inside a longer hit of the same sign (or an identical later one);
        // by sign, then start, then longest first, a hit is inside another when an earlier one reaches as far
        let order = kept.indices.sorted {
            let a = kept[$0], b = kept[$1]
            return (a.sign, a.hit.start, -a.hit.end, $0) < (b.sign, b.hit.start, -b.hit.end, $1)
        }
        var result: [SignHit] = []
        result.reserveCapacity(kept.count)
        var sign = -1
        var reach = Int.min
        for k in order {
            let item = kept[k]
            if item.sign != sign {
                sign = item.sign
                reach = Int.min
            }
            if item.hit.end <= reach { continue }
            reach = item.hit.end
            var hit = SignHit(
                sign: self.signs[item.sign].id, start: item.hit.start, end: item.hit.end,
                sentenceStart: item.sentence.lowerBound, sentenceEnd: item.sentence.upperBound)
            if let match = conceptOf[item.hit] {
                hit.concept = self.concepts[match.concept].name
                hit.parts = match.parts
            }
            result.append(hit)
        }
        return result.sorted { ($0.start, $0.sign) < ($1.start, $1.sign) }
    }

    /// Whether a trigger in the hit's sentence negates it, makes it hypothetical or moves it elsewhere.
    /// `parts` are a concept match's words: a forward trigger does not scope a match asserted by
    /// negation whose parts a contrast divides (see ``isDividedByContrast(_:index:text:)``): "I expected
    /// to show my passport, but they never asked for it" asserts `no-id-check`, while "a review
    /// mentioned screaming, but we heard nothing" asserts nothing.
    func isCancelled(
        _ hit: PatternMatcher.Hit, byNegation: Bool, sentence: Range<Int>, index: HitIndex, text: UnsafeBufferPointer<UInt8>,
        parts: [Range<Int>] = []
    ) -> Bool {
        let divided = byNegation && self.isDividedByContrast(parts, index: index, text: text)
        if !byNegation && self.isLaterPartNegated(parts, of: hit, index: index, text: text) { return true }
        // another place or time between a concept match's words moves the whole match: "at the hotel we
        // stayed in last year people were dealing" joins "hotel" to "dealing" around "last year"
        if !parts.isEmpty
            && index.contains(startingIn: hit.start, hit.end, where: { trigger in
                self.roles[trigger.pattern] == .otherBefore && trigger.end <= hit.end
                    && !parts.contains(where: { $0.lowerBound < trigger.end && trigger.start < $0.upperBound })
                    && !self.isUsedUp(trigger, by: hit, index: index)
            })
        {
            return true
        }
        // a contrast inside a concept match that opens a negated clause holding the match's last word: "the room
        // next door smelt of weed but nobody was dealing" joins "room" to "dealing" around "but nobody"
        if !byNegation && self.isDeniedAfterContrast(hit, parts: parts, index: index, text: text) {
            return true
        }
        // forward triggers end within `forwardWindow` words before the hit
        let left = Self.windowStart(before: hit.start, words: self.triggers.forwardWindow, floor: sentence.lowerBound, in: text)
        // another place, time or teller reaches further: "My friend told me a hotel in Leeds had drug dealers
        // in the car park" (still within its clause, see `otherForwardWindow`)
        let otherWindow = max(self.triggers.forwardWindow, self.triggers.otherForwardWindow)
        let otherLeft = Self.windowStart(before: hit.start, words: otherWindow, floor: sentence.lowerBound, in: text)
        // one that opens the sentence governs its whole clause however long: "The last hotel we stayed at in
        // this city was awful, men hanging around the doors, a smell of weed everywhere and nobody on reception"
        let openerEnd = Self.windowEnd(
            after: sentence.lowerBound, words: Self.sentenceOpenerWords + 1, ceiling: sentence.upperBound, in: text)
        var k = index.firstIndex(startingAtOrAfter: sentence.lowerBound)
        while k < index.hits.count && index.hits[k].start < hit.start {
            let trigger = index.hits[k]
            k += 1
            // a concept match may begin inside another place's trigger: "Our last hotel in Leeds had people
            // dealing" joins "hotel" to "dealing", and "last hotel" still moves it elsewhere
            let opensMatch = trigger.end > hit.start && !parts.isEmpty
            let isOther = self.roles[trigger.pattern] == .otherBefore
            let opensSentence = isOther && trigger.start < openerEnd
            guard trigger.end <= hit.start || opensMatch, opensSentence || trigger.end >= (isOther ? otherLeft : left),
                trigger.end <= sentence.upperBound
            else { continue }
            var listed = false
            switch self.roles[trigger.pattern] {
            case .negationBefore:
                if byNegation || opensMatch { continue }
                listed = true
            case .hypotheticalBefore:
                // "could get" in "you could get anything you wanted from the lads" is the match's own word
                if opensMatch { continue }
            case .otherBefore:
                break
            default:
                continue
            }
            if divided || self.isUsedUp(trigger, by: hit, index: index) { continue }
            if opensMatch { return true }
            if self.reaches(
                from: trigger.end, to: hit.start,
                window: opensSentence ? Int.max : isOther ? otherWindow : self.triggers.forwardWindow,
                clauses: true,
                negationList: listed ? trigger : nil, index: index, text: text
            ) {
                return true
            }
        }
        // backward triggers start within `backwardWindow` words after the hit
        let right = Self.windowEnd(after: hit.end, words: self.triggers.backwardWindow, ceiling: sentence.upperBound, in: text)
        k = index.firstIndex(startingAtOrAfter: hit.end)
        while k < index.hits.count && index.hits[k].start <= right {
            let trigger = index.hits[k]
            k += 1
            guard trigger.end <= sentence.upperBound else { continue }
            switch self.roles[trigger.pattern] {
            case .negationAfter:
                if byNegation { continue }
            case .otherAfter:
                break
            default:
                continue
            }
            if self.isUsedUp(trigger, by: hit, index: index) { continue }
            if self.reaches(from: hit.end, to: trigger.start, window: self.triggers.backwardWindow, index: index, text: text) {
                return true
            }
        }
        return false
    }

    /// Whether a negation stands right before (at most one word before) a later word of an asserting
    /// concept match, after its first word: "other guests were quiet, we never heard a voice" does
    /// not hear the guests, and "staff, no, they never once came" is no sighting of staff.
    func isLaterPartNegated(
        _ parts: [Range<Int>], of hit: PatternMatcher.Hit, index: HitIndex, text: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        guard parts.count > 1 else { return false }
        let ordered = parts.sorted { $0.lowerBound < $1.lowerBound }
        let firstEnd = ordered[0].upperBound
        for part in ordered.dropFirst() where part.lowerBound >= firstEnd {
            let negated = index.contains(startingIn: firstEnd, part.lowerBound) { trigger in
                self.roles[trigger.pattern] == .negationBefore && trigger.end <= part.lowerBound
                    && !ordered.contains(where: { $0.lowerBound < trigger.end && trigger.start < $0.upperBound })
                    && self.reaches(from: trigger.end, to: part.lowerBound, window: 1, index: index, text: text)
                    && !self.isUsedUp(trigger, by: hit, index: index)
            }
            if negated { return true }
        }
        return false
    }

    /// Words that may stand before an other-place trigger that still opens its sentence ("A friend
    /// told me about", "The last hotel").
    static let sentenceOpenerWords = 2

    /// Contrasts that start a new clause ("but", "however"): the scope terminators that say the
    /// clause after them stands on its own.
    static let contrasts: Set<[UInt8]> = Set(
        ["but", "however", "although", "though", "yet", "whereas", "except", "still", "despite", "instead", "otherwise"]
            .map { Array($0.utf8) })

    /// Whether a terminator is a contrast (see ``contrasts``).
    func isContrast(_ word: PatternMatcher.Hit, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        Self.contrasts.contains((word.start..<word.end).map { ByteClass.lowercase[Int(text[$0])] })
    }

    /// Whether a contrast lies between two words of a concept match (outside them) and the match's
    /// negation comes after it: the match then reaches into a clause that a forward trigger before
    /// the contrast does not scope ("I expected to show my passport, but they never asked for it":
    /// "expected" does not reach "never asked"). A negation before the contrast stays in the
    /// trigger's clause ("someone said the hotel has no night staff, but actually there's a night
    /// manager": "someone said" reaches "no night staff").
    func isDividedByContrast(_ parts: [Range<Int>], index: HitIndex, text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard parts.count > 1, let low = parts.map(\.lowerBound).min(), let high = parts.map(\.upperBound).max() else {
            return false
        }
        var contrast = high
        let found = index.contains(startingIn: low, high) { word in
            guard self.roles[word.pattern] == .terminator, word.end <= high,
                !parts.contains(where: { $0.lowerBound < word.end && word.start < $0.upperBound })
            else { return false }
            contrast = word.start
            return self.isContrast(word, in: text)
        }
        guard found else { return false }
        return index.contains(startingIn: contrast, high) { word in
            self.roles[word.pattern] == .negationBefore && parts.contains { $0.lowerBound <= word.start && word.end <= $0.upperBound }
        }
    }

    /// Whether a trigger shares its words with a pseudo-trigger ("no doubt"; "was not" with "not
    /// working") or is part of another sign's longer phrase ("not clean", "no security"), and so says
    /// nothing about `hit`.
    func isUsedUp(_ trigger: PatternMatcher.Hit, by hit: PatternMatcher.Hit, index: HitIndex) -> Bool {
        if index.containsOverlapping(trigger.start, trigger.end, where: { self.roles[$0.pattern] == .pseudo }) { return true }
        return index.containsCovering(trigger.start, trigger.end) { other in
            // a concept match spans many words: it uses up no trigger (its own words are not a phrase)
            other.end - other.start > trigger.end - trigger.start && self.isSignPhrase(other.pattern)
                && other.pattern < self.roles.count - self.concepts.count
                && !Self.overlaps(other, hit)
        }
    }

    /// Whether the gap `a..<b` holds at most `window` words, no terminator and (when `clauses`, for
    /// forward triggers) no clause boundary; for a forward negation (`negationList`), no comma that
    /// ends one item of a list of negations (see ``endsNegatedItem(at:of:before:index:text:)``).
    func reaches(
        from a: Int, to b: Int, window: Int, clauses: Bool = false, negationList: PatternMatcher.Hit? = nil,
        index: HitIndex, text: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        var words = 0
        var inWord = false
        for k in a..<b {
            let w = PatternMatcher.isWordByte(text[k])
            if w && !inWord {
                words += 1
                if words > window { return false }
            }
            inWord = w
            if clauses && Self.isClauseBoundary(at: k, before: b, in: text) { return false }
            if let trigger = negationList, text[k] == UInt8(ascii: ","),
                self.endsNegatedItem(at: k, of: trigger, before: b, index: index, text: text)
            {
                return false
            }
        }
        return !index.contains(startingIn: a, b) { self.roles[$0.pattern] == .terminator && $0.end <= b }
    }

    /// Whether `text[k]` starts a clause boundary inside the gap ending at `end`: a semicolon, or a
    /// comma followed by "and" ("no adults around, and people were coming and going all night"), so
    /// a trigger in one clause does not scope over the next. A comma alone does not end the scope
    /// ("no needles, foil or pipes").
    static func isClauseBoundary(at k: Int, before end: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        switch text[k] {
        case UInt8(ascii: ";"):
            return true
        case UInt8(ascii: ","):
            var j = k + 1
            while j < end && text[j] == UInt8(ascii: " ") { j += 1 }
            guard j + 3 <= end, text[j] | 0x20 == UInt8(ascii: "a"), text[j + 1] | 0x20 == UInt8(ascii: "n"),
                text[j + 2] | 0x20 == UInt8(ascii: "d")
            else { return false }
            return j + 3 == end || !PatternMatcher.isWordByte(text[j + 3])
        default:
            return false
        }
    }

    /// Whether the comma at `k` ends the scope of the forward negation `trigger` because the two
    /// stand in a list of negated items, each its own negation: the trigger follows a comma
    /// ("no questions asked, no ID, cash in hand": the second "no" reaches "ID" only), or a negation
    /// starts the item after the comma (the first "no" reaches "questions asked" only). A plain list
    /// under one negation keeps it ("no needles, foil or pipes").
    func endsNegatedItem(
        at k: Int, of trigger: PatternMatcher.Hit, before end: Int, index: HitIndex, text: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        var p = trigger.start
        while p > 0 && text[p - 1] == UInt8(ascii: " ") { p -= 1 }
        if p > 0 && text[p - 1] == UInt8(ascii: ",") { return true }
        var j = k + 1
        while j < end && text[j] == UInt8(ascii: " ") { j += 1 }
        guard j < end else { return false }
        return index.contains(startingIn: j, j + 1) { self.roles[$0.pattern] == .negationBefore }
    }

    /// Whether an other-sense match `other` of a `concern` sign is overridden by a word of distress
    /// in its sentence outside the match ("a child was screaming for help" is not children at play).
    /// A match that holds the distress words itself stands, and so does any other-sense reading of a
    /// weak or good-practice sign: distress argues for the concern ("screams coming from next door,
    /// a woman crying for help" is still no ordinary `noise`).
    func isOverriddenByDistress(_ other: PatternMatcher.Hit, index: HitIndex, text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard case .otherSense(let sign) = self.roles[other.pattern], self.signs[sign].kind == .concern else { return false }
        let sentence = Self.sentence(around: other.start, other.end, in: text)
        return index.contains(startingIn: sentence.lowerBound, sentence.upperBound) { word in
            self.roles[word.pattern] == .distress && word.end <= sentence.upperBound
                && !(other.start <= word.start && word.end <= other.end)
        }
    }

    /// The lowest position `p` (not below `floor`) such that `p..<end` holds at most `words` words.
    static func windowStart(before end: Int, words limit: Int, floor: Int, in text: UnsafeBufferPointer<UInt8>) -> Int {
        var words = 0
        var p = end
        while p > floor {
            let w = PatternMatcher.isWordByte(text[p - 1])
            if w && (p == end || !PatternMatcher.isWordByte(text[p])) {
                if words == limit { return p }
                words += 1
            }
            p -= 1
        }
        return floor
    }

    /// The highest position `q` (not above `ceiling`) such that `start..<q` holds at most `words` words.
    static func windowEnd(after start: Int, words limit: Int, ceiling: Int, in text: UnsafeBufferPointer<UInt8>) -> Int {
        var words = 0
        var q = start
        while q < ceiling {
            let w = PatternMatcher.isWordByte(text[q])
            if w && (q == start || !PatternMatcher.isWordByte(text[q - 1])) {
                if words == limit { return q }
                words += 1
            }
            q += 1
        }
        return ceiling
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
    /// ("the room was dirty The staff were kind") unless that word leads into a name ("her hotel in
    /// Manchester", ``leadsIntoName(before:in:)``). Looks at most 400 bytes either way.
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
                return Self.isCapitalSplit(at: k, in: text)
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
