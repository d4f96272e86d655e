/// A type-checked expression compiled to a closure over the evaluation context.
///
/// `nil` results mean "unknown" (a missing fact); conditions use three-valued logic and a rule
/// fires only when its condition is definitely true.
enum Compiled {
    case number(@Sendable (EvaluationContext) -> Double?)
    case string(@Sendable (EvaluationContext) -> String?)
    case bool(@Sendable (EvaluationContext) -> Bool?)
    case date(@Sendable (EvaluationContext) -> Int?)
    case duration(@Sendable (EvaluationContext) -> Double?)
    case list(@Sendable (EvaluationContext) -> [String]?)

    var type: ValueType {
        switch self {
        case .number: return .number
        case .string: return .string
        case .bool: return .bool
        case .date: return .date
        case .duration: return .duration
        case .list: return .list
        }
    }

    /// Renders the value for an explanation: `3`, `2025-06-02`, `120 days`, `unknown`.
    var render: @Sendable (EvaluationContext) -> String {
        switch self {
        case .number(let f): return { f($0).map(NumberFormat.short) ?? "not recorded" }
        case .string(let f): return { f($0) ?? "not recorded" }
        case .bool(let f): return { f($0).map { $0 ? "yes" : "no" } ?? "not recorded" }
        case .date(let f): return { f($0).map(DayFormat.iso) ?? "not recorded" }
        case .duration(let f):
            return { ctx in
                guard let days = f(ctx) else { return "not recorded" }
                return "\(NumberFormat.short(days.rounded())) days"
            }
        case .list(let f): return { f($0).map { $0.isEmpty ? "none" : $0.joined(separator: ", ") } ?? "not recorded" }
        }
    }

    /// Whether the value is known (for `present` / `missing`).
    var isKnown: @Sendable (EvaluationContext) -> Bool {
        switch self {
        case .number(let f): return { f($0) != nil }
        case .string(let f): return { f($0) != nil }
        case .bool(let f): return { f($0) != nil }
        case .date(let f): return { f($0) != nil }
        case .duration(let f): return { f($0) != nil }
        case .list(let f): return { f($0) != nil }
        }
    }
}
