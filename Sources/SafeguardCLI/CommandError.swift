/// A failure a person can act on: what went wrong (naming the file, line or field), what to do
/// about it, and the kind, which sets the exit status. Every command throws this from `run()`;
/// `Safeguard.main` prints it once, the same way everywhere (`ErrorPrinter`), without usage text.
///
///     throw CommandError(.input, "\(path) is a directory, not a file", fix: "give one of the files inside it")
struct CommandError: Error, CustomStringConvertible {
    /// What failed; each kind has its own exit status, listed in `safeguard --help`.
    enum Kind: Int32, CaseIterable, Sendable {
        /// A file or directory given is missing, unreadable, of the wrong format, or has records
        /// that could not be read.
        case input = 1
        /// A result could not be written: no such directory, no permission, full disk, closed pipe.
        case output = 2
        /// There is no database at the path, or it cannot be opened or updated.
        case database = 3
        /// No rules directory, the rules do not load, or a rule check or rule test failed.
        case rules = 4
        /// An option or argument is wrong (unknown, missing, or a value out of range).
        case usage = 64

        /// The exit status of a command that fails this way.
        var status: Int32 { self.rawValue }

        /// One line for the exit-status table in `safeguard --help`.
        var summary: String {
            switch self {
            case .input: "input: a file is missing, unreadable, the wrong format, or has bad lines"
            case .output: "output: could not write a result (no directory, disk full, closed pipe)"
            case .database: "database: no database at the path, or it cannot be opened or updated"
            case .rules: "rules: no rules directory, the rules do not load, or a rule test failed"
            case .usage: "usage: an option or argument is wrong (see the command's --help)"
            }
        }

        /// The exit-status table for `--help`.
        static var table: String {
            (["  0   done (an import's rejected records are in its --rejects file)"]
                + Self.allCases.map { "  \(String($0.status).padding(toLength: 3, withPad: " ", startingAt: 0)) \($0.summary)" })
                .joined(separator: "\n")
        }
    }

    /// What failed.
    let kind: Kind
    /// What went wrong, naming the file (and line, record or field) concerned. Never personal data.
    let message: String
    /// What to do about it, when there is something to say.
    let fix: String?

    /// A failure of `kind`: `message` says what went wrong, `fix` what to do.
    init(_ kind: Kind, _ message: String, fix: String? = nil) {
        self.kind = kind
        self.message = message
        self.fix = fix
    }

    /// An input failure with a message that already says what to do.
    init(_ message: String) {
        self.init(.input, message)
    }

    var description: String {
        guard let fix = self.fix else { return self.message }
        return "\(self.message)\n\(fix)"
    }
}
