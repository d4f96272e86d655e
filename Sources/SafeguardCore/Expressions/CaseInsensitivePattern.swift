/// A regular expression matched case-insensitively anywhere in a text (`matches`).
///
/// Patterns that are plain alternations of words (`sexual|indecen|grooming`) — the usual case in
/// rule files — are matched by an ASCII case-insensitive substring search, without the regex engine.
struct CaseInsensitivePattern: @unchecked Sendable {
    // Regex<AnyRegexOutput> is immutable once built; it is only read after construction.
    let regex: Regex<AnyRegexOutput>
    /// Lower-cased ASCII alternatives when the pattern is a plain alternation; nil otherwise.
    let alternatives: [[UInt8]]?

    init(_ pattern: String) throws {
        self.regex = try Regex(pattern).ignoresCase()
        // Match once now so the regex program is compiled before the pattern is shared across threads.
        _ = try? self.regex.firstMatch(in: "")
        let plain = pattern.utf8.allSatisfy { byte in
            (byte >= 97 && byte <= 122) || (byte >= 65 && byte <= 90) || (byte >= 48 && byte <= 57) || byte == 32
                || byte == UInt8(ascii: "|") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "'")
        }
        let parts = pattern.split(separator: "|", omittingEmptySubsequences: false)
        if plain, !parts.contains(where: \.isEmpty) {
            self.alternatives = parts.map { Array($0.lowercased().utf8) }
        } else {
            self.alternatives = nil
        }
    }

    func matches(_ text: String) -> Bool {
        guard let alternatives = self.alternatives else {
            return (try? self.regex.firstMatch(in: text)) != nil
        }
        var copy = text
        return copy.withUTF8 { bytes in
            for needle in alternatives where Self.contains(bytes, needle) {
                return true
            }
            return false
        }
    }

    static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        let count = needle.count
        guard count > 0, haystack.count >= count else { return count == 0 }
        let first = needle[0]
        for start in 0...(haystack.count - count) {
            guard Self.lower(haystack[start]) == first else { continue }
            var matched = true
            for offset in 1..<max(1, count) where Self.lower(haystack[start + offset]) != needle[offset] {
                matched = false
                break
            }
            if matched { return true }
        }
        return false
    }

    @inline(__always)
    static func lower(_ byte: UInt8) -> UInt8 {
        byte >= 65 && byte <= 90 ? byte + 32 : byte
    }
}
