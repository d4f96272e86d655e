/// The static type of an expression, checked before any rule runs.
public enum ValueType: String, Sendable, Hashable, Codable {
    case number
    case string
    case bool
    case date
    /// A length of time in days (`6 months`, `days_since(x)`).
    case duration
    /// A list of text values (`report.signs`, `["a", "b"]`).
    case list
    /// An entity's evidence list; only valid inside an aggregate such as `count(evidence where ...)`.
    case evidence

    var article: String {
        switch self {
        case .number: return "a number"
        case .string: return "text"
        case .bool: return "true/false"
        case .date: return "a date"
        case .duration: return "a duration"
        case .list: return "a list"
        case .evidence: return "the evidence list"
        }
    }
}
