import Foundation
import SafeguardCore

/// Reads a facts file for `safeguard explain`: one `{"kind", "id", "as-of", "facts", "evidence"}`
/// object or a JSON array of them.
public enum FactsFile {
    /// A facts file that cannot be read, with the record and field at fault.
    public struct ReadError: Error, Sendable, CustomStringConvertible {
        public var file: String
        public var message: String
        public var description: String { "\(self.file): \(self.message)" }
    }

    /// Decodes `data`; `path` names the file in errors.
    public static func decode(_ data: Data, path: String) throws(ReadError) -> [EntityFacts] {
        let decoder = JSONDecoder()
        do {
            if data.first(where: { !($0 == 0x20 || $0 == 0x0a || $0 == 0x0d || $0 == 0x09) }) == UInt8(ascii: "[") {
                return try decoder.decode([EntityFacts].self, from: data)
            }
            return [try decoder.decode(EntityFacts.self, from: data)]
        } catch let error as DecodingError {
            throw ReadError(file: path, message: self.describe(error))
        } catch {
            throw ReadError(file: path, message: "not valid JSON facts")
        }
    }

    /// Reads and decodes `url`.
    public static func read(_ url: URL) throws(ReadError) -> [EntityFacts] {
        guard let data = try? Data(contentsOf: url) else {
            throw ReadError(file: url.path, message: "cannot read the file; check the path")
        }
        return try self.decode(data, path: url.path)
    }

    static func describe(_ error: DecodingError) -> String {
        func place(_ path: [any CodingKey]) -> String {
            var parts: [String] = []
            for key in path {
                if let index = key.intValue {
                    parts.append("[\(index)]")
                } else {
                    parts.append(parts.isEmpty ? key.stringValue : ".\(key.stringValue)")
                }
            }
            return parts.isEmpty ? "the top level" : parts.joined()
        }
        let kinds = EntityKind.allCases.map(\.rawValue).joined(separator: ", ")
        switch error {
        case .keyNotFound(let key, let context):
            return "\(place(context.codingPath + [key])) is missing (every record needs \"kind\" and \"id\")"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "\(place(context.codingPath)) has the wrong type: \(context.debugDescription)"
        case .dataCorrupted(let context):
            if context.codingPath.last?.stringValue == "kind" {
                return "\(place(context.codingPath)) must be one of \(kinds)"
            }
            if context.codingPath.isEmpty {
                return "not valid JSON: check brackets, commas and quotes"
            }
            return "\(place(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return "not valid JSON facts"
        }
    }
}
