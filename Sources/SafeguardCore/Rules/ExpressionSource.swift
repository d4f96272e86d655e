/// The text of an expression or `explain` template plus where it sits in its rule file, so
/// checker errors can name `file:line:column` of the offending part.
public struct ExpressionSource: Sendable, Hashable {
    /// Where one line of the text begins: text offset (Unicode scalars) → file position.
    public struct Segment: Sendable, Hashable {
        public var offset: Int
        public var line: Int
        public var column: Int

        public init(offset: Int, line: Int, column: Int) {
            self.offset = offset
            self.line = line
            self.column = column
        }
    }

    /// The expression text.
    public var text: String
    /// The file it came from, when known.
    public var file: String?
    /// Line starts, in offset order (empty when the position is unknown).
    public var segments: [Segment]

    /// Creates a source; without a file, locations are offsets within the text (line 1).
    public init(_ text: String, file: String? = nil, segments: [Segment] = []) {
        self.text = text
        self.file = file
        self.segments = segments
    }

    /// The file position of the Unicode scalar at `offset`.
    public func location(at offset: Int) -> SourceLocation {
        guard let segment = self.segments.last(where: { $0.offset <= offset }) ?? self.segments.first else {
            return SourceLocation(file: self.file ?? "<expression>", line: 1, column: offset + 1)
        }
        return SourceLocation(
            file: self.file ?? "<expression>", line: segment.line, column: segment.column + max(0, offset - segment.offset))
    }

    /// The text between `offset` and `offset + length` (clamped).
    public func excerpt(offset: Int, length: Int) -> String {
        let scalars = Array(self.text.unicodeScalars)
        let start = min(max(0, offset), scalars.count)
        let end = min(scalars.count, start + max(0, length))
        return String(String.UnicodeScalarView(scalars[start..<end]))
    }

    /// Turns an expression error into a located diagnostic.
    public func diagnostic(_ error: ExpressionError) -> RuleDiagnostic {
        RuleDiagnostic(
            code: error.code, message: error.message, location: self.location(at: error.offset),
            excerpt: error.length > 0 ? self.excerpt(offset: error.offset, length: error.length) : nil,
            suggestion: error.suggestion)
    }
}
