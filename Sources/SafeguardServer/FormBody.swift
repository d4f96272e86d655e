/// An `application/x-www-form-urlencoded` body: every value of every name, in order.
///
/// Decoded byte by byte over the UTF-8 of the body (no Foundation string bridging: a profile of
/// the load test showed `replacingOccurrences` and `removingPercentEncoding` taking a tenth of
/// the server's time).
struct FormBody: Sendable {
    private(set) var values: [String: [String]] = [:]

    /// Parses `text` (`+` is a space, `%XX` a byte; malformed escapes are kept as typed; bytes that
    /// are not UTF-8 become U+FFFD).
    init(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            var index = 0
            while index <= bytes.count {
                if index == bytes.count || bytes[index] == UInt8(ascii: "&") {
                    if index > start { self.addPair(UnsafeBufferPointer(rebasing: bytes[start..<index])) }
                    start = index + 1
                }
                index += 1
            }
        }
    }

    private mutating func addPair(_ pair: UnsafeBufferPointer<UInt8>) {
        let equals = pair.firstIndex(of: UInt8(ascii: "="))
        let name = Self.decode(UnsafeBufferPointer(rebasing: pair[..<(equals ?? pair.count)]))
        let value = equals.map { Self.decode(UnsafeBufferPointer(rebasing: pair[($0 + 1)...])) } ?? ""
        self.values[name, default: []].append(value)
    }

    /// The first value of `name`, trimmed; nil when absent or blank.
    func first(_ name: String) -> String? {
        guard let value = self.values[name]?.first.map(Self.trimmed), !value.isEmpty else { return nil }
        return value
    }

    /// Every value of `name` (checkboxes).
    func all(_ name: String) -> [String] {
        self.values[name] ?? []
    }

    /// `value` without leading and trailing white space (spaces, tabs, newlines, Unicode spaces).
    static func trimmed(_ value: String) -> String {
        if let first = value.utf8.first, let last = value.utf8.last, first > 0x20, first < 0x80, last > 0x20,
            last < 0x80
        {
            return value
        }
        guard let start = value.firstIndex(where: { !$0.isWhitespace }) else { return "" }
        let end = value.lastIndex(where: { !$0.isWhitespace })!
        return String(value[start...end])
    }

    /// One name or value: `+` is a space, `%XX` the byte XX; a `%` not followed by two hex digits
    /// is kept as typed.
    static func decode(_ part: UnsafeBufferPointer<UInt8>) -> String {
        if !part.contains(where: { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "%") }) {
            return String(decoding: part, as: UTF8.self)
        }
        var out: [UInt8] = []
        out.reserveCapacity(part.count)
        var index = 0
        while index < part.count {
            let byte = part[index]
            if byte == UInt8(ascii: "+") {
                out.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%"), index + 2 < part.count,
                let high = Self.hex(part[index + 1]), let low = Self.hex(part[index + 2])
            {
                out.append(high << 4 | low)
                index += 3
                continue
            } else {
                out.append(byte)
            }
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
