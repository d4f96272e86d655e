/// A feed that could not be read at all, or was cut short.
///
/// Records read before the fault have already been delivered; the message says how many.
public struct ImportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Stable code ("file.missing", "xml.malformed", "xml.doctype", "xml.depth", "csv.header").
    public var code: String
    /// The file.
    public var file: String
    /// The 1-based line of the fault, when known.
    public var line: Int?
    /// The element (XML) or column (CSV) being read, when known.
    public var element: String?
    /// What went wrong and how to fix it.
    public var message: String
    /// Records delivered before the fault.
    public var recordsBefore: Int

    /// Creates an import error.
    public init(
        code: String, file: String, line: Int? = nil, element: String? = nil, message: String, recordsBefore: Int = 0
    ) {
        self.code = code
        self.file = file
        self.line = line
        self.element = element
        self.message = message
        self.recordsBefore = recordsBefore
    }

    public var description: String {
        var text = self.file
        if let line = self.line { text += ":\(line)" }
        text += ": "
        if let element = self.element { text += "in <\(element)>: " }
        text += self.message
        if self.recordsBefore > 0 { text += " (the \(self.recordsBefore) records before it were kept)" }
        return text
    }
}
