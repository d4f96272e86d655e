/// A server set-up failure (bad key file, missing rules) with a message that says how to fix it.
public struct ServerError: Error, Sendable, CustomStringConvertible {
    /// A stable code ("server.key.lost").
    public var code: String
    /// What went wrong and how to fix it (never personal data).
    public var message: String

    /// Creates an error.
    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { self.message }
}
