import Foundation
import Mustache
import SafeguardCore

/// The server's HTML templates: the `.mustache` files of `Sources/SafeguardServer/Templates`,
/// shipped as the target's resources and parsed once (`ServerServices` loads them at start-up,
/// so a broken template stops the server with the file, line and column). Values go in with
/// Mustache's double braces, which HTML-escape `& < > " '` exactly as `HTML.escape` does; triple
/// braces are used only for HTML a page has already rendered (the layout's `body`).
struct PageTemplates: Sendable {
    let library: MustacheLibrary

    /// The bundled templates, parsed on first use.
    static let shared: Result<PageTemplates, PageTemplateError> = {
        do {
            return .success(try PageTemplates(directory: Self.bundledDirectory))
        } catch let error as PageTemplateError {
            return .failure(error)
        } catch {
            return .failure(PageTemplateError(file: "Templates", message: "\(error)"))
        }
    }()

    /// The `Templates` folder of the target's resource bundle.
    static var bundledDirectory: URL {
        Bundle.module.resourceURL?.appendingPathComponent("Templates")
            ?? Bundle.module.bundleURL.appendingPathComponent("Templates")
    }

    /// Parses every `*.mustache` file of `directory`, each named after its file (without `.mustache`).
    /// One final newline is dropped from each file, so a page ends where its template's text ends.
    init(directory: URL) throws(PageTemplateError) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".mustache") }.sorted()
        } catch {
            throw PageTemplateError(file: directory.path, message: "the page templates folder cannot be read; reinstall the server or build it again")
        }
        guard !names.isEmpty else {
            throw PageTemplateError(file: directory.path, message: "the page templates folder holds no .mustache file; reinstall the server or build it again")
        }
        var templates: [String: MustacheTemplate] = [:]
        for name in names {
            let path = directory.appendingPathComponent(name).path
            guard let data = FileManager.default.contents(atPath: path), var text = String(data: data, encoding: .utf8) else {
                throw PageTemplateError(file: path, message: "cannot read the template (UTF-8 text expected)")
            }
            if text.hasSuffix("\n") { text.removeLast() }
            do {
                templates[String(name.dropLast(".mustache".count))] = try MustacheTemplate(string: text)
            } catch let error as MustacheTemplate.ParserError {
                throw PageTemplateError(
                    file: path, message: "line \(error.context.lineNumber), column \(error.context.columnNumber): \(error.error)")
            } catch {
                throw PageTemplateError(file: path, message: "\(error)")
            }
        }
        self.library = MustacheLibrary(templates: templates)
    }

    /// `name` rendered with `context` (dictionaries, arrays, strings, numbers, booleans).
    func render(_ name: String, _ context: [String: Any]) -> String {
        self.library.render(context, withTemplate: name) ?? "<p class=\"error\">The page template \(HTML.escape(name)) is missing.</p>"
    }

    /// `name` rendered with the shared templates (the server does not start when they do not load).
    static func render(_ name: String, _ context: [String: Any]) -> String {
        switch Self.shared {
        case .success(let templates): templates.render(name, context)
        case .failure(let error): "<p class=\"error\">\(HTML.escape(error.message))</p>"
        }
    }
}

/// A page template that cannot be read or parsed.
struct PageTemplateError: Error, CustomStringConvertible {
    let file: String
    let reason: String

    init(file: String, message: String) {
        self.file = file
        self.reason = message
    }

    var message: String { "Page template \(self.file): \(self.reason)" }
    var description: String { self.message }
}
