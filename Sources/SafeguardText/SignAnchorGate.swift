/// A one-pass word check that tells, before the pattern matcher runs, that a text cannot assert
/// any sign through the phrase, gap-phrase or concept rules, so ``SignScanner`` can skip it.
///
/// Derived when the scanner is compiled from the very patterns the matcher holds, never from a
/// word list, so any change to the rules keeps it exact. A matcher hit is whole-word: every run of
/// word bytes (letters, digits, non-ASCII) in a pattern equals a whole run of word bytes in the
/// text (ASCII case folded). So:
/// - a phrase (or one of its variants) can match only if the text holds every word run of it;
/// - a gap phrase ("men * hanging around") can match only if every part can (one variant each);
/// - a concept can match only if every class can (one form each).
/// Only rules that assert a sign (phrases, `asserted-by-negation`, and the gap phrases and
/// concepts that assert) count: triggers and other senses alone never yield a hit. When the gate
/// says no, ``SignScanner/scan(_:)`` returns no hits, exactly as the full path would.
///
/// The check is one pass over the bytes (lower-casing, splitting and hashing words, one probe of a
/// table behind a first-level-cache bit filter), then each pattern ("clause") is tried only from its
/// key word: the word of the pattern that the fewest patterns share, so common words ("staff",
/// "room") key few clauses. A word's clauses lie together in one array, each with its group and
/// words, so trying them reads memory in order. A word that is a whole asserting phrase by itself
/// ("noisy", "filthy") ends the pass as soon as it is read: the answer is already yes.
struct SignAnchorGate: Sendable {
    /// A gap phrase or concept: it can match only when all its groups (parts, classes) are satisfied.
    struct Target: Sendable {
        var firstGroup: Int32
        var groupCount: Int32
    }

    /// Word-run hash → word id (open addressing; `ids[slot]` for `keys[slot]`).
    private let keys: [UInt64]
    private let ids: [Int32]
    private let mask: Int
    /// Bit filter over the keys (8 KiB, stays in the first-level cache): most words stop here.
    private let filter: [UInt64]
    static let filterBits = 1 << 16
    /// Clauses keyed by word: `keyed[keyStart[w]..<keyStart[w + 1]]` holds the clauses whose key
    /// word is `w`, each as its group, its number of words and its words.
    private let keyStart: [Int32]
    private let keyed: [Int32]
    /// Per word id: whether the word alone is a clause of group 0 (a plain phrase of one word run).
    private let decisive: [Bool]
    /// Group 0 is "a plain phrase can match"; targets cover gap phrases and concepts.
    private let targets: [Target]
    /// Number of groups (0 and those of the targets).
    let groupCount: Int
    /// Number of distinct words.
    let wordCount: Int
    /// False when some asserting pattern has no word run at all: then no text can be skipped.
    let enabled: Bool

    /// The hashes of the word runs of a folded pattern (or text), in order.
    static func runs(_ pattern: [UInt8]) -> [UInt64] {
        var result: [UInt64] = []
        var i = 0
        while i < pattern.count {
            if !Self.isWordByte(pattern[i]) {
                i += 1
                continue
            }
            var h = SignFeatures.fnvOffset
            while i < pattern.count && Self.isWordByte(pattern[i]) {
                h = (h ^ UInt64(ByteClass.lowercase[Int(pattern[i])])) &* SignFeatures.fnvPrime
                i += 1
            }
            result.append(h == 0 ? 1 : h)
        }
        return result
    }

    /// Builds the gate: `phrases` are the folded asserting phrase patterns; `multi` lists, per gap
    /// phrase or concept that asserts, per part or class, the folded patterns of that part.
    init(phrases: [[UInt8]], multi: [[[[UInt8]]]]) {
        var wordOf: [UInt64: Int32] = [:]
        var clauses: [(words: [Int32], group: Int32)] = []
        var enabled = true
        func add(_ pattern: [UInt8], group: Int32) {
            let runs = Self.runs(pattern)
            if runs.isEmpty {
                enabled = false
                return
            }
            var words: [Int32] = []
            for h in runs {
                let id: Int32
                if let known = wordOf[h] {
                    id = known
                } else {
                    id = Int32(wordOf.count)
                    wordOf[h] = id
                }
                if !words.contains(id) { words.append(id) }
            }
            clauses.append((words, group))
        }
        for p in phrases where !p.isEmpty { add(p, group: 0) }
        var targets: [Target] = []
        var next: Int32 = 1
        for rule in multi {
            targets.append(Target(firstGroup: next, groupCount: Int32(rule.count)))
            for part in rule {
                for p in part where !p.isEmpty { add(p, group: next) }
                next += 1
            }
        }
        // key word of a clause: the one the fewest clauses hold
        let wordCount = wordOf.count
        var shared = [Int](repeating: 0, count: wordCount)
        for clause in clauses { for w in clause.words { shared[Int(w)] += 1 } }
        var keyCount = [Int32](repeating: 0, count: wordCount + 1)
        var keyOf = [Int32](repeating: 0, count: clauses.count)
        for (c, clause) in clauses.enumerated() {
            var key = clause.words[0]
            for w in clause.words where shared[Int(w)] < shared[Int(key)] { key = w }
            keyOf[c] = key
            keyCount[Int(key) + 1] += 1
        }
        for w in 0..<wordCount { keyCount[w + 1] += keyCount[w] }
        var fill = keyCount
        var order = [Int32](repeating: 0, count: clauses.count)
        for c in clauses.indices {
            let w = Int(keyOf[c])
            order[Int(fill[w])] = Int32(c)
            fill[w] += 1
        }
        // the clauses of each key word in that order, laid out together: group, word count, words
        var keyStart = [Int32](repeating: 0, count: wordCount + 1)
        var keyed: [Int32] = []
        var decisive = [Bool](repeating: false, count: wordCount)
        for w in 0..<wordCount {
            keyStart[w] = Int32(keyed.count)
            for e in Int(keyCount[w])..<Int(keyCount[w + 1]) {
                let clause = clauses[Int(order[e])]
                keyed.append(clause.group)
                keyed.append(Int32(clause.words.count))
                keyed.append(contentsOf: clause.words)
                if clause.group == 0 && clause.words.count == 1 { decisive[w] = true }
            }
        }
        keyStart[wordCount] = Int32(keyed.count)
        var capacity = 16
        while capacity < wordCount * 2 { capacity *= 2 }
        var keys = [UInt64](repeating: 0, count: capacity)
        var ids = [Int32](repeating: 0, count: capacity)
        var filter = [UInt64](repeating: 0, count: Self.filterBits / 64)
        for (h, id) in wordOf.sorted(by: { $0.value < $1.value }) {
            var slot = Int(truncatingIfNeeded: h) & (capacity - 1)
            while keys[slot] != 0 { slot = (slot + 1) & (capacity - 1) }
            keys[slot] = h
            ids[slot] = id
            let bit = Self.bit(h)
            filter[bit >> 6] |= 1 << UInt64(bit & 63)
        }
        self.keys = keys
        self.ids = ids
        self.mask = capacity - 1
        self.filter = filter
        self.keyStart = keyStart
        self.keyed = keyed
        self.decisive = decisive
        self.targets = targets
        self.groupCount = Int(next)
        self.wordCount = wordCount
        self.enabled = enabled
    }

    @inline(__always) static func isWordByte(_ b: UInt8) -> Bool {
        ByteClass.table[Int(b)] & ByteClass.word != 0
    }

    @inline(__always) static func bit(_ h: UInt64) -> Int {
        Int(truncatingIfNeeded: h >> 40) & (Self.filterBits - 1)
    }

    /// The word id of a word-run hash, or -1.
    @inline(__always) private func word(_ h: UInt64) -> Int {
        var slot = Int(truncatingIfNeeded: h) & self.mask
        while true {
            let k = self.keys[slot]
            if k == 0 { return -1 }
            if k == h { return Int(self.ids[slot]) }
            slot = (slot + 1) & self.mask
        }
    }

    /// Whether `text` (bytes as the matcher sees them: raw ASCII or folded) may hold a match of an
    /// asserting phrase, gap phrase or concept. `false` is exact: the scanner would find no hit.
    func mayMatch(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        if !self.enabled { return true }
        return withUnsafeTemporaryAllocation(of: Bool.self, capacity: self.wordCount + self.groupCount) { flags -> Bool in
            flags.initialize(repeating: false)
            // a text of n bytes holds at most (n + 1) / 2 words
            return withUnsafeTemporaryAllocation(of: Int32.self, capacity: max(1, min(self.wordCount, text.count / 2 + 1))) { keys -> Bool in
                self.mayMatch(text, seen: flags, keyWords: keys)
            }
        }
    }

    /// ``mayMatch(_:)`` from the hashes of the text's word runs, in text order (as ``runs(_:)`` gives
    /// them, e.g. from a pass that already read the words): the same answer without reading the bytes.
    func mayMatch(runs: UnsafeBufferPointer<UInt64>) -> Bool {
        if !self.enabled { return true }
        return withUnsafeTemporaryAllocation(of: Bool.self, capacity: self.wordCount + self.groupCount) { flags -> Bool in
            flags.initialize(repeating: false)
            return withUnsafeTemporaryAllocation(of: Int32.self, capacity: max(1, min(self.wordCount, runs.count))) { keys -> Bool in
                var keyCount = 0
                var decided = false
                self.filter.withUnsafeBufferPointer { filter in
                    for h in runs
                    where self.probe(h == 0 ? 1 : h, filter: filter, seen: flags, keyWords: keys, keyCount: &keyCount) {
                        decided = true
                        break
                    }
                }
                if decided { return true }
                return self.clausesMatch(seen: flags, keyWords: keys, keyCount: keyCount)
            }
        }
    }

    private func mayMatch(
        _ text: UnsafeBufferPointer<UInt8>, seen: UnsafeMutableBufferPointer<Bool>, keyWords: UnsafeMutableBufferPointer<Int32>
    ) -> Bool {
        var keyCount = 0
        var decided = false
        self.filter.withUnsafeBufferPointer { filter in
            ByteClass.table.withUnsafeBufferPointer { table in
                ByteClass.lowercase.withUnsafeBufferPointer { lower in
                    var h = SignFeatures.fnvOffset
                    var inWord = false
                    let n = text.count
                    var i = 0
                    // one pass: each word's hash is probed at its end (and at the text's end)
                    while i <= n {
                        let b: UInt8 = i < n ? text[i] : 0x20
                        if table[Int(b)] & ByteClass.word != 0 {
                            h = (h ^ UInt64(lower[Int(b)])) &* SignFeatures.fnvPrime
                            inWord = true
                        } else if inWord {
                            if self.probe(h == 0 ? 1 : h, filter: filter, seen: seen, keyWords: keyWords, keyCount: &keyCount) {
                                decided = true
                                break
                            }
                            h = SignFeatures.fnvOffset
                            inWord = false
                        }
                        i += 1
                    }
                }
            }
        }
        if decided { return true }
        return self.clausesMatch(seen: seen, keyWords: keyWords, keyCount: keyCount)
    }

    /// Marks the gate word a word's hash names, if any, and lists it when it keys clauses; true when
    /// that word alone lets the text through.
    @inline(__always)
    private func probe(
        _ key: UInt64, filter: UnsafeBufferPointer<UInt64>, seen: UnsafeMutableBufferPointer<Bool>,
        keyWords: UnsafeMutableBufferPointer<Int32>, keyCount: inout Int
    ) -> Bool {
        let bit = Self.bit(key)
        guard (filter[bit >> 6] >> UInt64(bit & 63)) & 1 != 0 else { return false }
        let w = self.word(key)
        guard w >= 0 && !seen[w] else { return false }
        seen[w] = true
        if self.decisive[w] { return true }
        if self.keyStart[w + 1] > self.keyStart[w] {
            keyWords[keyCount] = Int32(w)
            keyCount += 1
        }
        return false
    }

    /// Whether some clause keyed by the first `keyCount` of `keyWords` holds (all its words `seen`),
    /// for a plain phrase, or every group of some target does.
    private func clausesMatch(seen: UnsafeMutableBufferPointer<Bool>, keyWords: UnsafeMutableBufferPointer<Int32>, keyCount: Int) -> Bool {
        if keyCount == 0 { return false }
        let groupBase = self.wordCount
        var anyGroup = false
        let found: Bool = self.keyed.withUnsafeBufferPointer { keyed in
            for k in 0..<keyCount {
                let w = Int(keyWords[k])
                var e = Int(self.keyStart[w])
                let end = Int(self.keyStart[w + 1])
                while e < end {
                    let g = Int(keyed[e])
                    let first = e + 2
                    e = first + Int(keyed[e + 1])
                    if g != 0 && seen[groupBase + g] { continue }
                    var all = true
                    for x in first..<e where !seen[Int(keyed[x])] {
                        all = false
                        break
                    }
                    guard all else { continue }
                    if g == 0 { return true }
                    seen[groupBase + g] = true
                    anyGroup = true
                }
            }
            return false
        }
        if found { return true }
        if !anyGroup { return false }
        for target in self.targets {
            var all = true
            for g in Int(target.firstGroup)..<Int(target.firstGroup + target.groupCount) where !seen[groupBase + g] {
                all = false
                break
            }
            if all { return true }
        }
        return false
    }
}
