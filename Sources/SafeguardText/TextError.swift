/// An error of the text layer with a code and a message that tells the user how to fix it.
///
/// Messages never quote the text being processed: it may hold personal data.
public struct TextError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable machine-readable code, e.g. `key-too-short`.
    public var code: String
    /// What went wrong and how to fix it.
    public var message: String

    /// Creates an error.
    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }

    /// The message, for printing.
    public var description: String { self.message }
}
