import SafeguardCore

/// One piece of personal data found in a text: its type, its UTF-8 byte range in the
/// original text and the normalised value the token is computed from.
public struct PIISpan: Sendable, Hashable {
    /// What kind of personal data it is.
    public var type: PersonalDataType
    /// Byte offsets (UTF-8) in the original text, end exclusive.
    public var start: Int
    /// End byte offset, exclusive.
    public var end: Int

    /// Creates a span.
    public init(type: PersonalDataType, start: Int, end: Int) {
        self.type = type
        self.start = start
        self.end = end
    }
}

/// One pseudonymised value as reported by `safeguard scan`: `{"type": "person", "token": "[PERSON-…]"}`.
public struct PIIToken: Sendable, Hashable, Codable {
    /// The personal-data type id (`person`, `email`, …).
    public var type: String
    /// The token that replaced the value in the text.
    public var token: String

    /// Creates a token record.
    public init(type: String, token: String) {
        self.type = type
        self.token = token
    }
}
