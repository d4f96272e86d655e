/// A set of lower-case words keyed by a 64-bit FNV-1a hash of their case-folded UTF-8 bytes,
/// so membership is tested straight on text bytes with no `String` built on the hot path.
///
/// Case folding covers ASCII and the Latin-1 capitals (`À`-`Þ`); other bytes are taken as given.
/// A 64-bit hash over a few hundred thousand words makes a false match vanishingly unlikely.
public struct ByteWordSet: Sendable {
    private var slots: [UInt64]
    private var mask: Int
    /// Number of words in the set.
    public private(set) var count: Int

    /// Creates a set from words (folded the same way as text).
    public init<S: Sequence>(_ words: S) where S.Element == String {
        self.slots = [UInt64](repeating: 0, count: 16)
        self.mask = 15
        self.count = 0
        for word in words {
            let bytes = Array(word.utf8)
            if bytes.isEmpty { continue }
            self.insert(hash: bytes.withUnsafeBufferPointer { Self.hash($0, 0, $0.count) })
        }
    }

    /// Creates a set from word hashes (``hash(_:_:_:)``), its table sized for them up front.
    public init(hashes: [UInt64]) {
        var capacity = 16
        while capacity < hashes.count * 2 { capacity *= 2 }
        self.slots = [UInt64](repeating: 0, count: capacity)
        self.mask = capacity - 1
        self.count = 0
        for h in hashes { self.insert(hash: h) }
    }

    /// Adds a word given by its hash.
    public mutating func insert(hash: UInt64) {
        let h = hash == 0 ? 1 : hash
        if (self.count + 1) * 2 > self.slots.count { self.grow() }
        var i = Int(truncatingIfNeeded: h) & self.mask
        while self.slots[i] != 0 {
            if self.slots[i] == h { return }
            i = (i + 1) & self.mask
        }
        self.slots[i] = h
        self.count += 1
    }

    private mutating func grow() {
        let old = self.slots
        self.slots = [UInt64](repeating: 0, count: old.count * 2)
        self.mask = self.slots.count - 1
        self.count = 0
        for h in old where h != 0 { self.insert(hash: h) }
    }

    /// Whether the word with this hash is in the set.
    @inline(__always)
    public func contains(hash: UInt64) -> Bool {
        let h = hash == 0 ? 1 : hash
        return self.slots.withUnsafeBufferPointer { slots in
            var i = Int(truncatingIfNeeded: h) & self.mask
            while true {
                let s = slots[i]
                if s == h { return true }
                if s == 0 { return false }
                i = (i + 1) & self.mask
            }
        }
    }

    /// Whether the word `text[start..<end]` (case-folded) is in the set.
    @inline(__always)
    public func contains(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        self.contains(hash: Self.hash(text, start, end))
    }

    /// Whether a plain string (folded) is in the set.
    public func contains(_ word: String) -> Bool {
        let bytes = Array(word.utf8)
        return bytes.withUnsafeBufferPointer { self.contains(hash: Self.hash($0, 0, $0.count)) }
    }

    /// FNV-1a over the case-folded bytes of `text[start..<end]`.
    @inline(__always)
    public static func hash(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        var i = start
        var previous: UInt8 = 0
        while i < end {
            var b = text[i]
            if b >= 0x41 && b <= 0x5A {
                b |= 0x20
            } else if previous == 0xC3 && b >= 0x80 && b <= 0x9E && b != 0x97 {
                b |= 0x20
            }
            previous = text[i]
            h = (h ^ UInt64(b)) &* 0x100_0000_01b3
            i += 1
        }
        return h
    }
}
