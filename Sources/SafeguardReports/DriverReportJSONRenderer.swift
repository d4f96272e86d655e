import Foundation

/// `drivers.json`: the whole driver report model (pretty-printed, sorted keys).
public struct DriverReportJSONRenderer: Sendable {
    public init() {}

    public func render(_ report: DriverReport) throws(ReportError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(report), as: UTF8.self) + "\n"
        } catch {
            throw ReportError(message: "cannot encode the driver report as JSON: \(error)")
        }
    }
}
