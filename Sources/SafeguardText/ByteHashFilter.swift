/// A one-hash bit filter over the word hashes of a ``ByteWordSet``: `false` means the word is
/// surely not in the set; `true` means it may be (about 8% false hits for 22,000 words).
///
/// 32 KiB of bits stay in the first-level cache where the set's table does not, so the hot loop asks the filter
/// first and touches the set (and the costlier checks around it) only for the few words it passes.
public struct ByteHashFilter: Sendable {
    private var bits: [UInt64]
    private static let bitCount = 1 << 18

    /// Creates a filter holding the hashes of `words` (folded like text, see ``ByteWordSet/hash(_:_:_:)``).
    public init<S: Sequence>(_ words: S) where S.Element == String {
        self.bits = [UInt64](repeating: 0, count: Self.bitCount / 64)
        for word in words {
            let bytes = Array(word.utf8)
            if bytes.isEmpty { continue }
            let bit = Self.bit(bytes.withUnsafeBufferPointer { ByteWordSet.hash($0, 0, $0.count) })
            self.bits[bit >> 6] |= 1 << UInt64(bit & 63)
        }
    }

    /// Creates a filter holding the given word hashes (``ByteWordSet/hash(_:_:_:)``).
    public init(hashes: [UInt64]) {
        self.bits = [UInt64](repeating: 0, count: Self.bitCount / 64)
        for h in hashes {
            let bit = Self.bit(h)
            self.bits[bit >> 6] |= 1 << UInt64(bit & 63)
        }
    }

    /// The bit of a hash: its top bits (the set's table is indexed by the low ones).
    @inline(__always) static func bit(_ hash: UInt64) -> Int {
        Int(truncatingIfNeeded: hash >> 44) & (Self.bitCount - 1)
    }

    /// Whether the word with this hash may be in the set (never `false` for a word that is).
    @inline(__always) public func mayContain(hash: UInt64) -> Bool {
        let bit = Self.bit(hash)
        return self.bits.withUnsafeBufferPointer { ($0[bit >> 6] >> UInt64(bit & 63)) & 1 != 0 }
    }
}
