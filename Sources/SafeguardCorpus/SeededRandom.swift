/// A small deterministic random number generator (SplitMix64) so a corpus is the same for
/// the same seed on every platform and Swift version.
///
/// Foundation's `SystemRandomNumberGenerator` is not seedable, and `Dictionary`/`Set`
/// iteration order changes between runs, so the generator draws only from this type and
/// iterates arrays only.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// Creates a generator from a seed; equal seeds give equal sequences.
    public init(seed: UInt64) {
        self.state = seed &+ 0x9E37_79B9_7F4A_7C15
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        self.state &+= 0x9E37_79B9_7F4A_7C15
        var z = self.state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in `range`.
    public mutating func int(_ range: ClosedRange<Int>) -> Int {
        let width = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(self.next() % width)
    }

    /// A uniform integer from `low` through `high`.
    public mutating func int(_ low: Int, _ high: Int) -> Int {
        self.int(low...high)
    }

    /// A uniform integer in `0..<count`.
    public mutating func index(_ count: Int) -> Int {
        precondition(count > 0, "index(_:) needs a positive count")
        return Int(self.next() % UInt64(count))
    }

    /// A uniform double in `0..<1`.
    public mutating func unit() -> Double {
        Double(self.next() >> 11) / Double(UInt64(1) << 53)
    }

    /// True with probability `probability`.
    public mutating func chance(_ probability: Double) -> Bool {
        self.unit() < probability
    }

    /// A uniformly chosen element of a non-empty array.
    public mutating func pick<T>(_ items: [T]) -> T {
        items[self.index(items.count)]
    }

    /// `count` distinct indices of `0..<total`, in drawing order.
    public mutating func distinctIndices(_ count: Int, of total: Int) -> [Int] {
        var pool = Array(0..<total)
        var result: [Int] = []
        for step in 0..<min(count, total) {
            let chosen = step + self.index(total - step)
            pool.swapAt(step, chosen)
            result.append(pool[step])
        }
        return result
    }
}
