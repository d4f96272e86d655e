import SafeguardCore

/// One piece of sign evidence in a scanned text, as `safeguard scan` prints it.
///
/// `start`/`end` are offsets in Unicode scalars (code points, as Python string indices) into the
/// **pseudonymised** text, end exclusive; `snippet` is the pseudonymised sentence holding the phrase.
public struct SignEvidence: Sendable, Hashable, Codable {
    /// The sign id.
    public var sign: String
    /// The pseudonymised sentence (clipped to about 240 bytes around the phrase).
    public var snippet: String
    /// Start of the phrase in the pseudonymised text (Unicode scalars).
    public var start: Int
    /// End of the phrase, exclusive.
    public var end: Int
    /// For a sentence found by the classifier: the words that weighed most (nil for a phrase rule).
    public var weighed: [String]?
    /// For a concept rule's match: the concept's name ("men-hanging-about"; nil otherwise).
    public var concept: String?
    /// For a concept rule's match: the words of each class it joined, in text order.
    public var matched: [String]?

    /// Creates an evidence record.
    public init(
        sign: String, snippet: String, start: Int, end: Int, weighed: [String]? = nil, concept: String? = nil,
        matched: [String]? = nil
    ) {
        self.sign = sign
        self.snippet = snippet
        self.start = start
        self.end = end
        self.weighed = weighed
        self.concept = concept
        self.matched = matched
    }
}

/// The result of pseudonymising and scanning one text.
public struct TextAnalysis: Sendable, Hashable, Codable {
    /// The pseudonymised text.
    public var text: String
    /// Sorted unique ids of the asserted signs.
    public var signs: [String]
    /// One item per asserted phrase.
    public var evidence: [SignEvidence]
    /// Tokens of the personal data replaced, unique, in order of appearance.
    public var pii: [PIIToken]
    /// Asserted phrases found but left out of `evidence` because the text had more than the
    /// analyser's evidence limit (every sign in `signs` still has at least one item).
    public var omittedEvidence: Int

    /// Creates a result.
    public init(text: String, signs: [String], evidence: [SignEvidence], pii: [PIIToken], omittedEvidence: Int = 0) {
        self.text = text
        self.signs = signs
        self.evidence = evidence
        self.pii = pii
        self.omittedEvidence = omittedEvidence
    }

    /// Core evidence items for storage and rules (snippets are pseudonymised).
    public func evidence(source: EvidenceSource, sourceID: String, date: CalendarDay?, origin: String? = nil) -> [Evidence] {
        self.evidence.map {
            Evidence(sign: $0.sign, source: source, sourceID: sourceID, date: date, snippet: $0.snippet, origin: origin)
        }
    }
}
