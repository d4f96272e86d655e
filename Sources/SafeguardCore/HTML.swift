/// Escaping for text placed in HTML: every value that did not come from a page's own template
/// goes through `HTML.escape` (text and attribute values alike). One escaper for the reports and
/// the server's pages.
public enum HTML {
    /// Escapes `& < > " '` so the text can sit in an element or a quoted attribute.
    public static func escape(_ text: String) -> String {
        // Most text (labels, names, codes) has nothing to escape: hand it back without copying.
        guard text.utf8.contains(where: Self.needsEscape) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): out += "&amp;".utf8
            case UInt8(ascii: "<"): out += "&lt;".utf8
            case UInt8(ascii: ">"): out += "&gt;".utf8
            case UInt8(ascii: "\""): out += "&quot;".utf8
            case UInt8(ascii: "'"): out += "&#39;".utf8
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether a UTF-8 byte is one of `& < > " '` (none of them occurs inside a multi-byte sequence).
    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }
}
