/// UTF-8 decoding with a Windows-1252 fallback for files exported by older spreadsheet software.
public enum TextDecoding {
    /// Decodes bytes as UTF-8, or as Windows-1252 when they are not valid UTF-8.
    public static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> (text: String, fallback: Bool) {
        var ascii = true
        for byte in bytes where byte >= 0x80 {
            ascii = false
            break
        }
        if ascii || Self.isValidUTF8(bytes) {
            return (String(decoding: bytes, as: UTF8.self), false)
        }
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            if byte >= 0x80, byte <= 0x9F, let mapped = Unicode.Scalar(Self.cp1252[Int(byte - 0x80)]) {
                scalars.append(mapped)
            } else {
                scalars.append(Unicode.Scalar(byte))
            }
        }
        return (String(scalars), true)
    }

    /// Whether the bytes are well-formed UTF-8.
    public static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }

    /// Windows-1252 code points for bytes 0x80-0x9F (undefined ones map to the C1 control).
    static let cp1252: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,
        0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
        0x0153, 0x9D, 0x017E, 0x0178,
    ]
}
