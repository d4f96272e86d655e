/// Normalised keys used by entity resolution: postcodes, names, addresses, plates and badges.
///
/// Pure functions; the store keeps the keys in indexed columns.
public enum MatchKeys {
    /// A postcode with spaces and punctuation removed, upper-cased ("FY1 2AB" → "FY12AB");
    /// nil when it cannot be a UK postcode (fewer than 5 or more than 7 characters).
    public static func postcode(_ raw: String?) -> String? {
        guard let raw else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(8)
        for byte in raw.utf8 {
            switch byte {
            case 0x30...0x39, 0x41...0x5A: out.append(byte)
            case 0x61...0x7A: out.append(byte - 32)
            default: continue
            }
        }
        guard (5...7).contains(out.count), let first = out.first, first >= 0x41, let last = out.last, last >= 0x41
        else { return nil }
        return String(decoding: out, as: UTF8.self)
    }

    /// The first UK postcode found in free text (an address line), normalised; nil when none.
    public static func postcodeIn(_ text: String?) -> String? {
        guard let text else { return nil }
        let words = Self.words(text).map { $0.uppercased() }
        guard words.count >= 2 else { return nil }
        for index in 0..<(words.count - 1) {
            let outward = words[index]
            let inward = words[index + 1]
            guard (2...4).contains(outward.count), outward.first!.isLetter, outward.contains(where: \.isNumber),
                inward.count == 3, inward.first!.isNumber, inward.dropFirst().allSatisfy(\.isLetter)
            else { continue }
            return String(outward + inward)
        }
        return nil
    }

    /// A premises name for comparison: lower-case words, "&" as "and", no leading "the",
    /// no company suffix ("ltd", "limited", "plc").
    public static func name(_ raw: String) -> String {
        Self.asciiName(raw) ?? Self.nameByWords(raw)
    }

    /// `name(_:)` word by word (any text; the ASCII path gives the same keys faster).
    static func nameByWords(_ raw: String) -> String {
        var words = Self.words(raw, ampersandAsAnd: true)
        if words.first == "the", words.count > 1 { words.removeFirst() }
        while let last = words.last, ["ltd", "limited", "plc", "llp"].contains(last), words.count > 1 {
            words.removeLast()
        }
        return words.joined(separator: " ")
    }

    /// Lower-case alphanumeric words of a text (byte-level for speed; non-ASCII letters are kept
    /// as part of words and lower-cased by Unicode rules).
    public static func words(_ raw: String, ampersandAsAnd: Bool = false) -> [String] {
        var out: [String] = []
        var current: [UInt8] = []
        var nonASCII = false
        func flush() {
            guard !current.isEmpty else { return }
            let word = String(decoding: current, as: UTF8.self)
            out.append(nonASCII ? word.lowercased() : word)
            current.removeAll(keepingCapacity: true)
            nonASCII = false
        }
        for byte in raw.utf8 {
            switch byte {
            case 0x30...0x39, 0x61...0x7A: current.append(byte)
            case 0x41...0x5A: current.append(byte + 32)
            case 0x80...:
                current.append(byte)
                nonASCII = true
            case UInt8(ascii: "&") where ampersandAsAnd:
                flush()
                out.append("and")
            case UInt8(ascii: "'"):
                continue  // "King's" and "Kings" are the same word
            default: flush()
            }
        }
        flush()
        return out
    }

    /// The first house number in an address ("12a High Street" → "12a"), for address agreement.
    public static func houseNumber(_ address: String?) -> String? {
        guard let address else { return nil }
        return Self.asciiHouseNumber(address) ?? Self.houseNumberByWords(address)
    }

    /// `houseNumber(_:)` word by word (any text).
    static func houseNumberByWords(_ address: String) -> String? {
        Self.words(address).first { $0.first?.isNumber == true && $0.count <= 5 }
    }

    /// A number plate or badge with spaces and punctuation removed, upper-cased.
    public static func plate(_ raw: String?) -> String? {
        guard let raw else { return nil }
        let key = String(raw.uppercased().filter { $0.isLetter || $0.isNumber })
        return key.isEmpty ? nil : key
    }

    /// Similarity of two normalised names from 0 to 1: the larger of the Dice coefficient of
    /// their letter pairs and 0.9 when every word of the shorter name (two words or more)
    /// appears in the longer one ("grand hotel" ~ "grand hotel blackpool").
    public static func nameSimilarity(_ lhs: String, _ rhs: String) -> Double {
        self.similarity(NameProfile(lhs), NameProfile(rhs))
    }

    /// `nameSimilarity` on precomputed profiles (no allocation).
    package static func similarity(_ lhs: NameProfile, _ rhs: NameProfile) -> Double {
        if lhs.key == rhs.key { return lhs.key.isEmpty ? 0 : 1 }
        var dice = 0.0
        if !lhs.bigrams.isEmpty, !rhs.bigrams.isEmpty {
            var common = 0
            var left = 0
            var right = 0
            while left < lhs.bigrams.count, right < rhs.bigrams.count {
                let a = lhs.bigrams[left]
                let b = rhs.bigrams[right]
                if a == b {
                    common += 1
                    left += 1
                    right += 1
                } else if a < b {
                    left += 1
                } else {
                    right += 1
                }
            }
            dice = 2.0 * Double(common) / Double(lhs.bigrams.count + rhs.bigrams.count)
        }
        if dice >= 0.9 { return dice }
        let (shorter, longer) = lhs.words.count <= rhs.words.count ? (lhs.words, rhs.words) : (rhs.words, lhs.words)
        guard shorter.count >= 2 else { return dice }
        let contained = shorter.allSatisfy { word in longer.contains(word) }
        return max(dice, contained ? 0.9 : 0)
    }
}

/// A normalised name's letter pairs (sorted) and distinct words, computed once per name.
package struct NameProfile: Sendable {
    package let key: String
    let bigrams: [UInt32]
    let words: [Substring]

    package init(_ key: String) {
        self.key = key
        var pairs: [UInt32] = []
        var previous: UInt32?
        for scalar in key.unicodeScalars {
            if scalar == " " { continue }
            if let previous { pairs.append(previous << 16 ^ scalar.value) }
            previous = scalar.value
        }
        pairs.sort()
        self.bigrams = pairs
        var words: [Substring] = []
        for word in key.split(separator: " ") where !words.contains(word) { words.append(word) }
        self.words = words
    }
}
