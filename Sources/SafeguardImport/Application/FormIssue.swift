/// A problem with one field of an application form: where it is (file, line when known, field
/// path) and how to fix it.
public struct FormIssue: Sendable, Hashable, CustomStringConvertible {
    /// An error stops the application being screened; a warning (an unknown field) does not.
    public enum Severity: String, Sendable, Hashable {
        case error, warning
    }

    public var severity: Severity
    public var file: String
    /// The 1-based line (XML), when known.
    public var line: Int?
    /// The field path (`premises.postcode`, `activities[2].times[0].from`).
    public var field: String
    /// What is wrong and how to fix it.
    public var message: String

    /// Creates an issue.
    public init(severity: Severity, file: String, line: Int?, field: String, message: String) {
        self.severity = severity
        self.file = file
        self.line = line
        self.field = field
        self.message = message
    }

    public var description: String {
        "\(self.file)\(self.line.map { ":\($0)" } ?? ""): \(self.severity == .warning ? "warning: " : "")`\(self.field)`: \(self.message)"
    }
}

/// An application form that cannot be screened: every error found, each naming its field.
public struct ApplicationFormError: Error, Sendable, CustomStringConvertible {
    public var file: String
    /// The errors (and the warnings found alongside them).
    public var issues: [FormIssue]

    /// Creates the error.
    public init(file: String, issues: [FormIssue]) {
        self.file = file
        self.issues = issues
    }

    public var description: String {
        let errors = self.issues.filter { $0.severity == .error }
        return "\(self.file): \(errors.count) problem(s) in the application form:\n"
            + self.issues.map { "  \($0)" }.joined(separator: "\n")
    }
}
