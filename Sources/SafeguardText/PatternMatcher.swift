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
        // trie
        var children: [[Int: Int32]] = [[:]]
        var own: [[Int32]] = [[]]
        for (index, p) in patterns.enumerated() where !p.isEmpty {
            var s = 0
            for b in p {
                let k = Int(classOf[Int(b)])
                if let t = children[s][k] {
                    s = Int(t)
                } else {
                    children.append([:])
                    own.append([])
                    children[s][k] = Int32(children.count - 1)
                    s = children.count - 1
                }
            }
            own[s].append(Int32(index))
        }
        let states = children.count
        var delta = [Int32](repeating: 0, count: states * c)
        var fail = [Int32](repeating: 0, count: states)
        var all = own
        var queue: [Int] = []
        for k in 0..<c {
            if let t = children[0][k] {
                delta[k] = t
                queue.append(Int(t))
            }
        }
        var head = 0
        while head < queue.count {
            let s = queue[head]
            head += 1
            all[s].append(contentsOf: all[Int(fail[s])])
            for k in 0..<c {
                if let t = children[s][k] {
                    fail[Int(t)] = delta[Int(fail[s]) * c + k]
                    delta[s * c + k] = t
                    queue.append(Int(t))
                } else {
                    delta[s * c + k] = delta[Int(fail[s]) * c + k]
                }
            }
        }
        var outputStart = [Int32](repeating: 0, count: states + 1)
        var outputs: [Int32] = []
        for s in 0..<states {
            outputStart[s] = Int32(outputs.count)
            outputs.append(contentsOf: all[s])
        }
        outputStart[states] = Int32(outputs.count)
        // row offsets instead of state numbers; mark transitions into states with outputs, so the
        // scan loop reads one table per byte
        precondition(states * c < Int(Self.outputFlag), "PatternMatcher: too many patterns for one table")
        let rows = delta.map { t -> UInt32 in
            UInt32(Int(t) * c) | (all[Int(t)].isEmpty ? 0 : Self.outputFlag)
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
