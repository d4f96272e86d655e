import SafeguardCore
import Foundation
import Mustache

/// The draft representation letter: an editable Mustache template (`rules/templates/representation.mustache`)
/// rendered to Markdown, and that Markdown as a printable A4 HTML page. A draft for the officer to
/// edit; nothing is sent anywhere.
public struct RepresentationLetter: Sendable {
    /// The template file, for messages.
    public let file: String
    /// The template text as read (hashed with the rules, so a stored decision names the template in force).
    public let text: String
    let template: MustacheTemplate

    /// Parses template text; `file` names it in errors.
    ///
    /// - Throws: `LetterTemplateError` naming the file, line and column of the fault.
    public init(text: String, file: String) throws(LetterTemplateError) {
        self.file = file
        self.text = text
        do {
            self.template = try MustacheTemplate(string: text)
        } catch let error as MustacheTemplate.ParserError {
            throw LetterTemplateError(
                file: file, line: error.context.lineNumber, column: error.context.columnNumber,
                message: Self.describe(error.error) + " (near `\(error.context.line.trimmingCharacters(in: .whitespaces))`)")
        } catch {
            throw LetterTemplateError(file: file, line: nil, column: nil, message: "\(error)")
        }
    }

    /// Reads and parses the template at `path`.
    public static func load(path: String) throws(LetterTemplateError) -> RepresentationLetter {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw LetterTemplateError(
                file: path, line: nil, column: nil,
                message: "cannot read the letter template; check the path (default rules/templates/representation.mustache)")
        }
        return try RepresentationLetter(text: text, file: path)
    }

    /// The letter as Markdown for `context` (dictionaries, arrays, strings, booleans).
    public func markdown(_ context: [String: Any]) -> String {
        self.template.render(context)
    }

    /// A Markdown letter as a self-contained printable A4 HTML page.
    public static func html(markdown: String, title: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
        <meta charset="utf-8">
        <title>\(HTML.escape(title))</title>
        <style>
        @page { size: A4 portrait; margin: 20mm 18mm; }
        body { font-family: Georgia, "Times New Roman", serif; font-size: 11.5pt; line-height: 1.45; color: #111;
               max-width: 174mm; margin: 1.5em auto; }
        h1 { font-size: 15pt; margin: 0 0 .6em; } h2 { font-size: 12.5pt; margin: 1.2em 0 .4em; }
        h3 { font-size: 11.5pt; margin: 1em 0 .3em; }
        blockquote { margin: .4em 0 .4em 1.2em; padding-left: .6em; border-left: 2px solid #999; color: #333; }
        ul, ol { padding-left: 1.4em; } li { margin: .2em 0; }
        .draft { border: 1px dashed #b00; color: #b00; padding: .3em .6em; font-family: sans-serif; font-size: 9.5pt; }
        @media print { .draft { color: #000; border-color: #000; } }
        </style>
        </head>
        <body>
        \(MarkdownHTML.render(markdown))
        </body>
        </html>

        """
    }

    static func describe(_ error: any Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "a section is closed with a different name from the one it opened with"
        case .unfinishedName: return "a tag is not finished: close it with }}"
        case .expectedSectionEnd: return "a section is never closed: add {{/name}}"
        case .invalidSetDelimiter: return "invalid delimiter change"
        case .invalidConfigVariableSyntax, .unrecognisedConfigVariable: return "unrecognised {{% ... }} setting"
        default: return "\(error)"
        }
    }
}

/// A letter template that cannot be parsed: where, and what to fix.
public struct LetterTemplateError: Error, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?
    public var message: String

    /// Creates the error.
    public init(file: String, line: Int?, column: Int?, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        var place = self.file
        if let line { place += ":\(line)" }
        if let column { place += ":\(column)" }
        return "\(place): \(self.message)"
    }
}
