import Foundation
import SafeguardCore
import SafeguardStore

extension ApplicationScreening {
    /// The screening of every application in a directory (the demo's step).
    public struct DirectoryOutcome: Sendable {
        /// One summary line per application (or per unreadable file).
        public var lines: [String]
        public var results: [ScreeningResult]
        /// The JSON file written with every result.
        public var file: URL?
    }

    /// Screens every `.json`/`.xml` application in `directory` as of `asOf`, writes the results to
    /// `output` and, when `letters` is given, each draft letter (`.md` and `.html`) there.
    public func screen(
        directory: URL, store: (any ScreeningStore)?, asOf: CalendarDay, output: URL, letters: URL?
    ) throws -> DirectoryOutcome {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { $0.hasSuffix(".json") || $0.hasSuffix(".xml") }.sorted()
        guard !names.isEmpty else { return DirectoryOutcome(lines: ["no applications in \(directory.path)"], results: [], file: nil) }
        if let letters { try FileManager.default.createDirectory(at: letters, withIntermediateDirectories: true) }
        var lines: [String] = []
        var results: [ScreeningResult] = []
        for name in names {
            do {
                let (result, _) = try self.screen(
                    file: directory.appendingPathComponent(name).path, store: store, asOf: asOf)
                results.append(result)
                lines.append(Self.summaryLine(result))
                if let letters {
                    let letter = self.letter(for: result)
                    let stem = (name as NSString).deletingPathExtension
                    try Data(letter.markdown.utf8).write(to: letters.appendingPathComponent(stem + ".md"))
                    try Data(letter.html.utf8).write(to: letters.appendingPathComponent(stem + ".html"))
                }
            } catch {
                lines.append("! \(name): \(error)")
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try encoder.encode(results).write(to: output)
        return DirectoryOutcome(lines: lines, results: results, file: output)
    }

    /// `REF Premises: band — reasons (n condition(s)); last day D`.
    public static func summaryLine(_ result: ScreeningResult) -> String {
        let reasons = result.findings.map(\.title).prefix(3).joined(separator: "; ")
        return "\(result.reference) \(result.premises.name): band \(result.band)"
            + (reasons.isEmpty ? "" : " — \(reasons)")
            + (result.conditions.isEmpty ? "" : " (\(result.conditions.count) condition(s) to ask for)")
            + "; representations by \(result.window.lastDay)"
    }
}
