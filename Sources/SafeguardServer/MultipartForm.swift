import Foundation

/// A `multipart/form-data` body (RFC 7578), as a browser sends a form with a file field: each
/// part's field name, file name (for files) and content as text. Small forms only (the body is
/// already capped by `ServerLimits.maxBodyBytes`).
struct MultipartForm: Sendable {
    /// One part of the form.
    struct Part: Sendable, Hashable {
        var name: String
        var filename: String?
        var content: String
    }

    private(set) var parts: [Part] = []

    /// The boundary of a `multipart/form-data` content type, or nil for any other type.
    static func boundary(contentType: String?) -> String? {
        guard let contentType, contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == "boundary" {
                let value = pair[1].hasPrefix("\"") && pair[1].hasSuffix("\"") && pair[1].count >= 2
                    ? String(pair[1].dropFirst().dropLast()) : pair[1]
                return value.isEmpty ? nil : value
            }
        }
        return nil
    }

    /// Splits `body` on `boundary`; parts without a name are skipped.
    init(_ body: String, boundary: String) {
        let delimiter = "--" + boundary
        let sections = body.components(separatedBy: delimiter).dropFirst()
        for section in sections {
            if section.hasPrefix("--") { break }
            guard let split = section.range(of: "\r\n\r\n") else { continue }
            let head = section[..<split.lowerBound]
            var content = section[split.upperBound...]
            // "\r\n" is one Character (grapheme cluster) in Swift, so one dropLast removes both bytes.
            if content.hasSuffix("\r\n") { content = content.dropLast() }
            var name: String?
            var filename: String?
            for line in head.components(separatedBy: "\r\n") where line.lowercased().hasPrefix("content-disposition:") {
                name = Self.parameter("name", in: line)
                filename = Self.parameter("filename", in: line)
            }
            if let name { self.parts.append(Part(name: name, filename: filename, content: String(content))) }
        }
    }

    /// The first part named `name` with non-blank content.
    func first(_ name: String) -> Part? {
        self.parts.first { $0.name == name && !$0.content.allSatisfy(\.isWhitespace) }
    }

    /// `name="value"` from a Content-Disposition line.
    static func parameter(_ name: String, in line: String) -> String? {
        for piece in line.split(separator: ";").dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, pair[0].lowercased() == name else { continue }
            let value = pair[1]
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { return String(value.dropFirst().dropLast()) }
            return value
        }
        return nil
    }
}
