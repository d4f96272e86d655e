/// One open-addressing table from a word's hash (``ByteWordSet/hash(_:_:_:)``) to the lists it
/// belongs to, so a capitalised word costs one probe instead of one per list (first names,
/// surnames, ordinary words, common words, places, titles).
///
/// Each slot holds the hash and its flags side by side, so a probe touches one cache line.
public struct WordFlagTable: Sendable {
    /// The lists a word can be in.
    public struct Flags: OptionSet, Sendable, Hashable {
        public let rawValue: UInt64
        public init(rawValue: UInt64) { self.rawValue = rawValue }
        public static let firstName = Flags(rawValue: 1 << 0)
        public static let surname = Flags(rawValue: 1 << 1)
        public static let ordinary = Flags(rawValue: 1 << 2)
        public static let common = Flags(rawValue: 1 << 3)
        public static let place = Flags(rawValue: 1 << 4)
        public static let title = Flags(rawValue: 1 << 5)
    }

    private struct Slot {
        var hash: UInt64
        var flags: UInt64
    }

    private var slots: [Slot]
    private var mask: Int
    private var count: Int

    /// Creates an empty table.
    public init() {
        self.slots = [Slot](repeating: Slot(hash: 0, flags: 0), count: 16)
        self.mask = 15
        self.count = 0
    }

    /// Creates an empty table with room for `count` words without growing.
    public init(capacityFor count: Int) {
        var capacity = 16
        while capacity < count * 2 { capacity *= 2 }
        self.slots = [Slot](repeating: Slot(hash: 0, flags: 0), count: capacity)
        self.mask = capacity - 1
        self.count = 0
    }

    /// Adds `flags` to every word of `words` (folded like text).
    public mutating func add<S: Sequence>(_ words: S, _ flags: Flags) where S.Element == String {
        for word in words {
            let bytes = Array(word.utf8)
            if bytes.isEmpty { continue }
            self.add(hash: bytes.withUnsafeBufferPointer { ByteWordSet.hash($0, 0, $0.count) }, flags)
        }
    }

    /// Adds `flags` to the word with this hash.
    public mutating func add(hash: UInt64, _ flags: Flags) {
        let h = hash == 0 ? 1 : hash
        if (self.count + 1) * 2 > self.slots.count { self.grow() }
        var i = Int(truncatingIfNeeded: h) & self.mask
        while self.slots[i].hash != 0 {
            if self.slots[i].hash == h {
                self.slots[i].flags |= flags.rawValue
                return
            }
            i = (i + 1) & self.mask
        }
        self.slots[i] = Slot(hash: h, flags: flags.rawValue)
        self.count += 1
    }

    private mutating func grow() {
        let old = self.slots
        self.slots = [Slot](repeating: Slot(hash: 0, flags: 0), count: old.count * 2)
        self.mask = self.slots.count - 1
        self.count = 0
        for s in old where s.hash != 0 { self.add(hash: s.hash, Flags(rawValue: s.flags)) }
    }

    /// The lists the word with this hash is in (empty when in none).
    @inline(__always)
    public func flags(hash: UInt64) -> Flags {
        let h = hash == 0 ? 1 : hash
        return self.slots.withUnsafeBufferPointer { slots in
            var i = Int(truncatingIfNeeded: h) & self.mask
            while true {
                let s = slots[i]
                if s.hash == h { return Flags(rawValue: s.flags) }
                if s.hash == 0 { return [] }
                i = (i + 1) & self.mask
            }
        }
    }
}
