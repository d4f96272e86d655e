/// A pipeline step failed; the message says what to do.
public struct PipelineError: Error, CustomStringConvertible, Sendable {
    public var message: String

    public init(message: String) {
        self.message = message
    }

    public var description: String { self.message }
}
