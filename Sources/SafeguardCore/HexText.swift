/// Hexadecimal text for key files: the one decoder the pseudonymisation and intake key files share.
public enum HexText {
    /// The bytes of `text` (surrounding whitespace ignored) when it is an even number of hex
    /// digits and at least `minimumDigits` long; nil otherwise.
    public static func decode(_ text: String, minimumDigits: Int = 0) -> [UInt8]? {
        let digits = Array(text.utf8.drop { Self.isSpace($0) }.reversed().drop { Self.isSpace($0) }.reversed())
        guard digits.count >= minimumDigits, digits.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        var index = 0
        while index < digits.count {
            guard let high = Self.value(digits[index]), let low = Self.value(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private static func value(_ digit: UInt8) -> UInt8? {
        switch digit {
        case 0x30...0x39: digit - 0x30
        case 0x41...0x46: digit - 0x41 + 10
        case 0x61...0x66: digit - 0x61 + 10
        default: nil
        }
    }
}
