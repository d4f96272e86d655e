import Foundation
import SafeguardCore

/// Writes `profile.html`, `profile.csv` and `profile.json` for a profile into a directory.
public struct ProfileWriter: Sendable {
    public var counts: CountStyle

    public init(counts: CountStyle = CountStyle()) {
        self.counts = counts
    }

    /// The three files written, in order: HTML, CSV, JSON.
    public func write(_ profile: HotelProfile, to directory: URL) throws -> [URL] {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw ReportError(message: "cannot create the output directory \(directory.path): \(FileErrorReason.of(error)). Choose another --out directory.")
        }
        let outputs: [(String, String)] = [
            ("profile.html", ProfileHTMLRenderer(counts: self.counts).render(profile)),
            ("profile.csv", ProfileCSVRenderer(counts: self.counts).render(profile)),
            ("profile.json", try ProfileJSONRenderer(counts: self.counts).render(profile)),
        ]
        var urls: [URL] = []
        for (name, text) in outputs {
            let url = directory.appendingPathComponent(name)
            do {
                try Data(text.utf8).write(to: url, options: .atomic)
            } catch {
                throw ReportError(message: "cannot write \(url.path): \(FileErrorReason.of(error)). Choose another --out directory, or free some space.")
            }
            urls.append(url)
        }
        return urls
    }
}

/// A report could not be written; the message says what to do.
public struct ReportError: Error, CustomStringConvertible, Sendable {
    public var message: String

    public init(message: String) {
        self.message = message
    }

    public var description: String { self.message }
}
