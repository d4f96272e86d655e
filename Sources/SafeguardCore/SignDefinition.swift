/// How a sign bears on concern: most raise it, weak ones count only alongside others,
/// good practice lowers it.
public enum SignKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A warning sign that raises concern on its own.
    case concern
    /// A weak sign (for example `noise`, `dirty`) that counts only alongside others.
    case weak
    /// Good practice that lowers concern (for example `id-checked`).
    case goodPractice = "good-practice"
}

/// One sign of `rules/hotels/signs.yaml`: its meaning, weight and the phrases that reveal it in text.
///
/// The sign scanner compiles the phrases of every definition into one matcher; the rule
/// engine uses `weight` and `kind`. All of it is data so analysts can tune it without recompiling.
public struct SignDefinition: Sendable, Hashable, Codable {
    /// The sign id, a contract shared by scanner, rules, tests and reports (see `signs.md`).
    public var id: String
    /// A short human label ("Condoms or wrappers left in rooms or outside").
    public var label: String
    /// Where the sign comes from (report paragraph, training list).
    public var source: String
    /// How much one asserted occurrence adds to a premises' score (negative lowers it).
    public var weight: Double
    /// Whether the sign raises concern, is weak, or is good practice.
    public var kind: SignKind
    /// Phrases that assert the sign when not negated or hypothetical ("condom wrapper").
    public var phrases: [String]
    /// Phrases that assert the sign *through* a negative word ("nobody asked for id");
    /// negation scoping is not applied to them.
    public var assertedByNegation: [String]
    /// Phrases that contain a sign phrase in another sense and must not count ("kids club").
    public var notThisSense: [String]
    /// Concept rules: word classes that must co-occur in one sentence (see ``SignConcept``).
    public var concepts: [SignConcept]
    /// Signs this one yields to: it is not asserted from a sentence that asserts one of them
    /// (the young people in "a young girl was crying in the corridor" are part of `screaming`).
    public var yieldsTo: [String]
    /// Words that keep the sign asserted in a sentence of a sign it yields to ("fourteen", "alone").
    public var standsAloneWith: [String]

    /// Creates a sign definition.
    public init(
        id: String, label: String, source: String, weight: Double, kind: SignKind, phrases: [String],
        assertedByNegation: [String] = [], notThisSense: [String] = [], concepts: [SignConcept] = [],
        yieldsTo: [String] = [], standsAloneWith: [String] = []
    ) {
        self.id = id
        self.label = label
        self.source = source
        self.weight = weight
        self.kind = kind
        self.phrases = phrases
        self.assertedByNegation = assertedByNegation
        self.notThisSense = notThisSense
        self.concepts = concepts
        self.yieldsTo = yieldsTo
        self.standsAloneWith = standsAloneWith
    }

    enum CodingKeys: String, CodingKey {
        case id, label, source, weight, kind, phrases, assertedByNegation, notThisSense, concepts, yieldsTo,
            standsAloneWith
    }

    /// Decodes a definition; `concepts`, `yieldsTo` and `standsAloneWith` may be absent (definitions
    /// stored before they existed).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.id = try c.decode(String.self, forKey: .id)
        self.label = try c.decode(String.self, forKey: .label)
        self.source = try c.decode(String.self, forKey: .source)
        self.weight = try c.decode(Double.self, forKey: .weight)
        self.kind = try c.decode(SignKind.self, forKey: .kind)
        self.phrases = try c.decode([String].self, forKey: .phrases)
        self.assertedByNegation = try c.decode([String].self, forKey: .assertedByNegation)
        self.notThisSense = try c.decode([String].self, forKey: .notThisSense)
        self.concepts = try c.decodeIfPresent([SignConcept].self, forKey: .concepts) ?? []
        self.yieldsTo = try c.decodeIfPresent([String].self, forKey: .yieldsTo) ?? []
        self.standsAloneWith = try c.decodeIfPresent([String].self, forKey: .standsAloneWith) ?? []
    }
}
