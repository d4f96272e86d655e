/// A position in a rule file: `file:line:column`, 1-based, columns counted in Unicode scalars.
public struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The file path as given to the loader (relative to the rules directory when loaded from one).
    public var file: String
    /// 1-based line number.
    public var line: Int
    /// 1-based column number.
    public var column: Int

    /// Creates a location.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`.
    public var description: String {
        "\(self.file):\(self.line):\(self.column)"
    }
}
