/// One problem found while loading, checking or linting rules: a value, never a crash.
///
/// The message says what is wrong and how to fix it; `location` points at the offending text.
public struct RuleDiagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
    /// How serious the problem is. Errors stop a rule set from loading; warnings do not.
    public enum Severity: String, Sendable, Hashable, Codable {
        case error
        case warning
    }

    /// A stable machine-readable code such as `unknown-field` or `protected-characteristic`.
    public var code: String
    /// What is wrong and how to fix it.
    public var message: String
    /// Where it is, when known.
    public var location: SourceLocation?
    /// The offending text (an expression fragment, a field name), when there is one.
    public var excerpt: String?
    /// A "did you mean" suggestion, when there is one.
    public var suggestion: String?
    /// Error or warning.
    public var severity: Severity

    /// Creates a diagnostic.
    public init(
        code: String, message: String, location: SourceLocation? = nil, excerpt: String? = nil,
        suggestion: String? = nil, severity: Severity = .error
    ) {
        self.code = code
        self.message = message
        self.location = location
        self.excerpt = excerpt
        self.suggestion = suggestion
        self.severity = severity
    }

    /// `file:line:column: error: message (near 'text'; did you mean 'x'?)`.
    public var description: String {
        var text = ""
        if let location = self.location {
            text += "\(location): "
        }
        text += "\(self.severity.rawValue): \(self.message)"
        if let excerpt = self.excerpt, !excerpt.isEmpty {
            text += " (at '\(excerpt)')"
        }
        if let suggestion = self.suggestion {
            text += "; did you mean '\(suggestion)'?"
        }
        text += " [\(self.code)]"
        return text
    }
}

/// The error thrown when a rule set cannot be loaded: every problem found, not just the first.
public struct RuleSetError: Error, Sendable, CustomStringConvertible {
    /// All diagnostics (errors and warnings), in file order.
    public var diagnostics: [RuleDiagnostic]

    /// Creates the error.
    public init(diagnostics: [RuleDiagnostic]) {
        self.diagnostics = diagnostics
    }

    /// Only the errors.
    public var errors: [RuleDiagnostic] {
        self.diagnostics.filter { $0.severity == .error }
    }

    /// One diagnostic a line.
    public var description: String {
        self.diagnostics.map(\.description).joined(separator: "\n")
    }
}
