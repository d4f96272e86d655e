/// Matching of concept rules (``SignConcept``) from the hits of their class words.
extension SignScanner {
    /// A compiled concept: its sign, class count, window and the synthetic pattern reported for a match.
    struct ConceptRule: Sendable {
        var sign: Int
        var name: String
        var classes: Int
        var window: Int
        /// Index into `roles` of the synthetic pattern reported for a whole match.
        var role: Int
    }

    /// One concept match: the synthetic hit and the byte ranges of the class words it joined.
    struct ConceptMatch {
        var hit: PatternMatcher.Hit
        var concept: Int
        var parts: [Range<Int>]
    }

    /// The concept matches among `hits`: for each concept, a word of every class within the
    /// concept's window of one sentence, in any order. Each walk starts at a class word and looks
    /// only forward until the window is spent, so the work is linear in the number of class words.
    func conceptMatches(_ hits: [PatternMatcher.Hit], in text: UnsafeBufferPointer<UInt8>) -> [ConceptMatch] {
        if self.concepts.isEmpty { return [] }
        // the class words in text order, then the concepts they belong to in ascending order
        // (a flat list rather than a dictionary of lists: this runs for every text the gate lets through)
        // counted first so the list is allocated once, not regrown as it fills
        var count = 0
        for hit in hits where self.kinds[hit.pattern] == Kind.conceptPart { count += 1 }
        if count == 0 { return [] }
        var found: [(concept: Int, cls: Int, hit: PatternMatcher.Hit)] = []
        found.reserveCapacity(count)
        for hit in hits where self.kinds[hit.pattern] == Kind.conceptPart {
            if case .conceptPart(let concept, let cls) = self.roles[hit.pattern] {
                found.append((concept, cls, hit))
            }
        }
        if found.isEmpty { return [] }
        // one sort by concept (text order within each), rather than one filter of the list per concept
        // (one sort of plain integers: rule << 32 | position)
        var order = found.indices.map { found[$0].concept << 32 | $0 }
        order.sort()
        for k in order.indices { order[k] &= 0xFFFF_FFFF }
        var result: [ConceptMatch] = []
        var group = 0
        while group < order.count {
            let concept = found[order[group]].concept
            var last = group
            while last < order.count && found[order[last]].concept == concept { last += 1 }
            let members = order[group..<last]
            group = last
            // the fields, not the rule: a copy of the rule would retain and release its name
            let classes = self.concepts[concept].classes
            let window = self.concepts[concept].window
            let role = self.concepts[concept].role
            let otherSense: Bool
            if case .otherSense = self.roles[role] { otherSense = true } else { otherSense = false }
            // most concepts a text touches lack a class: count the classes before copying the parts
            var seen = [Bool](repeating: false, count: classes <= 64 ? 0 : classes)
            var mask: UInt64 = 0
            var distinct = 0
            for e in members {
                let cls = found[e].cls
                if classes <= 64 {
                    if mask & (1 << UInt64(cls)) == 0 {
                        mask |= 1 << UInt64(cls)
                        distinct += 1
                    }
                } else if !seen[cls] {
                    seen[cls] = true
                    distinct += 1
                }
            }
            guard distinct == classes else { continue }
            let parts = members.map { (cls: found[$0].cls, hit: found[$0].hit) }
            let sorted = parts.sorted { ($0.hit.start, -$0.hit.end) < ($1.hit.start, -$1.hit.end) }
            var coveredUpTo = Int.min
            for (position, anchor) in sorted.enumerated() {
                if anchor.hit.start < coveredUpTo { continue }
                var chosen: [PatternMatcher.Hit?] = Array(repeating: nil, count: classes)
                chosen[anchor.cls] = anchor.hit
                var found = 1
                var k = position + 1
                while k < sorted.count && found < classes {
                    let candidate = sorted[k]
                    k += 1
                    if chosen[candidate.cls] != nil { continue }
                    guard Self.wordsSpanned(
                        anchor.hit.start, candidate.hit.end, limit: window, capitalSplits: !otherSense, in: text) <= window
                    else { break }
                    if chosen.contains(where: { $0.map { Self.overlaps($0, candidate.hit) } ?? false }) { continue }
                    chosen[candidate.cls] = candidate.hit
                    found += 1
                }
                guard found == classes else { continue }
                var words = chosen.compactMap { $0 }.sorted { $0.start < $1.start }
                // later anchors inside the match are skipped; those inside only its widened span are not.
                // Another sense reaching across a capitalised split leaves the words after the split free
                // to anchor a match of their own: in "… sort the phone Nobody came so I rang reception",
                // "Nobody … rang" is that sentence's own other sense, not only the tail of "the phone Nobody"
                let reach = words.map(\.end).max() ?? anchor.hit.end
                if !otherSense
                    || Self.wordsSpanned(anchor.hit.start, reach, limit: window, capitalSplits: true, in: text) <= window
                {
                    coveredUpTo = reach
                }
                if otherSense {
                    // another sense covers every further word of its classes in the window: "the subway
                    // rumbles past so it is quite noisy" is one source, not a source and then a complaint
                    while k < sorted.count
                        && Self.wordsSpanned(anchor.hit.start, sorted[k].hit.end, limit: window, in: text) <= window
                    {
                        if !words.contains(where: { Self.overlaps($0, sorted[k].hit) }) { words.append(sorted[k].hit) }
                        k += 1
                    }
                }
                let end = words.map(\.end).max() ?? anchor.hit.end
                result.append(
                    ConceptMatch(
                        hit: PatternMatcher.Hit(pattern: role, start: anchor.hit.start, end: end),
                        concept: concept, parts: words.map { $0.start..<$0.end }))
            }
        }
        return result
    }

    /// Words in `text[a..<b]`, or `Int.max` when a sentence ends inside; stops counting past `limit`.
    /// With `capitalSplits`, a sentence also ends before a capitalised word that follows a lower-case
    /// one, as the scoping reads punctuation-stripped text (``sentence(around:_:in:)``): an asserting
    /// concept does not join "pipes made strange noises" to "Guests at dinner …". Another sense may
    /// still reach across, since that split also falls inside names ("Air Con", "the Overground").
    static func wordsSpanned(
        _ a: Int, _ b: Int, limit: Int, capitalSplits: Bool = false, in text: UnsafeBufferPointer<UInt8>
    ) -> Int {
        var words = 0
        var inWord = false
        var k = a
        while k < b {
            let c = text[k]
            if c == 0x21 || c == 0x3F || c == 0x0A || c == 0x3B { return Int.max }
            if c == 0x2E && (k + 1 >= text.count || text[k + 1] == 0x20) && k + 1 < b { return Int.max }
            if capitalSplits && c == 0x20 && k > a && k + 1 < b && Self.isCapitalSplit(at: k, in: text) { return Int.max }
            let w = PatternMatcher.isWordByte(c)
            if w && !inWord {
                words += 1
                if words > limit { return words }
            }
            inWord = w
            k += 1
        }
        return words
    }

    /// Words after which a capitalised word is a name within the sentence, not the start of the next
    /// one: "smelled like a Dutch coffee shop", "like Piccadilly Circus", "close to the Overground".
    static let nameLeaders = ByteWordSet([
        "a", "an", "the", "like", "of", "in", "at", "to", "from", "by", "with", "near", "into", "onto", "our", "my",
        "his", "her", "their", "your", "its", "this", "that", "and", "or", "as", "for", "on", "called", "named", "about",
        "than", "opposite", "behind", "outside", "inside", "mr", "mrs", "ms", "miss", "dr",
    ])

    /// Whether the space at `k` ends a sentence of punctuation-stripped text: a capitalised word
    /// follows a lower-case one ("the room was dirty The staff were kind") that does not lead into a
    /// name ("her hotel in Manchester").
    static func isCapitalSplit(at k: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        k >= 1 && k + 2 < text.count && ByteClass.isLower(text[k - 1]) && ByteClass.isUpper(text[k + 1])
            && ByteClass.isLower(text[k + 2]) && !Self.leadsIntoName(before: k, in: text)
    }

    /// Whether the lower-case word ending just before `space` is one of ``nameLeaders``.
    static func leadsIntoName(before space: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = space
        while start > 0 && ByteClass.isLower(text[start - 1]) && space - start <= 8 { start -= 1 }
        if start > 0 && PatternMatcher.isWordByte(text[start - 1]) { return false }
        return Self.nameLeaders.contains(text, start, space)
    }
}
