/// A pipeline step failed; the message says what to do.
public struct PipelineError: Error, CustomStringConvertible, Sendable {
    /// Which step failed, so the command line can choose its exit status.
    public enum Step: String, Sendable {
        /// Reading an input file or directory.
        case input
        /// Loading the rules.
        case rules
        /// Reading or writing the database.
        case store
        /// Writing a result.
        case output
    }

    public var message: String
    /// Which step failed.
    public var step: Step

    public init(message: String, step: Step = .input) {
        self.message = message
        self.step = step
    }

    public var description: String { self.message }
}
