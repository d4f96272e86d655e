/// A sign found by the classifier in one sentence, with the words that weighed most.
public struct ClassifiedSign: Sendable, Hashable {
    /// The hit: sign, evidence span (the strongest words) and sentence.
    public var hit: SignHit
    /// The words that weighed most, strongest first.
    public var words: [String]
    /// The sentence's logit for the sign.
    public var score: Double
}

/// Sentence-level logistic regression per sign over hashed word, stem and stem-pair features,
/// compiled from a ``SignModelFile``. Scanning allocates nothing per token: the sentence's words
/// are hashed into reused buffers and looked up in one open-addressing table. A sentence over a
/// sign's threshold is kept only if ConText scoping (``ScopeTriggers``) does not negate it, make it
/// hypothetical or move it elsewhere; a negative word that itself weighs for the sign ("nobody
/// asked for ID") asserts it rather than negating it.
public struct SignClassifier: Sendable {
    /// Sign ids in model order.
    public let signIDs: [String]
    let bias: [Float]
    let threshold: [Float]
    /// One slot of the feature table: the feature hash (0: empty) and its entries; 16 bytes, so a
    /// probe reads one cache line.
    struct Slot: Sendable {
        var key: UInt64
        var first: Int32
        var count: Int32
    }

    /// A weight of a feature for a sign; the entries of a feature lie together.
    struct Entry: Sendable {
        var weight: Float
        var sign: Int32
    }

    let slots: [Slot]
    let entries: [Entry]
    let mask: Int
    /// Bit filter over the slots' keys (32 KiB, stays in the first-level cache): most feature hashes of a
    /// sentence (pairs above all) are in no sign's weights and stop here without touching the table.
    let filter: [UInt64]
    static let filterBits = 1 << 18
    let triggers: ScopeTriggers
    let scopeMatcher: PatternMatcher
    let scopeRoles: [SignScanner.Role]

    /// Compiles a model file; throws if a feature name is malformed or there are too many signs.
    public init(model: SignModelFile, triggers: ScopeTriggers = .english) throws {
        guard model.format == "safeguard-sign-classifier", model.version == 1 else {
            throw TextError(code: "model-version", message: "the sign model is not a version 1 safeguard-sign-classifier file; retrain it with `safeguard model train`")
        }
        guard model.signs.count < 255 else { throw TextError(code: "model-too-many-signs", message: "the sign model has more than 254 signs") }
        var byFeature: [UInt64: [(UInt8, Float)]] = [:]
        for (index, sign) in model.signs.enumerated() {
            for name in sign.weights.keys.sorted() {
                guard let h = SignFeatures.hash(name: name) else {
                    throw TextError(code: "model-feature", message: "sign model: feature `\(name)` of `\(sign.id)` is not w:/s:/p:/b:/k: followed by words")
                }
                byFeature[h, default: []].append((UInt8(index), Float(sign.weights[name]!)))
            }
        }
        var capacity = 16
        while capacity < byFeature.count * 2 { capacity *= 2 }
        var slots = [Slot](repeating: Slot(key: 0, first: 0, count: 0), count: capacity)
        var entries: [Entry] = []
        var filter = [UInt64](repeating: 0, count: Self.filterBits / 64)
        for h in byFeature.keys.sorted() {
            let bit = Self.filterBit(h)
            filter[bit >> 6] |= 1 << UInt64(bit & 63)
            var slot = Int(truncatingIfNeeded: h) & (capacity - 1)
            while slots[slot].key != 0 { slot = (slot + 1) & (capacity - 1) }
            let list = byFeature[h]!
            slots[slot] = Slot(key: h, first: Int32(entries.count), count: Int32(list.count))
            for (s, w) in list { entries.append(Entry(weight: w, sign: Int32(s))) }
        }
        self.signIDs = model.signs.map(\.id)
        self.bias = model.signs.map { Float($0.bias) }
        self.threshold = model.signs.map { Float($0.threshold) }
        self.slots = slots
        self.entries = entries
        self.mask = capacity - 1
        self.filter = filter
        self.triggers = triggers
        var patterns: [[UInt8]] = []
        var roles: [SignScanner.Role] = []
        func add(_ list: [String], _ role: SignScanner.Role) {
            for phrase in list {
                for variant in PhraseVariants.variants(of: phrase) {
                    let folded = TextNormaliser.normalise(variant)
                    if folded.isEmpty { continue }
                    patterns.append(folded)
                    roles.append(role)
                }
            }
        }
        add(triggers.negationBefore, .negationBefore)
        add(triggers.negationAfter, .negationAfter)
        add(triggers.pseudo, .pseudo)
        add(triggers.hypotheticalBefore, .hypotheticalBefore)
        add(triggers.otherBefore, .otherBefore)
        add(triggers.otherAfter, .otherAfter)
        add(triggers.terminators, .terminator)
        self.scopeMatcher = PatternMatcher(patterns: patterns)
        self.scopeRoles = roles
    }

    @inline(__always) static func filterBit(_ h: UInt64) -> Int {
        Int(truncatingIfNeeded: h >> 40) & (Self.filterBits - 1)
    }

    @inline(__always) func lookup(_ h: UInt64, _ body: (Int, Float) -> Void) {
        let bit = Self.filterBit(h)
        if (self.filter[bit >> 6] >> UInt64(bit & 63)) & 1 == 0 { return }
        var slot = Int(truncatingIfNeeded: h) & self.mask
        while true {
            let entry = self.slots[slot]
            if entry.key == 0 { return }
            if entry.key == h {
                let f = Int(entry.first)
                for e in f..<(f + Int(entry.count)) {
                    let item = self.entries[e]
                    body(Int(item.sign), item.weight)
                }
                return
            }
            slot = (slot + 1) & self.mask
        }
    }

    /// The asserted signs of `text` (UTF-8), one per sign and sentence, byte offsets into `text`.
    public func scan(_ text: UnsafeBufferPointer<UInt8>) -> [ClassifiedSign] {
        var none: [UInt64]? = nil
        return self.scan(text, runs: &none)
    }

    /// ``scan(_:)``, also appending to `runs` (when not nil) the hashes of the text's word runs in
    /// text order, for ``SignAnchorGate/mayMatch(runs:)``: the words are read once for both.
    func scan(_ text: UnsafeBufferPointer<UInt8>, runs: inout [UInt64]?) -> [ClassifiedSign] {
        var walk = SentenceTokenWalk(text)
        var tokens: [SignFeatures.Token] = []
        tokens.reserveCapacity(64)
        let signCount = self.signIDs.count
        var result: [ClassifiedSign] = []
        // the tables are read through pointers taken once per text and the scores live in a
        // scratch buffer, so the per-feature work is a bit test and, for the few features the
        // model holds, one slot read; the features and their order are those of SignFeatures.features
        // a feature counts once per sentence, as the trainer counts it (a set of feature names), so
        // "please please please" weighs what one "please" does; the few features of a sentence that
        // the model holds are remembered by slot in a small scratch list
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { scratch in
          withUnsafeTemporaryAllocation(of: Int32.self, capacity: Self.matchedCapacity) { matched in
            var matchedCount = 0
            withUnsafeTemporaryAllocation(of: Float.self, capacity: max(1, signCount)) { scores in
                self.filter.withUnsafeBufferPointer { filter in
                    self.slots.withUnsafeBufferPointer { slots in
                        self.entries.withUnsafeBufferPointer { entries in
                            let mask = self.mask
                            @inline(__always) func add(_ h: UInt64) {
                                let bit = Self.filterBit(h)
                                if (filter[bit >> 6] >> UInt64(bit & 63)) & 1 == 0 { return }
                                var slot = Int(truncatingIfNeeded: h) & mask
                                while true {
                                    let entry = slots[slot]
                                    if entry.key == 0 { return }
                                    if entry.key == h {
                                        for k in 0..<matchedCount where matched[k] == Int32(slot) { return }
                                        if matchedCount < Self.matchedCapacity {
                                            matched[matchedCount] = Int32(slot)
                                            matchedCount += 1
                                        }
                                        let f = Int(entry.first)
                                        for e in f..<(f + Int(entry.count)) {
                                            let item = entries[e]
                                            scores[Int(item.sign)] += item.weight
                                        }
                                        return
                                    }
                                    slot = (slot + 1) & mask
                                }
                            }
                            while let sentence = walk.next(scratch: scratch, into: &tokens, runs: &runs) {
                                if tokens.isEmpty { continue }
                                for s in 0..<signCount { scores[s] = self.bias[s] }
                                matchedCount = 0
                                tokens.withUnsafeBufferPointer { tk in
                                    for i in 0..<tk.count {
                                        let t = tk[i]
                                        add(SignFeatures.mix(t.word, 0, tag: 1))
                                        add(SignFeatures.mix(t.stem, 0, tag: 2))
                                        if i >= 1 { add(SignFeatures.mix(tk[i - 1].stem, t.stem, tag: 3)) }
                                        if i >= 2 { add(SignFeatures.mix(tk[i - 2].stem, t.stem, tag: 4)) }
                                        if t.prefix != 0 { add(SignFeatures.mix(t.prefix, 0, tag: 5)) }
                                    }
                                }
                                for s in 0..<signCount where scores[s] > self.threshold[s] {
                                    if let found = self.assert(sign: s, score: scores[s], sentence: sentence, tokens: tokens, text: text) {
                                        result.append(found)
                                    }
                                }
                            }
                        }
                    }
                }
            }
          }
        }
        return result
    }

    /// Most distinct model features remembered in one sentence (a longer run-on counts the rest again).
    static let matchedCapacity = 512

    /// Convenience for tests and small inputs.
    public func scan(_ text: String) -> [ClassifiedSign] {
        var copy = text
        return copy.withUTF8 { self.scan($0) }
    }

    /// Evidence and scoping for a sentence over the threshold (rare, so it may allocate).
    func assert(
        sign: Int, score: Float, sentence: Range<Int>, tokens: [SignFeatures.Token], text: UnsafeBufferPointer<UInt8>
    ) -> ClassifiedSign? {
        // each token's contribution: its word and stem, plus half of each pair it ends or starts
        var contribution = [Float](repeating: 0, count: tokens.count)
        var counted = Set<UInt64>()
        for i in 0..<tokens.count {
            SignFeatures.features(tokens, i) { h, other in
                // once per sentence, at its first occurrence, as in the score
                guard counted.insert(h).inserted else { return }
                self.lookup(h) { s, w in
                    guard s == sign else { return }
                    if other == i {
                        contribution[i] += w
                    } else {
                        contribution[i] += w / 2
                        contribution[other] += w / 2
                    }
                }
            }
        }
        if tokens.count > Self.evidenceWindow && !self.isLocal(sign: sign, contribution: contribution) { return nil }
        let order = contribution.indices.sorted { (contribution[$0], -$0) > (contribution[$1], -$1) }
        guard let top = order.first, contribution[top] > 0 else { return nil }
        let strong = order.prefix(4).filter { contribution[$0] >= contribution[top] * 0.35 }
        // the span: the strongest word and its neighbours that also weigh for the sign (at most 3 either side)
        var spanFirst = top, spanLast = top
        while spanFirst > 0 && top - spanFirst < 3 && contribution[spanFirst - 1] > 0 { spanFirst -= 1 }
        while spanLast + 1 < tokens.count && spanLast - top < 3 && contribution[spanLast + 1] > 0 { spanLast += 1 }
        let span = tokens[spanFirst].start..<tokens[spanLast].end
        if self.isCancelled(span: span, sentence: sentence, tokens: tokens, contribution: contribution, text: text) {
            return nil
        }
        let words = strong.map { i in
            String(decoding: UnsafeBufferPointer(rebasing: text[tokens[i].start..<tokens[i].end]), as: UTF8.self).lowercased()
        }
        return ClassifiedSign(
            hit: SignHit(
                sign: self.signIDs[sign], start: span.lowerBound, end: span.upperBound, sentenceStart: sentence.lowerBound,
                sentenceEnd: sentence.upperBound),
            words: words, score: Double(score))
    }

    /// Words in the stretch of a long sentence that must carry a sign on its own (see ``isLocal``).
    /// Twenty words: no validation bank's score moves at 20 or 30, 15 and fewer cost recall; on the 4,785
    /// real reviews it removes 20 of the classifier's 56 flags of the rarer signs (BENCHMARKS.md).
    static let evidenceWindow = 20

    /// Whether some ``evidenceWindow`` consecutive words of the sentence reach the sign's
    /// threshold by themselves. A run-on review of sixty words ("I wanted to pay … if I wanted …
    /// this caused …") can pass a threshold set on sentences of ordinary length through many
    /// faint words none of which says anything; evidence of a sign is local.
    func isLocal(sign: Int, contribution: [Float]) -> Bool {
        let w = Self.evidenceWindow
        var sum: Float = 0
        for i in 0..<w { sum += contribution[i] }
        var best = sum
        for i in w..<contribution.count {
            sum += contribution[i] - contribution[i - w]
            best = max(best, sum)
        }
        return self.bias[sign] + best > self.threshold[sign]
    }

    /// ConText over the sentence: a trigger within its window of the span, with no terminator
    /// between, cancels it; a negation whose words weigh for the sign is part of the evidence.
    func isCancelled(
        span: Range<Int>, sentence: Range<Int>, tokens: [SignFeatures.Token], contribution: [Float],
        text: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        let slice = UnsafeBufferPointer(rebasing: text[sentence])
        let hits = self.scopeMatcher.hits(in: slice).map {
            PatternMatcher.Hit(pattern: $0.pattern, start: $0.start + sentence.lowerBound, end: $0.end + sentence.lowerBound)
        }
        func words(_ a: Int, _ b: Int) -> Int { tokens.filter { $0.start >= a && $0.end <= b }.count }
        func terminated(_ a: Int, _ b: Int) -> Bool {
            hits.contains { self.scopeRoles[$0.pattern] == .terminator && $0.start >= a && $0.end <= b }
        }
        func weighsForSign(_ hit: PatternMatcher.Hit) -> Bool {
            tokens.indices.contains { tokens[$0].start < hit.end && hit.start < tokens[$0].end && contribution[$0] > 0 }
        }
        for trigger in hits {
            if trigger.start < span.upperBound && span.lowerBound < trigger.end { continue }
            if hits.contains(where: {
                self.scopeRoles[$0.pattern] == .pseudo && $0.start < trigger.end && trigger.start < $0.end
            }) {
                continue
            }
            let role = self.scopeRoles[trigger.pattern]
            switch role {
            case .negationBefore, .hypotheticalBefore, .otherBefore:
                guard trigger.end <= span.lowerBound else { continue }
                if role == .negationBefore && weighsForSign(trigger) { continue }
                if words(trigger.end, span.lowerBound) <= self.triggers.forwardWindow
                    && !terminated(trigger.end, span.lowerBound)
                {
                    return true
                }
            case .negationAfter, .otherAfter:
                guard trigger.start >= span.upperBound else { continue }
                if role == .negationAfter && weighsForSign(trigger) { continue }
                if words(span.upperBound, trigger.start) <= self.triggers.backwardWindow
                    && !terminated(span.upperBound, trigger.start)
                {
                    return true
                }
            default:
                continue
            }
        }
        return false
    }
}
