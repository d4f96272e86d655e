/// A minimal JSON reader over bytes for ``ScanLineCodec``: strings (with escapes) and value skipping.
struct JSONCursor {
    let bytes: UnsafeBufferPointer<UInt8>
    var i = 0

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    var peek: UInt8 { self.i < self.bytes.count ? self.bytes[self.i] : 0 }

    func error(_ what: String) -> TextError {
        TextError(code: "malformed-json", message: "\(what) at column \(self.i + 1); each line must be one JSON object like {\"id\": 1, \"text\": \"...\"}")
    }

    mutating func skipSpace() {
        while self.i < self.bytes.count {
            let b = self.bytes[self.i]
            guard b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0A else { return }
            self.i += 1
        }
    }

    /// Reads a string literal at the cursor (which is on the opening quote).
    mutating func string() throws(TextError) -> String {
        self.i += 1
        let start = self.i
        // fast path: no escapes
        while self.i < self.bytes.count {
            let b = self.bytes[self.i]
            if b == 0x22 {
                let s = String(decoding: UnsafeBufferPointer(rebasing: self.bytes[start..<self.i]), as: UTF8.self)
                self.i += 1
                return s
            }
            if b == 0x5C { break }
            if b < 0x20 { throw self.error("control character inside a string (escape it, e.g. \\n)") }
            self.i += 1
        }
        var out = Array(UnsafeBufferPointer(rebasing: self.bytes[start..<self.i]))
        while self.i < self.bytes.count {
            let b = self.bytes[self.i]
            if b == 0x22 {
                self.i += 1
                return String(decoding: out, as: UTF8.self)
            }
            if b == 0x5C {
                self.i += 1
                guard self.i < self.bytes.count else { break }
                let e = self.bytes[self.i]
                self.i += 1
                switch e {
                case 0x22, 0x5C, 0x2F: out.append(e)
                case 0x62: out.append(0x08)
                case 0x66: out.append(0x0C)
                case 0x6E: out.append(0x0A)
                case 0x72: out.append(0x0D)
                case 0x74: out.append(0x09)
                case 0x75:
                    var scalar = try self.hex4()
                    if scalar >= 0xD800 && scalar < 0xDC00 {
                        guard self.peek == 0x5C, self.i + 1 < self.bytes.count, self.bytes[self.i + 1] == 0x75 else {
                            throw self.error("unpaired surrogate in \\u escape")
                        }
                        self.i += 2
                        let low = try self.hex4()
                        guard low >= 0xDC00 && low < 0xE000 else { throw self.error("invalid low surrogate in \\u escape") }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let u = Unicode.Scalar(scalar) else { throw self.error("invalid \\u escape") }
                    out.append(contentsOf: String(Character(u)).utf8)
                default:
                    throw self.error("invalid escape \\\(Character(Unicode.Scalar(e)))")
                }
                continue
            }
            if b < 0x20 { throw self.error("control character inside a string (escape it, e.g. \\n)") }
            out.append(b)
            self.i += 1
        }
        throw self.error("unterminated string")
    }

    mutating func hex4() throws(TextError) -> UInt32 {
        guard self.i + 4 <= self.bytes.count else { throw self.error("short \\u escape") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = self.bytes[self.i]
            let d: UInt32
            switch c {
            case 0x30...0x39: d = UInt32(c - 0x30)
            case 0x61...0x66: d = UInt32(c - 0x61 + 10)
            case 0x41...0x46: d = UInt32(c - 0x41 + 10)
            default: throw self.error("bad hex digit in \\u escape")
            }
            v = v << 4 | d
            self.i += 1
        }
        return v
    }

    /// Skips one JSON value of any kind.
    mutating func skipValue(depth: Int = 0) throws(TextError) {
        guard depth < 64 else { throw self.error("nesting deeper than 64 levels") }
        self.skipSpace()
        switch self.peek {
        case 0x22:
            _ = try self.string()
        case 0x7B, 0x5B:
            let close: UInt8 = self.peek == 0x7B ? 0x7D : 0x5D
            let object = close == 0x7D
            self.i += 1
            self.skipSpace()
            if self.peek == close {
                self.i += 1
                return
            }
            while true {
                self.skipSpace()
                if object {
                    guard self.peek == 0x22 else { throw self.error("expected a field name in double quotes") }
                    _ = try self.string()
                    self.skipSpace()
                    guard self.peek == 0x3A else { throw self.error("expected `:`") }
                    self.i += 1
                }
                try self.skipValue(depth: depth + 1)
                self.skipSpace()
                if self.peek == 0x2C {
                    self.i += 1
                    continue
                }
                guard self.peek == close else { throw self.error("expected `,` or a closing bracket") }
                self.i += 1
                return
            }
        case 0x74, 0x66, 0x6E:
            for literal in ["true", "false", "null"] {
                let l = Array(literal.utf8)
                if self.i + l.count <= self.bytes.count && Array(self.bytes[self.i..<(self.i + l.count)]) == l {
                    self.i += l.count
                    return
                }
            }
            throw self.error("unknown literal (use true, false or null)")
        case 0x2D, 0x30...0x39:
            let start = self.i
            while self.i < self.bytes.count {
                let b = self.bytes[self.i]
                guard (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x2B || b == 0x2E || b == 0x65 || b == 0x45 else { break }
                self.i += 1
            }
            if self.i == start { throw self.error("bad number") }
        default:
            throw self.error("expected a JSON value")
        }
    }
}
