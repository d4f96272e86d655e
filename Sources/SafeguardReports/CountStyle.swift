/// How counts are shown: exactly, or with small counts (1-4) suppressed as "<5" for sharing with
/// partners (`--suppress-small`).
public struct CountStyle: Sendable, Hashable {
    /// Whether counts from 1 to 4 are shown as "<5".
    public var suppressSmall: Bool

    public init(suppressSmall: Bool = false) {
        self.suppressSmall = suppressSmall
    }

    /// Whether a count is hidden under this style.
    public func hides(_ count: Int) -> Bool {
        self.suppressSmall && count > 0 && count < 5
    }

    /// The count as text ("<5" when hidden).
    public func text(_ count: Int) -> String {
        self.hides(count) ? "<5" : String(count)
    }
}

/// Score text with one decimal ("12.0", "7.5"), identical in every rendering (CLI, reports and
/// the officers' pages).
public func scoreText(_ value: Double) -> String {
    let tenths = Int((value * 10).rounded())
    let sign = tenths < 0 ? "-" : ""
    let magnitude = abs(tenths)
    return "\(sign)\(magnitude / 10).\(magnitude % 10)"
}
