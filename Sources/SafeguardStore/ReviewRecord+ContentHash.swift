import Foundation
import SafeguardCore

extension SQLiteStore {
    /// `hash(of: review)` without `JSONEncoder`: the review's JSON with sorted keys is written
    /// straight into bytes and hashed, giving the same value (a stored hash must not change, or a
    /// re-import would find every review "updated"). Reviews whose text or rating the direct writer
    /// does not handle (bytes outside printable ASCII, a rating in exponent form) take `hash(of:)`.
    package static func contentHash(of review: ReviewRecord) -> Int64 {
        var json = ReviewJSON()
        guard json.write(review) else { return Self.hash(of: review) }
        var hasher = ContentHash()
        json.bytes.withUnsafeBufferPointer { hasher.add(bytes: $0) }
        return hasher.int64
    }
}

/// A review as `JSONEncoder` with `.sortedKeys` writes it, for the printable-ASCII case only.
struct ReviewJSON {
    var bytes: [UInt8] = []

    init() {
        self.bytes.reserveCapacity(1024)
    }

    /// Writes the review; false when some value needs `JSONEncoder` itself.
    mutating func write(_ review: ReviewRecord) -> Bool {
        self.bytes.append(UInt8(ascii: "{"))
        var first = true
        if let address = review.address { guard self.field("address", address, &first) else { return false } }
        if let date = review.date { guard self.field("date", date.description, &first) else { return false } }
        self.key("evidence", &first)
        self.bytes.append(UInt8(ascii: "["))
        for (k, item) in review.evidence.enumerated() {
            if k > 0 { self.bytes.append(UInt8(ascii: ",")) }
            guard self.write(item) else { return false }
        }
        self.bytes.append(UInt8(ascii: "]"))
        if let postcode = review.postcode { guard self.field("postcode", postcode, &first) else { return false } }
        guard self.field("premisesName", review.premisesName, &first) else { return false }
        if let rating = review.rating {
            guard let number = Self.number(rating) else { return false }
            self.key("rating", &first)
            self.bytes.append(contentsOf: number.utf8)
        }
        guard self.field("site", review.site, &first), self.field("sourceID", review.sourceID, &first),
            self.field("text", review.text, &first)
        else { return false }
        self.bytes.append(UInt8(ascii: "}"))
        return true
    }

    private mutating func write(_ evidence: Evidence) -> Bool {
        self.bytes.append(UInt8(ascii: "{"))
        var first = true
        if let date = evidence.date { guard self.field("date", date.description, &first) else { return false } }
        if let origin = evidence.origin { guard self.field("origin", origin, &first) else { return false } }
        guard self.field("sign", evidence.sign, &first), self.field("snippet", evidence.snippet, &first),
            self.field("source", evidence.source.rawValue, &first), self.field("sourceID", evidence.sourceID, &first)
        else { return false }
        self.bytes.append(UInt8(ascii: "}"))
        return true
    }

    private mutating func key(_ name: StaticString, _ first: inout Bool) {
        if !first { self.bytes.append(UInt8(ascii: ",")) }
        first = false
        self.bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { self.bytes.append(contentsOf: $0) }
        self.bytes.append(UInt8(ascii: "\""))
        self.bytes.append(UInt8(ascii: ":"))
    }

    private mutating func field(_ name: StaticString, _ value: String, _ first: inout Bool) -> Bool {
        self.key(name, &first)
        return self.string(value)
    }

    /// A JSON string as `JSONEncoder` escapes it (`"`, `\` and `/`); false outside printable ASCII.
    private mutating func string(_ value: String) -> Bool {
        var value = value
        return value.withUTF8 { text in
            self.bytes.append(UInt8(ascii: "\""))
            for byte in text {
                guard byte >= 0x20, byte < 0x7F else { return false }
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "/") {
                    self.bytes.append(UInt8(ascii: "\\"))
                }
                self.bytes.append(byte)
            }
            self.bytes.append(UInt8(ascii: "\""))
            return true
        }
    }

    /// A rating as `JSONEncoder` writes it: whole numbers without ".0", others as Swift prints them;
    /// nil for an exponent form or a value that is not finite.
    static func number(_ value: Double) -> String? {
        guard value.isFinite else { return nil }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        let text = value.description
        guard !text.contains("e") else { return nil }
        return text
    }
}
