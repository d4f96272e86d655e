import SafeguardCore

/// Text with every detected personal-data value replaced by its keyed token.
public struct PseudonymisedText: Sendable, Hashable {
    /// The pseudonymised text.
    public var text: String
    /// The tokens that replaced values, unique, in order of first appearance.
    public var pii: [PIIToken]
}

/// Replaces personal data with typed keyed tokens (`[PERSON-7f3a9c2b]`): see ``PseudonymKey``.
public struct Pseudonymiser: Sendable {
    /// The detector that finds values.
    public var detector: PIIDetector
    /// The secret key for tokens.
    public var key: PseudonymKey

    /// Creates a pseudonymiser.
    public init(detector: PIIDetector, key: PseudonymKey) {
        self.detector = detector
        self.key = key
    }

    /// Pseudonymises `text`; words of `preserving` (e.g. the premises' own name) are never taken as names.
    public func pseudonymise(_ text: String, preserving: [String] = []) -> PseudonymisedText {
        var source = text
        let (bytes, pii) = source.withUTF8 { self.pseudonymise(bytes: $0, preserving: Self.preservedWords(preserving)) }
        return PseudonymisedText(text: String(decoding: bytes, as: UTF8.self), pii: pii)
    }

    /// Folded words of the preserved phrases, or nil when there are none.
    public static func preservedWords(_ phrases: [String]) -> ByteWordSet? {
        guard !phrases.isEmpty else { return nil }
        var words: [String] = []
        for phrase in phrases {
            for word in phrase.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "'" }) {
                words.append(word.lowercased())
            }
        }
        return ByteWordSet(words)
    }

    /// Byte-level core without a copy when nothing is found: nil bytes mean "unchanged".
    public func pseudonymiseIfNeeded(bytes text: UnsafeBufferPointer<UInt8>, preserving: ByteWordSet? = nil) -> ([UInt8]?, [PIIToken]) {
        let spans = self.detector.detect(text, preserving: preserving)
        if spans.isEmpty { return (nil, []) }
        return self.replace(spans, in: text)
    }

    /// Byte-level core: the pseudonymised UTF-8 bytes and the tokens used.
    public func pseudonymise(bytes text: UnsafeBufferPointer<UInt8>, preserving: ByteWordSet? = nil) -> ([UInt8], [PIIToken]) {
        let spans = self.detector.detect(text, preserving: preserving)
        if spans.isEmpty { return (Array(text), []) }
        let (out, pii) = self.replace(spans, in: text)
        return (out, pii)
    }

    func replace(_ spans: [PIISpan], in text: UnsafeBufferPointer<UInt8>) -> ([UInt8], [PIIToken]) {
        var out: [UInt8] = []
        out.reserveCapacity(text.count + spans.count * 12)
        var pii: [PIIToken] = []
        var seen = Set<String>()
        var cursor = 0
        for span in spans {
            out.append(contentsOf: UnsafeBufferPointer(rebasing: text[cursor..<span.start]))
            let value = Self.normalisedValue(type: span.type, UnsafeBufferPointer(rebasing: text[span.start..<span.end]))
            let token = self.key.token(for: span.type, normalisedValue: value)
            out.append(contentsOf: token.utf8)
            if seen.insert(token).inserted { pii.append(PIIToken(type: span.type.rawValue, token: token)) }
            cursor = span.end
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: text[cursor..<text.count]))
        return (out, pii)
    }

    /// The canonical form a token is computed from, so layouts of one value share a token:
    /// phones as digits with `+44`/`0044` turned into a leading `0`, plates/postcodes/badges as
    /// capitals without spaces, names/e-mails/handles/addresses folded to lower case.
    public static func normalisedValue(type: PersonalDataType, _ bytes: UnsafeBufferPointer<UInt8>) -> String {
        switch type {
        case .phone:
            var digits: [UInt8] = []
            for b in bytes {
                if ByteClass.isDigit(b) {
                    digits.append(b)
                } else if b == 0x78 || b == 0x58 {
                    break
                }
            }
            let plus = bytes.first == 0x2B
            var d = digits[...]
            if plus && d.starts(with: [0x34, 0x34]) {
                d = d.dropFirst(2)
            } else if d.starts(with: [0x30, 0x30, 0x34, 0x34]) {
                d = d.dropFirst(4)
            } else {
                return (plus ? "+" : "") + String(decoding: d, as: UTF8.self)
            }
            if d.first == 0x30 { d = d.dropFirst() }
            return "0" + String(decoding: d, as: UTF8.self)
        case .vehicleRegistration, .postcode, .licenceNumber:
            return String(decoding: bytes.filter { ByteClass.isAlnum($0) }.map { ByteClass.lowercase[Int($0)] ^ (ByteClass.isLower(ByteClass.lowercase[Int($0)]) ? 0x20 : 0) }, as: UTF8.self)
        case .handle:
            return String(decoding: bytes.dropFirst().map { ByteClass.lowercase[Int($0)] }, as: UTF8.self)
        case .email:
            return String(decoding: bytes.map { ByteClass.lowercase[Int($0)] }, as: UTF8.self)
        case .person, .address:
            let folded = String(decoding: bytes, as: UTF8.self).lowercased()
            var words = folded.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "." }).map(String.init)
            if type == .address, let last = words.last {
                words[words.count - 1] = ["st": "street", "rd": "road", "ave": "avenue", "ln": "lane", "dr": "drive", "sq": "square"][last] ?? last
            }
            return words.joined(separator: " ")
        }
    }
}
