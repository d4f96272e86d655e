import Foundation
import Mustache

/// Renders the draft s.5 notification (Taxis and Private Hire Vehicles (Safeguarding and Road
/// Safety) Act 2022) from the officers' template `rules/templates/s5-notification.mustache`.
public struct Section5NotificationRenderer: Sendable {
    /// The template file name under `rules/templates/`.
    public static let templateFile = "templates/s5-notification.mustache"

    let template: MustacheTemplate

    /// Parses a template text; a broken template is a `ReportError` naming the file.
    public init(template text: String, file: String = Self.templateFile) throws(ReportError) {
        do {
            self.template = try MustacheTemplate(string: text)
        } catch {
            throw ReportError(message: "\(file): the template does not parse (\(error)). Check that every {{#section}} has its {{/section}}.")
        }
    }

    /// Loads the template from a rules directory.
    public init(rulesDirectory: URL) throws(ReportError) {
        let url = rulesDirectory.appendingPathComponent(Self.templateFile)
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw ReportError(message: "cannot read the s.5 notification template \(url.path): \(error.localizedDescription). Restore it from the repository's rules/templates/.")
        }
        try self.init(template: text, file: url.path)
    }

    /// The letter for one driver or vehicle licensed by `authority`.
    public func render(
        kind: String, licenceNumber: String, identifier: String, authority: String, localAuthority: String,
        date: String, documents: [DocumentLine]
    ) -> String {
        let values: [String: Any] = [
            "kindLabel": kind == "vehicle" ? "vehicle" : "driver",
            "identifierLabel": kind == "vehicle" ? "registration" : "badge",
            "licenceNumber": licenceNumber, "identifier": identifier, "authority": authority,
            "localAuthority": localAuthority, "date": date, "documentCount": String(documents.count),
            "documents": documents.map { document -> [String: Any] in
                var line: [String: Any] = [
                    "date": document.date?.description ?? "undated", "source": document.source, "id": document.id,
                    "origin": document.origin, "snippet": document.snippet,
                ]
                if !document.signs.isEmpty { line["signs"] = document.signs.joined(separator: ", ") }
                return line
            },
        ]
        return self.template.render(values)
    }
}
