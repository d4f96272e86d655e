import Foundation

/// An application form as a tree, the same from JSON and XML: the one schema is walked over it.
///
/// XML elements with child elements are objects (repeated names allowed, so a list is an element
/// whose children are its items); elements with text only are values. JSON gives objects, lists and values.
indirect enum FormNode: Sendable {
    case value(String, line: Int?)
    case object([(key: String, node: FormNode)], line: Int?)
    case list([FormNode], line: Int?)
    case null(line: Int?)

    var line: Int? {
        switch self {
        case .value(_, let line), .object(_, let line), .list(_, let line), .null(let line): return line
        }
    }
}

/// A JSON value decoded without losing the difference between `true`, `1` and `"1"`.
enum JSONFormValue: Decodable {
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONFormValue])
    case object([String: JSONFormValue])
    case null

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONFormValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONFormValue].self))
        }
    }

    var node: FormNode {
        switch self {
        case .bool(let value): return .value(value ? "true" : "false", line: nil)
        case .number(let value):
            return .value(value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value), line: nil)
        case .string(let value): return .value(value, line: nil)
        case .array(let items): return .list(items.map(\.node), line: nil)
        case .object(let fields): return .object(fields.keys.sorted().map { ($0, fields[$0]!.node) }, line: nil)
        case .null: return .null(line: nil)
        }
    }
}
