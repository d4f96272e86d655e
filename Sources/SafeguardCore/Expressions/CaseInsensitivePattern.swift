/// A regular expression matched case-insensitively anywhere in a text (`matches`).
struct CaseInsensitivePattern: @unchecked Sendable {
    // Regex<AnyRegexOutput> is immutable once built; it is only read after construction.
    let regex: Regex<AnyRegexOutput>

    init(_ pattern: String) throws {
        self.regex = try Regex(pattern).ignoresCase()
    }

    func matches(_ text: String) -> Bool {
        (try? self.regex.firstMatch(in: text)) != nil
    }
}
