import SafeguardCore
import Yams

extension YAMLFile {
    /// The scalar's text with a map from text offsets to file positions, so errors inside an
    /// expression point at the right `line:column` of the YAML file.
    func expressionSource(_ node: Node) -> ExpressionSource {
        guard let scalar = node.scalar, let mark = scalar.mark else {
            return ExpressionSource(node.scalar?.string ?? "", file: self.path)
        }
        let lines = self.lines
        var segments: [ExpressionSource.Segment] = []
        switch scalar.style {
        case .literal, .folded:
            var lineNumber = mark.line + 1
            var indent: Int?
            var offset = 0
            while lineNumber <= lines.count {
                let line = lines[lineNumber - 1]
                let leading = line.prefix { $0 == " " }.count
                let blank = line.allSatisfy { $0 == " " }
                if !blank {
                    if indent == nil { indent = leading }
                    if leading < (indent ?? 0) { break }
                }
                let contentIndent = indent ?? leading
                segments.append(.init(offset: offset, line: lineNumber, column: contentIndent + 1))
                offset += max(0, line.count - contentIndent) + 1
                lineNumber += 1
            }
        default:
            let quote = scalar.style == .singleQuoted || scalar.style == .doubleQuoted ? 1 : 0
            segments.append(.init(offset: 0, line: mark.line, column: mark.column + quote))
            if scalar.string.contains(" "), mark.line <= lines.count {
                // A flow scalar folded over several lines: each further line starts after a single space.
                let first = lines[mark.line - 1].dropFirst(mark.column - 1 + quote)
                var offset = first.count + 1
                var lineNumber = mark.line + 1
                let total = scalar.string.unicodeScalars.count
                while offset < total, lineNumber <= lines.count {
                    let line = lines[lineNumber - 1]
                    let leading = line.prefix { $0 == " " }.count
                    segments.append(.init(offset: offset, line: lineNumber, column: leading + 1))
                    offset += line.count - leading + 1
                    lineNumber += 1
                }
            }
        }
        return ExpressionSource(scalar.string, file: self.path, segments: segments)
    }

    var lines: [Substring.UnicodeScalarView] {
        self.text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.last == "\r" ? $0.dropLast() : $0
        }
    }
}
