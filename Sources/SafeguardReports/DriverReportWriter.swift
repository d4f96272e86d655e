import Foundation
import SafeguardCore

/// Writes the driver report's HTML, CSV and JSON files (each only when a path is given).
public struct DriverReportWriter: Sendable {
    public init() {}

    /// Writes the files asked for; returns them in the order HTML, CSV, JSON.
    public func write(_ report: DriverReport, html: URL?, csv: URL?, json: URL?) throws(ReportError) -> [URL] {
        var written: [URL] = []
        func save(_ text: String, _ url: URL) throws(ReportError) {
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url, options: .atomic)
            } catch {
                throw ReportError(message: "cannot write \(url.path): \(FileErrorReason.of(error)). Choose a writable path.")
            }
            written.append(url)
        }
        if let html { try save(DriverReportHTMLRenderer().render(report), html) }
        if let csv { try save(DriverReportCSVRenderer().render(report), csv) }
        if let json { try save(try DriverReportJSONRenderer().render(report), json) }
        return written
    }
}
