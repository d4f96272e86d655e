import Foundation

/// An `application/x-www-form-urlencoded` body: every value of every name, in order.
struct FormBody: Sendable {
    private(set) var values: [String: [String]] = [:]

    /// Parses `text` (`+` is a space, `%XX` a byte; malformed escapes are kept as typed).
    init(_ text: String) {
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(parts[0])
            let value = parts.count > 1 ? Self.decode(parts[1]) : ""
            self.values[name, default: []].append(value)
        }
    }

    /// The first value of `name`, trimmed; nil when absent or blank.
    func first(_ name: String) -> String? {
        guard let value = self.values[name]?.first?.trimmingCharacters(in: .whitespacesAndNewlines),
            !value.isEmpty
        else { return nil }
        return value
    }

    /// Every value of `name` (checkboxes).
    func all(_ name: String) -> [String] {
        self.values[name] ?? []
    }

    static func decode(_ part: Substring) -> String {
        let spaced = part.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
