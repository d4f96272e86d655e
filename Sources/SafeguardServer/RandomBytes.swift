/// Bytes from the system's secure random source, eight at a time: one `getrandom` call per
/// eight bytes instead of one per byte (`UInt8.random(in:using:)` draws a whole `UInt64` each
/// time; the load test's profile showed the kernel's random state set-up per call).
enum RandomBytes {
    /// `count` random bytes.
    static func make(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        var out: [UInt8] = []
        out.reserveCapacity(count + 7)
        while out.count < count {
            var word = generator.next()
            for _ in 0..<8 {
                out.append(UInt8(truncatingIfNeeded: word))
                word >>= 8
            }
        }
        out.removeLast(out.count - count)
        return out
    }
}
