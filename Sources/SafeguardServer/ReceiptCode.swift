/// A receipt code: 19 random Crockford base-32 characters (95 bits) and a check character
/// (Luhn mod 32), read out in five groups of four: `7KQ2-9XMD-3HTR-8WPA-C4NE`.
///
/// The check character tells a mistyped code (one wrong or two swapped neighbouring
/// characters) from a well-formed code that matches no report. Input is forgiving: case,
/// spaces and dashes are ignored, and O, I and L read as 0, 1 and 1.
public struct ReceiptCode: Sendable, Hashable, CustomStringConvertible {
    /// The 20 characters, upper case, no separators.
    public let normalised: String

    /// Random characters in a code (5 bits each: 95 bits).
    static let randomLength = 19

    /// A new random code.
    public static func random() -> ReceiptCode {
        // Each byte's low five bits: uniform over 0..<32, since 256 is a multiple of 32.
        var values = RandomBytes.make(Self.randomLength).map { Int($0 & 31) }
        values.append(Self.checkValue(values))
        return ReceiptCode(normalised: String(values.map { Base32.alphabet[$0] }))
    }

    private init(normalised: String) {
        self.normalised = normalised
    }

    /// What reading typed text gives.
    public enum Parsed: Sendable, Hashable {
        /// A well-formed code (its check character agrees).
        case valid(ReceiptCode)
        /// Right length and characters, but the check character disagrees: a typing mistake.
        case mistyped
        /// Not a receipt code at all (wrong length or characters).
        case malformed
    }

    /// Reads a code as a person typed it.
    public static func parse(_ text: String) -> Parsed {
        var values: [Int] = []
        for character in text.uppercased() {
            if character == " " || character == "-" || character == "\t" { continue }
            guard let value = Base32.value(of: character) else { return .malformed }
            values.append(value)
        }
        guard values.count == Self.randomLength + 1 else { return .malformed }
        guard Self.checkValue(Array(values.prefix(Self.randomLength))) == values.last else { return .mistyped }
        return .valid(ReceiptCode(normalised: String(values.map { Base32.alphabet[$0] })))
    }

    /// Luhn mod N (N = 32) over the values: catches every single substitution and every swap of
    /// two neighbouring characters (other than the one pair Luhn cannot tell apart).
    static func checkValue(_ values: [Int]) -> Int {
        var factor = 2
        var sum = 0
        for value in values.reversed() {
            var addend = factor * value
            factor = factor == 2 ? 1 : 2
            addend = addend / 32 + addend % 32
            sum += addend
        }
        return (32 - sum % 32) % 32
    }

    /// Grouped for reading aloud: four characters, a dash, four more…
    public var grouped: String {
        var out = ""
        for (offset, character) in self.normalised.enumerated() {
            if offset > 0, offset % 4 == 0 { out.append("-") }
            out.append(character)
        }
        return out
    }

    public var description: String { self.grouped }
}

/// Crockford's base 32: digits and letters without I, L, O and U.
enum Base32 {
    static let alphabet: [Character] = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")

    static func value(of character: Character) -> Int? {
        switch character {
        case "O": return 0
        case "I", "L": return 1
        default: return Self.alphabet.firstIndex(of: character)
        }
    }

    /// The alphabet as ASCII bytes.
    static let alphabetBytes: [UInt8] = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ".utf8)

    /// Whether `text` is made only of the alphabet's characters (upper case, no O, I, L or U).
    static func isCanonical(_ text: String) -> Bool {
        text.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "A")...UInt8(ascii: "H"), UInt8(ascii: "J"),
                UInt8(ascii: "K"), UInt8(ascii: "M"), UInt8(ascii: "N"), UInt8(ascii: "P")...UInt8(ascii: "T"),
                UInt8(ascii: "V")...UInt8(ascii: "Z"):
                true
            default: false
            }
        }
    }

    /// Bytes as base-32 text (5 bits a character), for cookies and tokens.
    static func encode(_ bytes: some Sequence<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.underestimatedCount * 8 / 5 + 1)
        var buffer = 0
        var bits = 0
        for byte in bytes {
            buffer = (buffer << 8) | Int(byte)
            bits += 8
            while bits >= 5 {
                out.append(Self.alphabetBytes[(buffer >> (bits - 5)) & 31])
                bits -= 5
            }
            buffer &= (1 << bits) - 1
        }
        if bits > 0 { out.append(Self.alphabetBytes[(buffer << (5 - bits)) & 31]) }
        return String(decoding: out, as: UTF8.self)
    }
}
