extension MatchKeys {
    /// `name(_:)` for ASCII text, in one pass over the bytes with no per-word `String`s; nil when
    /// the text has non-ASCII bytes (which need Unicode lower-casing: the word-based path).
    static func asciiName(_ raw: String) -> String? {
        var raw = raw
        return raw.withUTF8 { bytes -> String? in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count * 2 + 4) { out -> String? in
                var count = 0
                var words = 0
                var firstEnd = 0
                var inWord = false
                func endWord() {
                    guard inWord else { return }
                    inWord = false
                    words += 1
                    if words == 1 { firstEnd = count }
                }
                func append(_ byte: UInt8) {
                    if !inWord {
                        if count > 0 {
                            out[count] = 0x20
                            count += 1
                        }
                        inWord = true
                    }
                    out[count] = byte
                    count += 1
                }
                for byte in bytes {
                    switch byte {
                    case 0x30...0x39, 0x61...0x7A: append(byte)
                    case 0x41...0x5A: append(byte + 32)
                    case 0x80...: return nil
                    case UInt8(ascii: "&"):
                        endWord()
                        append(UInt8(ascii: "a"))
                        append(UInt8(ascii: "n"))
                        append(UInt8(ascii: "d"))
                        endWord()
                    case UInt8(ascii: "'"): continue
                    default: endWord()
                    }
                }
                endWord()
                var start = 0
                // No leading "the" (when more words follow).
                if words > 1, firstEnd == 3, out[0] == 0x74, out[1] == 0x68, out[2] == 0x65 {
                    start = 4
                    words -= 1
                }
                // No trailing company suffixes (keeping at least one word).
                while words > 1 {
                    var wordStart = count
                    while wordStart > start, out[wordStart - 1] != 0x20 { wordStart -= 1 }
                    let word = UnsafeBufferPointer(rebasing: out[wordStart..<count])
                    guard Self.isCompanySuffix(word) else { break }
                    count = wordStart - 1
                    words -= 1
                }
                return String(decoding: UnsafeBufferPointer(rebasing: out[start..<max(start, count)]), as: UTF8.self)
            }
        }
    }

    /// `houseNumber(_:)` for ASCII text: the first word that starts with a digit and has at most
    /// five characters, lower-cased; `.some(nil)` when there is none, nil for non-ASCII text.
    static func asciiHouseNumber(_ address: String) -> String?? {
        var address = address
        return address.withUTF8 { bytes -> String?? in
            if bytes.contains(where: { $0 >= 0x80 }) { return nil }
            var index = 0
            while index < bytes.count {
                // Skip to a word.
                while index < bytes.count, !Self.isWordByte(bytes[index]) { index += 1 }
                guard index < bytes.count else { break }
                let start = index
                var length = 0
                while index < bytes.count, Self.isWordByte(bytes[index]) || bytes[index] == UInt8(ascii: "'") {
                    if bytes[index] != UInt8(ascii: "'") { length += 1 }
                    index += 1
                }
                let first = bytes[start]
                if first >= 0x30, first <= 0x39, length <= 5 {
                    let word = bytes[start..<index].lazy.filter { $0 != UInt8(ascii: "'") }
                        .map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }
                    return .some(String(decoding: Array(word), as: UTF8.self))
                }
            }
            return .some(nil)
        }
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    private static func isCompanySuffix(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        switch word.count {
        case 3:
            return (word[0] == 0x6C && word[1] == 0x74 && word[2] == 0x64)  // ltd
                || (word[0] == 0x70 && word[1] == 0x6C && word[2] == 0x63)  // plc
                || (word[0] == 0x6C && word[1] == 0x6C && word[2] == 0x70)  // llp
        case 7:
            return word.elementsEqual("limited".utf8)
        default:
            return false
        }
    }
}
