import Foundation
import SafeguardCore
import Yams

/// A parsed YAML file that remembers where every node came from, so errors can say `file:line:column`.
struct YAMLFile {
    /// The path shown in diagnostics.
    let path: String
    /// The raw text.
    let text: String
    /// The root node, nil for an empty file.
    let root: Node?

    /// Reads and parses `url`; `displayPath` is what diagnostics show.
    static func read(_ url: URL, displayPath: String) throws(RuleSetError) -> YAMLFile {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw RuleSetError(diagnostics: [
                RuleDiagnostic(
                    code: "unreadable-file",
                    message: "cannot read the file as UTF-8 text: check it exists and is readable",
                    location: SourceLocation(file: displayPath, line: 1, column: 1))
            ])
        }
        return try self.parse(text, displayPath: displayPath)
    }

    /// Parses YAML text.
    static func parse(_ text: String, displayPath: String) throws(RuleSetError) -> YAMLFile {
        do {
            let root = try Yams.compose(yaml: text)
            return YAMLFile(path: displayPath, text: text, root: root)
        } catch let error as YamlError {
            throw RuleSetError(diagnostics: [self.diagnostic(for: error, path: displayPath)])
        } catch {
            throw RuleSetError(diagnostics: [
                RuleDiagnostic(
                    code: "yaml-syntax", message: "not valid YAML",
                    location: SourceLocation(file: displayPath, line: 1, column: 1))
            ])
        }
    }

    static func diagnostic(for error: YamlError, path: String) -> RuleDiagnostic {
        func located(_ problem: String, _ mark: Mark) -> RuleDiagnostic {
            RuleDiagnostic(
                code: "yaml-syntax",
                message: "not valid YAML: \(problem) (check indentation, quotes and colons)",
                location: SourceLocation(file: path, line: mark.line, column: mark.column))
        }
        switch error {
        case .scanner(_, let problem, let mark, _): return located(problem, mark)
        case .parser(_, let problem, let mark, _): return located(problem, mark)
        case .composer(_, let problem, let mark, _): return located(problem, mark)
        case .reader(let problem, _, _, _):
            return RuleDiagnostic(
                code: "yaml-encoding", message: "cannot read the YAML: \(problem); save the file as UTF-8",
                location: SourceLocation(file: path, line: 1, column: 1))
        default:
            return RuleDiagnostic(
                code: "yaml-syntax", message: "not valid YAML: \(error)",
                location: SourceLocation(file: path, line: 1, column: 1))
        }
    }

    /// The location of `node` in this file (line 1 column 1 when unknown).
    func location(of node: Node?) -> SourceLocation {
        guard let mark = node?.mark else {
            return SourceLocation(file: self.path, line: 1, column: 1)
        }
        return SourceLocation(file: self.path, line: mark.line, column: mark.column)
    }
}
