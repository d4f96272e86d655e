/// Byte classes for the byte-level scanners (ASCII letters, digits, UTF-8 non-ASCII bytes).
enum ByteClass {
    static let lower: UInt8 = 1
    static let upper: UInt8 = 2
    static let digit: UInt8 = 4
    static let high: UInt8 = 8
    /// A byte that belongs to a word: letter, digit or part of a non-ASCII character.
    static let word: UInt8 = 1 | 2 | 4 | 8
    static let letter: UInt8 = 1 | 2 | 8

    /// The class bits of every byte value.
    static let table: [UInt8] = (0..<256).map { (b: Int) -> UInt8 in
        switch b {
        case 0x61...0x7A: return ByteClass.lower
        case 0x41...0x5A: return ByteClass.upper
        case 0x30...0x39: return ByteClass.digit
        case 0x80...0xFF: return ByteClass.high
        default: return 0
        }
    }

    /// ASCII lower-casing of every byte value (other bytes unchanged).
    static let lowercase: [UInt8] = (0..<256).map { (b: Int) -> UInt8 in
        (0x41...0x5A).contains(b) ? UInt8(b | 0x20) : UInt8(b)
    }

    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }
    @inline(__always) static func isUpper(_ b: UInt8) -> Bool { b &- 0x41 < 26 }
    @inline(__always) static func isLower(_ b: UInt8) -> Bool { b &- 0x61 < 26 }
    @inline(__always) static func isAlpha(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 }
    @inline(__always) static func isAlnum(_ b: UInt8) -> Bool { Self.isDigit(b) || Self.isAlpha(b) }
}
