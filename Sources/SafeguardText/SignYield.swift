import SafeguardCore

/// Background mentions: a sign that `yields-to` other signs (``SignDefinition/yieldsTo``) is not
/// asserted from a sentence that asserts one of them, unless the sentence also holds one of its
/// `stands-alone-with` words (``SignDefinition/standsAloneWith``).
///
/// "A young girl was crying her eyes out in the corridor" is `screaming`, and "older men were
/// hanging around the car park watching the girls" is `men-loitering`: the young people are part
/// of another sign's scene. "Girls who looked about fourteen were taken up to a room" still
/// asserts `young-people`, by its age words. Applied to the merged phrase-rule and classifier
/// hits, sentence by sentence; the marker words are matched only in the sentences concerned.
struct SignYield: Sendable {
    /// Sign id → the sign ids it yields to.
    let yieldsTo: [String: Set<String>]
    /// The `stands-alone-with` words of every yielding sign, folded, with their variants.
    let matcher: PatternMatcher
    /// Per pattern of `matcher`: the sign id whose marker it is.
    let markerSign: [String]

    /// The yield rules of `signs`; nil when no sign yields to another.
    init?(signs: [SignDefinition]) {
        var yieldsTo: [String: Set<String>] = [:]
        var patterns: [[UInt8]] = []
        var markerSign: [String] = []
        for sign in signs where !sign.yieldsTo.isEmpty {
            yieldsTo[sign.id] = Set(sign.yieldsTo)
            for word in sign.standsAloneWith {
                for variant in PhraseVariants.variants(of: word.lowercased()) {
                    let folded = TextNormaliser.normalise(variant)
                    if folded.isEmpty { continue }
                    patterns.append(folded)
                    markerSign.append(sign.id)
                }
            }
        }
        if yieldsTo.isEmpty { return nil }
        self.yieldsTo = yieldsTo
        self.matcher = PatternMatcher(patterns: patterns)
        self.markerSign = markerSign
    }

    /// `hits` (with their classifier words, same order) less the hits that yield in their sentence.
    /// A hit yields only to a hit that holds its ground: when two signs would yield to each other
    /// in one sentence (neither names its own words), both stay.
    func filter(
        _ hits: [SignHit], _ weighed: [[String]?], in text: UnsafeBufferPointer<UInt8>
    ) -> ([SignHit], [[String]?]) {
        func sameSentence(_ a: SignHit, _ b: SignHit) -> Bool {
            b.start < a.sentenceEnd && a.sentenceStart < b.end
        }
        // first, the hits that would yield to some other hit of their sentence
        var yielding: Set<Int> = []
        for (k, hit) in hits.enumerated() {
            guard let others = self.yieldsTo[hit.sign] else { continue }
            let theirs = hits.filter { others.contains($0.sign) && sameSentence(hit, $0) }
            if !theirs.isEmpty
                && !self.standsAlone(
                    hit.sign, sentence: hit.sentenceStart..<hit.sentenceEnd, outside: theirs.map { $0.start..<$0.end },
                    in: text)
            {
                yielding.insert(k)
            }
        }
        if yielding.isEmpty { return (hits, weighed) }
        // then drop those whose sentence holds a hit of a sign they yield to that does not yield itself
        var dropped: Set<Int> = []
        for k in yielding {
            let hit = hits[k]
            guard let others = self.yieldsTo[hit.sign] else { continue }
            if hits.indices.contains(where: { j in
                !yielding.contains(j) && others.contains(hits[j].sign) && sameSentence(hit, hits[j])
            }) {
                dropped.insert(k)
            }
        }
        if dropped.isEmpty { return (hits, weighed) }
        let kept = hits.indices.filter { !dropped.contains($0) }
        return (kept.map { hits[$0] }, kept.map { weighed[$0] })
    }

    /// Whether the sentence holds a `stands-alone-with` word of `sign` that is not inside a longer
    /// piece of evidence of a sign it yields to (`outside`, byte ranges of `text`): in "blokes were
    /// loitering by the entrance chatting to teenage girls" the loitering is the men's, so the girls
    /// are part of their scene; in "teenage girls partying in a room", "partying" is also the whole
    /// of the noise evidence and still says what the girls were doing.
    func standsAlone(
        _ sign: String, sentence: Range<Int>, outside: [Range<Int>] = [], in text: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        let range = max(0, sentence.lowerBound)..<min(text.count, sentence.upperBound)
        if range.isEmpty { return false }
        let slice = UnsafeBufferPointer(rebasing: text[range])
        var hits: [PatternMatcher.Hit]
        if TextNormaliser.needsFolding(slice) {
            let folded = TextNormaliser.normalise(slice)
            hits = folded.bytes.withUnsafeBufferPointer { self.matcher.hits(in: $0) }
            // back to offsets of the slice
            hits = hits.map {
                PatternMatcher.Hit(pattern: $0.pattern, start: Int(folded.origin[$0.start]), end: Int(folded.origin[$0.end]))
            }
        } else {
            hits = self.matcher.hits(in: slice)
        }
        return hits.contains { marker in
            guard self.markerSign[marker.pattern] == sign else { return false }
            let start = marker.start + range.lowerBound
            let end = marker.end + range.lowerBound
            // a marker that is the other sign's whole evidence ("partying" as noise) is shared; one
            // inside a longer stretch of it ("blokes were loitering") belongs to that sign's subject
            return !outside.contains { $0.lowerBound <= start && end <= $0.upperBound && $0 != start..<end }
        }
    }
}
