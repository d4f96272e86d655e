import Foundation

/// A buffered, append-only UTF-8 file writer, so millions of generated rows stream to disk in
/// flat memory.
final class TextSink {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private let url: URL
    private(set) var bytesWritten = 0

    init(url: URL) throws {
        self.url = url
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw CorpusError(message: "cannot create \(url.path): check that the directory exists and is writable")
        }
        self.handle = try FileHandle(forWritingTo: url)
        self.buffer.reserveCapacity(1 << 20)
    }

    func write(_ text: String) throws {
        self.buffer.append(contentsOf: text.utf8)
        if self.buffer.count >= 1 << 20 {
            try self.flush()
        }
    }

    func flush() throws {
        guard !self.buffer.isEmpty else { return }
        do {
            try self.handle.write(contentsOf: self.buffer)
        } catch {
            throw CorpusError(message: "cannot write \(self.url.path): \(error.localizedDescription)")
        }
        self.bytesWritten += self.buffer.count
        self.buffer.removeAll(keepingCapacity: true)
    }

    func close() throws {
        try self.flush()
        try self.handle.close()
    }
}

/// An error while generating or writing the corpus, with a message that says how to fix it.
public struct CorpusError: Error, CustomStringConvertible, Sendable {
    /// What went wrong and what to do.
    public var message: String

    /// Creates an error.
    public init(message: String) {
        self.message = message
    }

    public var description: String { self.message }
}

/// RFC 4180 quoting for one CSV field.
func csvField(_ value: String) -> String {
    if value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
    return value
}

/// One CSV line (LF-terminated) from fields.
func csvLine(_ fields: [String]) -> String {
    fields.map(csvField).joined(separator: ",") + "\n"
}

/// XML text escaping for element content.
func xmlEscape(_ value: String) -> String {
    var out = ""
    out.reserveCapacity(value.utf8.count)
    for character in value {
        switch character {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        default: out.append(character)
        }
    }
    return out
}

/// JSON string literal (with quotes) for a value.
func jsonString(_ value: String) -> String {
    var out = "\""
    for scalar in value.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if scalar.value < 0x20 {
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out + "\""
}

/// Zero-padded decimal.
func pad(_ value: Int, _ width: Int) -> String {
    let text = String(value)
    return String(repeating: "0", count: max(0, width - text.count)) + text
}

/// A fixed-point decimal from an integer scaled by 10^7, printed with 14 decimals like the FSA feed.
func geocodeText(_ scaled: Int) -> String {
    let negative = scaled < 0
    let magnitude = abs(scaled)
    return (negative ? "-" : "") + String(magnitude / 10_000_000) + "." + pad(magnitude % 10_000_000, 7) + "0000000"
}
