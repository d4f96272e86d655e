/// The evidence-based hotel scoring parameters of `rules/hotels/scoring.yaml`.
///
/// Each source document (a review, a report, an intelligence record) contributes the weights of the
/// distinct signs it asserts, decayed by age and capped so that one rant never flags a hotel; signs
/// recurring across months earn a bonus; agreement of independent sources multiplies; weak signs count
/// only alongside a concern sign; good practice lowers the score. Review-based concern is compared with what
/// the hotel's review volume would produce at a background rate, and only the excess counts.
public struct HotelScoringParameters: Sendable, Hashable, Codable {
    /// Where a weak sign needs a concern sign to count.
    public enum WeakSignScope: String, Sendable, Hashable, Codable, CaseIterable {
        /// Only in a source document that itself asserts a concern sign (a noise complaint in a review
        /// that also reports men loitering counts; a plain noise complaint never does).
        case sameDocument = "same-document"
        /// Anywhere at the hotel once any concern sign is present (the first version; lets a big hotel's
        /// ordinary complaints add up after one stray mention).
        case anyDocument = "any-document"
    }

    /// Age at which evidence counts half (days).
    public var halfLifeDays: Double
    /// Factor applied to undated evidence.
    public var undatedFactor: Double
    /// Most one source document can add.
    public var perDocumentCap: Double
    /// Weak signs (`noise`, `dirty`) count only when a concern sign is present too.
    public var weakSignsNeedConcern: Bool
    /// Where the concern sign must be for a weak sign to count (`weak-signs-scope`).
    public var weakSignScope: WeakSignScope
    /// Concern-bearing review documents expected per review read at a hotel with nothing going on
    /// (`review-volume: background-rate`); 0 turns the volume adjustment off. Review-based concern counts
    /// only in proportion to the excess over `rate × reviews`; reports, intelligence and visits are not discounted.
    public var backgroundRate: Double
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
        weakSignsNeedConcern: Bool = true, weakSignScope: WeakSignScope = .sameDocument, backgroundRate: Double = 0.01,
        monthBonus: Double = 1, maxRecurrenceBonus: Double = 6,
        independentSources: [EvidenceSource] = [.review, .report, .intelligence, .visit],
        corroborationStep: Double = 0.25, maxCorroboration: Double = 1.75, maxGoodPracticeReduction: Double = 4,
        signWeights: [String: Double] = [:]
    ) {
        self.halfLifeDays = halfLifeDays
        self.undatedFactor = undatedFactor
        self.perDocumentCap = perDocumentCap
        self.weakSignsNeedConcern = weakSignsNeedConcern
        self.weakSignScope = weakSignScope
        self.backgroundRate = backgroundRate
        self.monthBonus = monthBonus
        self.maxRecurrenceBonus = maxRecurrenceBonus
        self.independentSources = independentSources
        self.corroborationStep = corroborationStep
        self.maxCorroboration = maxCorroboration
        self.maxGoodPracticeReduction = maxGoodPracticeReduction
        self.signWeights = signWeights
    }
}
