/// One fact about an entity (`driver.dbs.last_status_check` → a date), as read from a facts file.
///
/// JSON maps naturally: numbers, strings, booleans, `null`, arrays of strings. Dates arrive as
/// `YYYY-MM-DD` strings and are read as dates when the entity kind's schema says the field is a date.
public enum FactValue: Sendable, Hashable, Codable, CustomStringConvertible {
    case number(Double)
    case string(String)
    case bool(Bool)
    case date(CalendarDay)
    case list([String])
    case null

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let values = try? container.decode([FactValue].self) {
            self = .list(values.map(\.text))
        } else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "a fact must be a number, text, true/false, null or a list of text")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .bool(let value): try container.encode(value)
        case .date(let value): try container.encode(value.description)
        case .list(let values): try container.encode(values)
        case .null: try container.encodeNil()
        }
    }

    /// The value as text (used for list items and explanations).
    public var text: String {
        switch self {
        case .number(let value): return NumberFormat.short(value)
        case .string(let value): return value
        case .bool(let value): return value ? "yes" : "no"
        case .date(let value): return value.description
        case .list(let values): return values.joined(separator: ", ")
        case .null: return ""
        }
    }

    public var description: String { self.text }
}

/// Compact number formatting for explanations: `3`, `2.5`, `7.4`.
public enum NumberFormat {
    /// Whole numbers without a decimal point, others with one decimal.
    public static func short(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "?" : (value > 0 ? "∞" : "-∞") }
        if value == value.rounded(), abs(value) < 1e15 {
            return String(Int(value))
        }
        let scaled = (value * 10).rounded() / 10
        // Past 1e15 a Double has no tenths left and `Int(_:)` would trap above Int.max
        // (found by the rule-expression fuzzer): print such values as Swift does.
        if scaled == scaled.rounded(), abs(scaled) < 1e15 {
            return String(Int(scaled))
        }
        return String(scaled)
    }
}
