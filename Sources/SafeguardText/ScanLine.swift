/// One input line of `safeguard scan`: `{"id": …, "text": "…"}` (other fields ignored).
public struct ScanLine: Sendable, Hashable {
    /// The `id` value exactly as written (raw JSON: a string with its quotes, a number, …), or `null`.
    public var rawID: [UInt8]
    /// The decoded `text`.
    public var text: String
}

/// A fast byte-level reader for scan input lines and writer for scan output lines (JSON Lines).
///
/// It reads just `id` (kept verbatim, so output echoes it "as given") and `text`, skipping other
/// fields with a full JSON value skipper; errors say what is wrong and how to fix it.
public enum ScanLineCodec {
    /// Parses one line. Throws a ``TextError`` naming the field and the byte column.
    public static func parse(_ line: UnsafeBufferPointer<UInt8>) throws(TextError) -> ScanLine {
        var p = JSONCursor(bytes: line)
        p.skipSpace()
        guard p.peek == 0x7B else { throw p.error("expected a JSON object `{\"id\": …, \"text\": \"…\"}`") }
        p.i += 1
        var rawID: [UInt8]?
        var text: String?
        p.skipSpace()
        if p.peek == 0x7D {
            p.i += 1
        } else {
            while true {
                p.skipSpace()
                guard p.peek == 0x22 else { throw p.error("expected a field name in double quotes") }
                let key = try p.string()
                p.skipSpace()
                guard p.peek == 0x3A else { throw p.error("expected `:` after field name \"\(key)\"") }
                p.i += 1
                p.skipSpace()
                if key == "text" {
                    guard p.peek == 0x22 else { throw p.error("field \"text\" must be a string") }
                    text = try p.string()
                } else if key == "id" {
                    let start = p.i
                    try p.skipValue()
                    rawID = Array(UnsafeBufferPointer(rebasing: line[start..<p.i]))
                } else {
                    try p.skipValue()
                }
                p.skipSpace()
                if p.peek == 0x2C {
                    p.i += 1
                    continue
                }
                guard p.peek == 0x7D else { throw p.error("expected `,` or `}` after a field") }
                p.i += 1
                break
            }
        }
        p.skipSpace()
        guard p.i == line.count else { throw p.error("unexpected characters after the JSON object") }
        guard let text else {
            throw TextError(code: "missing-field", message: "the object has no \"text\" field; add \"text\": \"…\"")
        }
        return ScanLine(rawID: rawID ?? Array("null".utf8), text: text)
    }

    /// The output line for an analysed text (no trailing newline).
    public static func encode(rawID: [UInt8], _ a: TextAnalysis, into out: inout [UInt8]) {
        out.append(contentsOf: "{\"id\":".utf8)
        out.append(contentsOf: rawID)
        out.append(contentsOf: ",\"text\":".utf8)
        Self.appendString(a.text, to: &out)
        out.append(contentsOf: ",\"signs\":[".utf8)
        for (k, sign) in a.signs.enumerated() {
            if k > 0 { out.append(0x2C) }
            Self.appendString(sign, to: &out)
        }
        out.append(contentsOf: "],\"evidence\":[".utf8)
        for (k, e) in a.evidence.enumerated() {
            if k > 0 { out.append(0x2C) }
            out.append(contentsOf: "{\"sign\":".utf8)
            Self.appendString(e.sign, to: &out)
            out.append(contentsOf: ",\"snippet\":".utf8)
            Self.appendString(e.snippet, to: &out)
            out.append(contentsOf: ",\"start\":\(e.start),\"end\":\(e.end)".utf8)
            // how the evidence explains itself: a concept rule's name and words, or the classifier's weighed words
            if let concept = e.concept {
                out.append(contentsOf: ",\"concept\":".utf8)
                Self.appendString(concept, to: &out)
            }
            for (field, words) in [("matched", e.matched), ("weighed", e.weighed)] {
                guard let words else { continue }
                out.append(contentsOf: ",\"\(field)\":[".utf8)
                for (j, word) in words.enumerated() {
                    if j > 0 { out.append(0x2C) }
                    Self.appendString(word, to: &out)
                }
                out.append(0x5D)
            }
            out.append(0x7D)
        }
        out.append(0x5D)
        if a.omittedEvidence > 0 {
            // the evidence cap: how many more asserted phrases the text had
            out.append(contentsOf: ",\"omitted_evidence\":\(a.omittedEvidence)".utf8)
        }
        out.append(contentsOf: ",\"pii\":[".utf8)
        for (k, t) in a.pii.enumerated() {
            if k > 0 { out.append(0x2C) }
            out.append(contentsOf: "{\"type\":".utf8)
            Self.appendString(t.type, to: &out)
            out.append(contentsOf: ",\"token\":".utf8)
            Self.appendString(t.token, to: &out)
            out.append(0x7D)
        }
        out.append(contentsOf: "]}".utf8)
    }

    /// An error record for a line that could not be read.
    public static func encodeError(line: Int, rawID: [UInt8]?, message: String, into out: inout [UInt8]) {
        out.append(contentsOf: "{\"id\":".utf8)
        out.append(contentsOf: rawID ?? Array("null".utf8))
        out.append(contentsOf: ",\"line\":\(line),\"error\":".utf8)
        Self.appendString(message, to: &out)
        out.append(0x7D)
    }

    /// Appends `s` as a JSON string literal.
    public static func appendString(_ s: String, to out: inout [UInt8]) {
        out.append(0x22)
        var copy = s
        let clean = copy.withUTF8 { bytes -> Bool in
            for b in bytes where b < 0x20 || b == 0x22 || b == 0x5C { return false }
            out.append(contentsOf: bytes)
            return true
        }
        if clean {
            out.append(0x22)
            return
        }
        let hex: [UInt8] = [0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66]
        for b in s.utf8 {
            switch b {
            case 0x22: out.append(contentsOf: [0x5C, 0x22])
            case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: out.append(contentsOf: [0x5C, 0x6E])
            case 0x0D: out.append(contentsOf: [0x5C, 0x72])
            case 0x09: out.append(contentsOf: [0x5C, 0x74])
            case 0..<0x20: out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 15)]])
            default: out.append(b)
            }
        }
        out.append(0x22)
    }
}
