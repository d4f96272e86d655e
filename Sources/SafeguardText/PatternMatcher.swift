/// One Aho-Corasick automaton over bytes for many patterns, compiled to a dense DFA over byte
/// classes (only bytes that occur in some pattern get their own class), run once over a text.
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
    /// Transitions, indexed by row offset (state × class count) + class; each entry is the target
    /// state's row offset, so the scan loop needs no multiply, with ``outputFlag`` set when the
    /// target has outputs.
    private let delta: [UInt32]
    private let outputStart: [Int32]
    private let outputs: [Int32]
    private let lengths: [Int]
    private let checkStart: [Bool]
    private let checkEnd: [Bool]

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
        // before it up to their common prefix, so no per-node dictionary is needed; edges go
        // straight into the transition table (-1: none yet)
        let order = patterns.indices.filter { !patterns[$0].isEmpty }.sorted {
            patterns[$0].lexicographicallyPrecedes(patterns[$1]) || (patterns[$0] == patterns[$1] && $0 < $1)
        }
        var states = 1
        var previous: [UInt8] = []
        for index in order {
            let p = patterns[index]
            var common = 0
            while common < p.count && common < previous.count && p[common] == previous[common] { common += 1 }
            states += p.count - common
            previous = p
        }
        var delta = [Int32](repeating: -1, count: states * c)
        var own = [[Int32]](repeating: [], count: states)
        var path: [Int32] = [0]
        previous = []
        var created = 1
        for index in order {
            let p = patterns[index]
            var common = 0
            while common < p.count && common < previous.count && p[common] == previous[common] { common += 1 }
            path.removeSubrange((common + 1)...)
            var s = Int(path[common])
            for b in p[common...] {
                let t = Int32(created)
                created += 1
                delta[s * c + Int(classOf[Int(b)])] = t
                path.append(t)
                s = Int(t)
            }
            own[s].append(Int32(index))
            previous = p
        }
        var fail = [Int32](repeating: 0, count: states)
        var all = own
        var queue: [Int] = []
        queue.reserveCapacity(states)
        for k in 0..<c {
            if delta[k] >= 0 {
                queue.append(Int(delta[k]))
            } else {
                delta[k] = 0
            }
        }
        var head = 0
        while head < queue.count {
            let s = queue[head]
            head += 1
            all[s].append(contentsOf: all[Int(fail[s])])
            for k in 0..<c {
                let t = delta[s * c + k]
                if t >= 0 {
                    fail[Int(t)] = delta[Int(fail[s]) * c + k]
                    queue.append(Int(t))
                } else {
                    delta[s * c + k] = delta[Int(fail[s]) * c + k]
                }
            }
        }
        // states renumbered in breadth-first order: the shallow states a text visits most lie
        // together at the start of the table, so the scan touches fewer cache lines
        var newID = [Int32](repeating: 0, count: states)
        var oldID = [Int](repeating: 0, count: states)
        for (j, s) in queue.enumerated() {
            newID[s] = Int32(j + 1)
            oldID[j + 1] = s
        }
        var outputStart = [Int32](repeating: 0, count: states + 1)
        var outputs: [Int32] = []
        for n in 0..<states {
            outputStart[n] = Int32(outputs.count)
            outputs.append(contentsOf: all[oldID[n]])
        }
        outputStart[states] = Int32(outputs.count)
        // row offsets instead of state numbers; mark transitions into states with outputs, so the
        // scan loop reads one table per byte
        precondition(states * c < Int(Self.outputFlag), "PatternMatcher: too many patterns for one table")
        var rows = [UInt32](repeating: 0, count: states * c)
        for n in 0..<states {
            let s = oldID[n]
            for k in 0..<c {
                let t = Int(delta[s * c + k])
                rows[n * c + k] = UInt32(Int(newID[t]) * c) | (all[t].isEmpty ? 0 : Self.outputFlag)
            }
        }
        // ASCII capitals share their lower-case letter's class: raw text can be scanned unfolded
        for upper in 0x41...0x5A where classOf[upper] == 0 {
            classOf[upper] = classOf[upper | 0x20]
        }
        self.classOf = classOf
        self.classCount = c
        self.delta = rows
        self.outputStart = outputStart
        self.outputs = outputs
        self.lengths = patterns.map(\.count)
        self.checkStart = patterns.map { $0.first.map { ByteClass.isAlnum($0) || $0 >= 0x80 } ?? false }
        self.checkEnd = patterns.map { $0.last.map { ByteClass.isAlnum($0) || $0 >= 0x80 } ?? false }
    }

    static let outputFlag: UInt32 = 1 << 31

    /// All whole-word hits in `text`, in order of their end. ASCII capitals match like lower case.
    public func hits(in text: UnsafeBufferPointer<UInt8>) -> [Hit] {
        var hits: [Hit] = []
        guard let bytes = text.baseAddress else { return hits }
        let n = text.count
        let c = self.classCount
        self.classOf.withUnsafeBufferPointer { classOf in
            self.delta.withUnsafeBufferPointer { delta in
                // the loop keeps only the row, the position and three pointers live: hits are rare
                // and handled out of line, so nothing here spills to the stack
                let classes = classOf.baseAddress!
                let table = delta.baseAddress!
                var row = 0
                var i = 0
                while i < n {
                    let v = table[row &+ Int(classes[Int(bytes[i])])]
                    row = Int(v & ~Self.outputFlag)
                    if v & Self.outputFlag != 0 {
                        self.appendHits(state: row / c, end: i &+ 1, in: text, to: &hits)
                    }
                    i &+= 1
                }
            }
        }
        return hits
    }

    /// Appends the whole-word outputs of `state`, reached at `end`.
    @inline(never)
    private func appendHits(state: Int, end: Int, in text: UnsafeBufferPointer<UInt8>, to hits: inout [Hit]) {
        let n = text.count
        for o in Int(self.outputStart[state])..<Int(self.outputStart[state + 1]) {
            let p = Int(self.outputs[o])
            let start = end - self.lengths[p]
            if self.checkStart[p] && start > 0 && Self.isWordByte(text[start - 1]) { continue }
            if self.checkEnd[p] && end < n && Self.isWordByte(text[end]) { continue }
            hits.append(Hit(pattern: p, start: start, end: end))
        }
    }

    @inline(__always) static func isWordByte(_ b: UInt8) -> Bool {
        ByteClass.isAlnum(b) || b >= 0x80
    }
}
