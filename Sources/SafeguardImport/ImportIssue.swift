/// A problem with one record of a feed: the record is rejected, or kept with a warning.
///
/// Issues are values, not thrown errors: one bad record never stops an import. Messages
/// never quote personal data; `originalRecord` (for the rejects file) is the record as read.
public struct ImportIssue: Sendable, Hashable, Codable {
    /// Whether the record was dropped or kept.
    public enum Severity: String, Sendable, Hashable, Codable {
        /// The record was kept (a value was unusable and left empty, or the encoding was guessed).
        case warning
        /// The record was not stored; it goes to the rejects file.
        case rejected
    }

    /// Stable code ("csv.columns", "fhrs.id", "csv.date").
    public var code: String
    /// Warning or rejected.
    public var severity: Severity
    /// The file it came from (as given on the command line).
    public var file: String
    /// The 1-based line where the record starts.
    public var line: Int
    /// The 1-based record number within the file (data rows / elements).
    public var record: Int
    /// The field (column or element name) at fault, when one is.
    public var field: String?
    /// What is wrong and how to fix it.
    public var message: String
    /// The record as read (CSV: its raw text; XML: its fields), for the rejects file.
    public var originalRecord: String?

    /// Creates an issue.
    public init(
        code: String, severity: Severity, file: String, line: Int, record: Int, field: String? = nil,
        message: String, originalRecord: String? = nil
    ) {
        self.code = code
        self.severity = severity
        self.file = file
        self.line = line
        self.record = record
        self.field = field
        self.message = message
        self.originalRecord = originalRecord
    }

    /// `file:line: record N, field F: message` for terminal output.
    public var location: String {
        var text = "\(self.file):\(self.line): record \(self.record)"
        if let field = self.field { text += ", field \(field)" }
        return text
    }
}
