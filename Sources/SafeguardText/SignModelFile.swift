/// The sign classifier's weights as stored in `rules/models/signs-v1.json`: readable feature names
/// and weights per sign, so an analyst can review and retrain them (`safeguard model train`).
/// The file is part of the ruleset hash.
public struct SignModelFile: Sendable, Codable, Equatable {
    /// One sign's logistic regression: logit = bias + sum of the weights of the sentence's features.
    public struct Sign: Sendable, Codable, Equatable {
        /// The sign id (see `signs.md`).
        public var id: String
        /// The intercept.
        public var bias: Double
        /// A sentence is detected when its logit exceeds this.
        public var threshold: Double
        /// Feature name → weight (`w:` word, `s:` stem, `p:` five-letter prefix, `b:` stem bigram, `k:` stems one word apart).
        public var weights: [String: Double]
    }

    /// Always `safeguard-sign-classifier`.
    public var format: String
    /// The file version (1).
    public var version: Int
    /// How the features are built (informative).
    public var features: String
    /// What it was trained on (file names and sentence counts).
    public var trainedOn: String
    /// The training settings (informative).
    public var settings: String
    /// One model per sign.
    public var signs: [Sign]
}
