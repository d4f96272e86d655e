import Foundation

/// `profile.json`: the whole profile model, with small counts suppressed as "<5" when asked.
public struct ProfileJSONRenderer: Sendable {
    public var counts: CountStyle

    /// Keys whose integer values are counts of records (suppressed under `--suppress-small`).
    static let countKeys: Set<String> = [
        "reviewCount", "reportCount", "intelligenceCount", "concernItems", "reviewItems", "reportItems",
        "intelligenceItems", "visitItems", "hotelsWithoutReviews", "hotels", "flagged",
    ]

    public init(counts: CountStyle = CountStyle()) {
        self.counts = counts
    }

    /// Renders pretty-printed JSON with sorted keys. Scores are numbers with one decimal.
    public func render(_ profile: HotelProfile) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(profile)
        guard self.counts.suppressSmall else {
            return String(decoding: data, as: UTF8.self) + "\n"
        }
        let object = try JSONSerialization.jsonObject(with: data)
        let suppressed = self.suppress(object, key: nil)
        let output = try JSONSerialization.data(withJSONObject: suppressed, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: output, as: UTF8.self) + "\n"
    }

    private func suppress(_ value: Any, key: String?) -> Any {
        if let dictionary = value as? [String: Any] {
            var result: [String: Any] = [:]
            for (name, item) in dictionary {
                result[name] = self.suppress(item, key: name)
            }
            return result
        }
        if let array = value as? [Any] {
            return array.map { self.suppress($0, key: key) }
        }
        if let key, Self.countKeys.contains(key), let number = value as? NSNumber,
           number.doubleValue == Double(number.intValue), self.counts.hides(number.intValue) {
            return "<5"
        }
        return value
    }
}
