/// One Aho-Corasick automaton over bytes for many patterns, over byte classes (only bytes that
/// occur in some pattern get their own class), run once over a text.
///
/// The shallow states a text visits on almost every byte have dense transition rows (one table
/// read a byte); the many deep states, each on one pattern's path, keep only their trie edges and
/// a failure link, so the automaton stays small enough for the caches. Both give exactly the
/// transitions of the full DFA: a deep state's missing edge is resolved through its failure link,
/// as the DFA's row was built. A deep state is one 8-byte word (its failure link and, when it has
/// one child, as most do, that edge), and deep states are numbered depth-first, so walking along a
/// pattern reads consecutive words of one cache line rather than three arrays far apart.
///
/// Hits are whole words: a hit whose first/last pattern byte is a letter or digit must not be
/// preceded/followed by a letter, digit or non-ASCII byte.
public struct PatternMatcher: Sendable {
    /// A match: pattern index and folded byte range.
    public struct Hit: Sendable, Hashable {
        /// Index of the pattern in the list given to ``init(patterns:)``.
        public var pattern: Int
        /// Start offset in the scanned bytes.
        public var start: Int
        /// End offset, exclusive.
        public var end: Int
    }

    private let classOf: [UInt8]
    private let classCount: Int
    /// Dense rows of the first `denseCount` states (breadth-first order): `dense[state × classes +
    /// class]` is the target state, with ``outputFlag`` set when the target has outputs.
    private let dense: [UInt32]
    private let denseCount: Int
    /// The deeper states: `deep[s - denseCount]` holds the failure link of state `s` (the longest
    /// proper suffix of its path that is a trie state) in its high 32 bits and in its low 32 bits
    /// either its one trie edge (`target << 9 | hasOutput << 8 | class`, class at least 1), 0 for
    /// no edge, or `first << 9 | 1 << 8` (class 0) for several edges: `manyEdges[first...]`, encoded
    /// the same way, up to a 0.
    private let deep: [UInt64]
    private let manyEdges: [UInt32]
    /// The outputs of state `s` are `outputs[outputStart[s]..<outputStart[s + 1]]`, each a pattern with
    /// what its hit needs, so reporting it reads one array in order: `pattern << 32 | length << 2 |
    /// checkStart << 1 | checkEnd` (check: the pattern's first/last byte is a word byte, so the hit
    /// must not touch a word byte on that side).
    private let outputStart: [Int32]
    private let outputs: [UInt64]

    /// Dense rows for the states at most this deep (and at most ``maximumDenseStates`` of them).
    static let denseDepth = 3
    static let maximumDenseStates = 6_000

    /// Compiles the patterns (already folded bytes; empty ones are ignored).
    public init(patterns: [[UInt8]]) {
        var classOf = [UInt8](repeating: 0, count: 256)
        var next: UInt8 = 1
        for p in patterns {
            for b in p where classOf[Int(b)] == 0 {
                classOf[Int(b)] = next
                next += 1
            }
        }
        let c = Int(next)
        // trie, built from the patterns in sorted order: a pattern shares its path with the one
        // before it up to their common prefix; children are kept as sibling lists
        let order = patterns.indices.filter { !patterns[$0].isEmpty }.sorted {
            patterns[$0].lexicographicallyPrecedes(patterns[$1]) || (patterns[$0] == patterns[$1] && $0 < $1)
        }
        var firstChild: [Int32] = [-1]
        var nextSibling: [Int32] = [-1]
        var label: [UInt8] = [0]
        var own: [[Int32]] = [[]]
        var path: [Int32] = [0]
        var previous: [UInt8] = []
        for index in order {
            let p = patterns[index]
            var common = 0
            while common < p.count && common < previous.count && p[common] == previous[common] { common += 1 }
            path.removeSubrange((common + 1)...)
            var s = Int(path[common])
            for b in p[common...] {
                let t = Int32(label.count)
                firstChild.append(-1)
                nextSibling.append(firstChild[s])
                label.append(classOf[Int(b)])
                own.append([])
                firstChild[s] = t
                path.append(t)
                s = Int(t)
            }
            own[s].append(Int32(index))
            previous = p
        }
        let states = label.count
        // breadth-first order and depths
        var queue: [Int] = [0]
        queue.reserveCapacity(states)
        var depth = [Int](repeating: 0, count: states)
        var head = 0
        while head < queue.count {
            let s = queue[head]
            head += 1
            var t = Int(firstChild[s])
            while t >= 0 {
                depth[t] = depth[s] + 1
                queue.append(t)
                t = Int(nextSibling[t])
            }
        }
        var newID = [Int](repeating: 0, count: states)
        for (j, s) in queue.enumerated() { newID[s] = j }
        var denseCount = 1
        while denseCount < states && denseCount < Self.maximumDenseStates && depth[queue[denseCount]] <= Self.denseDepth {
            denseCount += 1
        }
        // per new state: children (class, new target), failure links and outputs, in breadth-first order
        var children = [[(cls: Int, target: Int)]](repeating: [], count: states)
        for (j, s) in queue.enumerated() {
            var t = Int(firstChild[s])
            while t >= 0 {
                children[j].append((Int(label[t]), newID[t]))
                t = Int(nextSibling[t])
            }
        }
        var fail = [Int32](repeating: 0, count: states)
        var all = [[Int32]](repeating: [], count: states)
        var dense = [UInt32](repeating: 0, count: denseCount * c)
        // the transition of (new) state q on class k, with rows and links already built for q and shallower states
        func transition(_ start: Int, _ k: Int) -> Int {
            var q = start
            while true {
                if q < denseCount { return Int(dense[q * c + k] & ~Self.outputFlag) }
                if let edge = children[q].first(where: { $0.cls == k }) { return edge.target }
                q = Int(fail[q])
            }
        }
        for j in 0..<states {
            let s = queue[j]
            all[j] = own[s] + (j == 0 ? [] : all[Int(fail[j])])
            for child in children[j] {
                fail[child.target] = j == 0 ? 0 : Int32(transition(Int(fail[j]), child.cls))
            }
            if j < denseCount {
                for k in 0..<c {
                    dense[j * c + k] = UInt32(j == 0 ? 0 : transition(Int(fail[j]), k))
                }
                for child in children[j] { dense[j * c + child.cls] = UInt32(child.target) }
            }
        }
        // outputs of a state are known once its failure link is: mark transitions into states with outputs
        precondition(states < 1 << 23, "PatternMatcher: too many patterns for one automaton")
        // final numbering: the dense states keep theirs; the deep ones are numbered depth-first
        // (preorder), so a state's only child comes right after it
        var renumbered = Array(0..<states)
        var nextDeep = denseCount
        var stack = [0]
        while let j = stack.popLast() {
            if j >= denseCount {
                renumbered[j] = nextDeep
                nextDeep += 1
            }
            for child in children[j].reversed() { stack.append(child.target) }
        }
        var original = [Int](repeating: 0, count: states)
        for j in 0..<states { original[renumbered[j]] = j }
        func edge(_ child: (cls: Int, target: Int)) -> UInt32 {
            UInt32(renumbered[child.target]) << 9 | (all[child.target].isEmpty ? 0 : 1 << 8) | UInt32(child.cls)
        }
        for k in dense.indices {
            let t = Int(dense[k])
            dense[k] = UInt32(renumbered[t]) | (all[t].isEmpty ? 0 : Self.outputFlag)
        }
        var deep = [UInt64](repeating: 0, count: states - denseCount)
        var manyEdges: [UInt32] = []
        for n in denseCount..<states {
            let j = original[n]
            let low: UInt32
            switch children[j].count {
            case 0:
                low = 0
            case 1:
                low = edge(children[j][0])
            default:
                low = UInt32(manyEdges.count) << 9 | 1 << 8
                for child in children[j] { manyEdges.append(edge(child)) }
                manyEdges.append(0)
            }
            deep[n - denseCount] = UInt64(renumbered[Int(fail[j])]) << 32 | UInt64(low)
        }
        precondition(manyEdges.count < 1 << 23, "PatternMatcher: too many patterns for one automaton")
        func isWordByte(_ b: UInt8?) -> Bool { b.map { ByteClass.isAlnum($0) || $0 >= 0x80 } ?? false }
        let packed = patterns.indices.map { p -> UInt64 in
            precondition(patterns[p].count < 1 << 30, "PatternMatcher: pattern too long")
            return UInt64(p) << 32 | UInt64(patterns[p].count) << 2 | (isWordByte(patterns[p].first) ? 2 : 0)
                | (isWordByte(patterns[p].last) ? 1 : 0)
        }
        var outputStart = [Int32](repeating: 0, count: states + 1)
        var outputs: [UInt64] = []
        for n in 0..<states {
            outputStart[n] = Int32(outputs.count)
            for p in all[original[n]] { outputs.append(packed[Int(p)]) }
        }
        outputStart[states] = Int32(outputs.count)
        // ASCII capitals share their lower-case letter's class: raw text can be scanned unfolded
        for upper in 0x41...0x5A where classOf[upper] == 0 {
            classOf[upper] = classOf[upper | 0x20]
        }
        self.classOf = classOf
        self.classCount = c
        self.dense = dense
        self.denseCount = denseCount
        self.deep = deep
        self.manyEdges = manyEdges
        self.outputStart = outputStart
        self.outputs = outputs
    }

    static let outputFlag: UInt32 = 1 << 31

    /// All whole-word hits in `text`, in order of their end. ASCII capitals match like lower case.
    public func hits(in text: UnsafeBufferPointer<UInt8>) -> [Hit] {
        var hits: [Hit] = []
        guard let bytes = text.baseAddress else { return hits }
        let n = text.count
        // real text holds about one hit per four bytes (a word often starts several patterns):
        // room for them up front rather than regrowing the array six or seven times
        hits.reserveCapacity(min(n / 4 + 8, 1 << 16))
        let c = self.classCount
        let denseCount = self.denseCount
        self.classOf.withUnsafeBufferPointer { classOf in
            self.dense.withUnsafeBufferPointer { dense in
                self.deep.withUnsafeBufferPointer { deep in
                    self.manyEdges.withUnsafeBufferPointer { manyEdges in
                        let classes = classOf.baseAddress!
                        var state = 0
                        var i = 0
                        while i < n {
                            let k = Int(classes[Int(bytes[i])])
                            i &+= 1
                            if k == 0 {
                                // a byte of no pattern: every state goes to the root, which has no outputs
                                state = 0
                                continue
                            }
                            var q = state
                            var v: UInt32
                            while true {
                                if q < denseCount {
                                    v = dense[q &* c &+ k]
                                    break
                                }
                                // a deep state: its own edges, else its failure link
                                let d = deep[q &- denseCount]
                                let x = UInt32(truncatingIfNeeded: d)
                                let label = Int(x & 0xFF)
                                if label == k {
                                    v = (x >> 9) | (x & 0x100 != 0 ? Self.outputFlag : 0)
                                    break
                                }
                                if label == 0 && x != 0 {
                                    var e = Int(x >> 9)
                                    var found: UInt32 = 0
                                    while true {
                                        let y = manyEdges[e]
                                        if y == 0 { break }
                                        if Int(y & 0xFF) == k {
                                            found = y
                                            break
                                        }
                                        e &+= 1
                                    }
                                    if found != 0 {
                                        v = (found >> 9) | (found & 0x100 != 0 ? Self.outputFlag : 0)
                                        break
                                    }
                                }
                                q = Int(truncatingIfNeeded: d >> 32)
                            }
                            state = Int(v & ~Self.outputFlag)
                            // every output of a state ends with the byte just read, so when that byte
                            // and the next are both word bytes, every output is inside a word: none is
                            // a hit, and the outputs need not be read
                            if v & Self.outputFlag != 0
                                && !(i < n && Self.isWordByte(bytes[i]) && Self.isWordByte(bytes[i &- 1]))
                            {
                                self.appendHits(state: state, end: i, in: text, to: &hits)
                            }
                        }
                    }
                }
            }
        }
        return hits
    }

    /// Appends the whole-word outputs of `state`, reached at `end`.
    @inline(never)
    private func appendHits(state: Int, end: Int, in text: UnsafeBufferPointer<UInt8>, to hits: inout [Hit]) {
        // a word byte right after the hit rules out every output that ends in one
        let wordAfter = end < text.count && Self.isWordByte(text[end])
        for o in Int(self.outputStart[state])..<Int(self.outputStart[state + 1]) {
            let x = self.outputs[o]
            if x & 1 != 0 && wordAfter { continue }
            let start = end - Int(truncatingIfNeeded: (x & 0xFFFF_FFFF) >> 2)
            if x & 2 != 0 && start > 0 && Self.isWordByte(text[start - 1]) { continue }
            hits.append(Hit(pattern: Int(truncatingIfNeeded: x >> 32), start: start, end: end))
        }
    }

    @inline(__always) static func isWordByte(_ b: UInt8) -> Bool {
        ByteClass.isAlnum(b) || b >= 0x80
    }
}
