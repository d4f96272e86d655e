/// The evidence-based hotel scoring parameters of `rules/hotels/scoring.yaml`.
///
/// Each source document (a review, a report, an intelligence record) contributes the weights of the
/// distinct signs it asserts, decayed by age and capped so that one rant never flags a hotel; signs
/// recurring across months earn a bonus; agreement of independent sources multiplies; weak signs count
/// only alongside a concern sign; good practice lowers the score.
public struct HotelScoringParameters: Sendable, Hashable, Codable {
    /// Age at which evidence counts half (days).
    public var halfLifeDays: Double
    /// Factor applied to undated evidence.
    public var undatedFactor: Double
    /// Most one source document can add.
    public var perDocumentCap: Double
    /// Weak signs (`noise`, `dirty`) count only when a concern sign is present too.
    public var weakSignsNeedConcern: Bool
    /// Points per distinct month with signs beyond the first.
    public var monthBonus: Double
    /// Most the recurrence bonus can add.
    public var maxRecurrenceBonus: Double
    /// Sources that corroborate each other when they agree.
    public var independentSources: [EvidenceSource]
    /// Multiplier step per independent source beyond the first.
    public var corroborationStep: Double
    /// Largest corroboration multiplier.
    public var maxCorroboration: Double
    /// Most good practice can take off.
    public var maxGoodPracticeReduction: Double
    /// Per-sign weight overrides (default: weights from signs.yaml).
    public var signWeights: [String: Double]

    public init(
        halfLifeDays: Double = 365, undatedFactor: Double = 0.5, perDocumentCap: Double = 5,
        weakSignsNeedConcern: Bool = true, monthBonus: Double = 1, maxRecurrenceBonus: Double = 6,
        independentSources: [EvidenceSource] = [.review, .report, .intelligence, .visit],
        corroborationStep: Double = 0.25, maxCorroboration: Double = 1.75, maxGoodPracticeReduction: Double = 4,
        signWeights: [String: Double] = [:]
    ) {
        self.halfLifeDays = halfLifeDays
        self.undatedFactor = undatedFactor
        self.perDocumentCap = perDocumentCap
        self.weakSignsNeedConcern = weakSignsNeedConcern
        self.monthBonus = monthBonus
        self.maxRecurrenceBonus = maxRecurrenceBonus
        self.independentSources = independentSources
        self.corroborationStep = corroborationStep
        self.maxCorroboration = maxCorroboration
        self.maxGoodPracticeReduction = maxGoodPracticeReduction
        self.signWeights = signWeights
    }
}
