import SafeguardCore

/// One asserted sign found in a text: the sign id and where (byte offsets in the scanned text).
public struct SignHit: Sendable, Hashable {
    /// The sign id.
    public var sign: String
    /// Byte offset of the phrase in the scanned text.
    public var start: Int
    /// End byte offset, exclusive.
    public var end: Int
    /// Byte range of the sentence holding it.
    public var sentenceStart: Int
    /// End of that sentence, exclusive.
    public var sentenceEnd: Int
    /// For a concept-rule hit: the concept's name (empty for a phrase hit).
    public var concept: String = ""
    /// For a concept-rule hit: the byte ranges of the class words it joined.
    public var parts: [Range<Int>] = []
}

/// Finds the signs a text asserts: every sign phrase, variant and scope trigger is compiled into
/// one ``PatternMatcher`` run once over the folded text; each sign phrase hit is then kept only
/// if it is not another sense (`not-this-sense`), not negated (unless `asserted-by-negation`),
/// not hypothetical and not about another place, person or time (see ``ScopeTriggers``).
public struct SignScanner: Sendable {
    enum Role: Sendable, Equatable {
        case assert(Int)
        case assertByNegation(Int)
        case otherSense(Int)
        /// Part `part` of gap phrase `phrase` (see ``GapPhrase``).
        case gapPart(phrase: Int, part: Int)
        /// A word of class `cls` of concept rule `concept` (see ``ConceptRule``).
        case conceptPart(concept: Int, cls: Int)
        case negationBefore, negationAfter, pseudo, hypotheticalBefore, otherBefore, otherAfter, terminator
        /// A word of distress (``ScopeTriggers/distress``).
        case distress
    }

    /// The signs, in the order given.
    public let signs: [SignDefinition]
    let triggers: ScopeTriggers
    let matcher: PatternMatcher
    let roles: [Role]
    /// `roles` reduced to one byte each (see ``Kind``): the per-hit loops test this small array and
    /// read the 24-byte role only for the hits they want.
    let kinds: [UInt8]
    let gapPhrases: [GapPhrase]
    let concepts: [ConceptRule]
    /// Skips texts that hold no anchor word of any asserting rule (see ``SignAnchorGate``).
    let gate: SignAnchorGate

    /// The kind of a role, as stored in `kinds`.
    enum Kind {
        static let other: UInt8 = 0
        /// `.assert` or `.assertByNegation`.
        static let asserting: UInt8 = 1
        static let gapPart: UInt8 = 2
        static let conceptPart: UInt8 = 3

        static func of(_ role: Role) -> UInt8 {
            switch role {
            case .assert, .assertByNegation: return Self.asserting
            case .gapPart: return Self.gapPart
            case .conceptPart: return Self.conceptPart
            default: return Self.other
            }
        }
    }

    /// A phrase written with ` * ` between parts ("men * hanging around"): the parts must occur in
    /// order in one sentence with at most ``maximumGap`` words between consecutive parts.
    struct GapPhrase: Sendable {
        var parts: Int
        /// Index into `roles` of the synthetic pattern reported for a whole match.
        var role: Int
        static let maximumGap = 3
    }

    /// Compiles the scanner from sign definitions (e.g. `rules/hotels/signs.yaml`).
    public init(signs: [SignDefinition], triggers: ScopeTriggers = .english) {
        var patterns: [[UInt8]] = []
        var roles: [Role] = []
        var gaps: [(parts: Int, role: Role)] = []
        func add(_ phrases: [String], _ role: Role) {
            for phrase in phrases {
                if phrase.contains(" * ") {
                    let parts = phrase.lowercased().components(separatedBy: " * ").filter { !$0.isEmpty }
                    guard parts.count >= 2 else { continue }
                    let index = gaps.count
                    gaps.append((parts.count, role))
                    for (k, part) in parts.enumerated() {
                        for variant in PhraseVariants.variants(of: part) {
                            let folded = TextNormaliser.normalise(variant)
                            if folded.isEmpty { continue }
                            patterns.append(folded)
                            roles.append(.gapPart(phrase: index, part: k))
                        }
                    }
                    continue
                }
                for variant in PhraseVariants.variants(of: phrase.lowercased()) {
                    let folded = TextNormaliser.normalise(variant)
                    if folded.isEmpty { continue }
                    patterns.append(folded)
                    roles.append(role)
                }
            }
        }
        var conceptList: [(rule: ConceptRule, role: Role)] = []
        for (index, sign) in signs.enumerated() {
            add(sign.phrases, .assert(index))
            add(sign.assertedByNegation, .assertByNegation(index))
            add(sign.notThisSense, .otherSense(index))
            for concept in sign.concepts {
                let c = conceptList.count
                for (k, cls) in concept.classes.enumerated() {
                    for entry in cls {
                        for form in ConceptForms.forms(of: entry) {
                            for variant in PhraseVariants.variants(of: form) {
                                let folded = TextNormaliser.normalise(variant)
                                if folded.isEmpty { continue }
                                patterns.append(folded)
                                roles.append(.conceptPart(concept: c, cls: k))
                            }
                        }
                    }
                }
                conceptList.append(
                    (ConceptRule(sign: index, name: concept.name, classes: concept.classes.count, window: concept.window, role: 0),
                     concept.otherSense
                        ? .otherSense(index) : concept.assertedByNegation ? .assertByNegation(index) : .assert(index)))
            }
        }
        add(triggers.negationBefore, .negationBefore)
        add(triggers.negationAfter, .negationAfter)
        add(triggers.pseudo, .pseudo)
        add(triggers.hypotheticalBefore, .hypotheticalBefore)
        add(triggers.otherBefore, .otherBefore)
        add(triggers.otherAfter, .otherAfter)
        add(triggers.terminators, .terminator)
        add(triggers.distress, .distress)
        self.signs = signs
        self.triggers = triggers
        self.matcher = PatternMatcher(patterns: patterns)
        self.gate = Self.makeGate(patterns: patterns, roles: roles, gaps: gaps, concepts: conceptList)
        var gapPhrases: [GapPhrase] = []
        for gap in gaps {
            gapPhrases.append(GapPhrase(parts: gap.parts, role: roles.count))
            roles.append(gap.role)
        }
        var concepts: [ConceptRule] = []
        for var item in conceptList {
            item.rule.role = roles.count
            concepts.append(item.rule)
            roles.append(item.role)
        }
        self.roles = roles
        self.kinds = roles.map(Kind.of)
        self.gapPhrases = gapPhrases
        self.concepts = concepts
    }

    /// The asserted sign hits in `text` (UTF-8 bytes), byte offsets into `text`.
    public func scan(_ text: UnsafeBufferPointer<UInt8>) -> [SignHit] {
        self.scan(text, gated: true)
    }

    /// `scan(_:)`, with the hashes of the text's word runs already read (``SignAnchorGate/runs(_:)``,
    /// in text order) for the anchor gate, so it need not read the bytes again.
    func scan(_ text: UnsafeBufferPointer<UInt8>, runs: UnsafeBufferPointer<UInt64>) -> [SignHit] {
        self.scan(text, gated: true, runs: runs)
    }

    /// `scan(_:)`, with the anchor gate or (for tests that prove the gate exact) without it.
    func scan(_ text: UnsafeBufferPointer<UInt8>, gated: Bool, runs: UnsafeBufferPointer<UInt64>? = nil) -> [SignHit] {
        if !TextNormaliser.needsFolding(text) {
            // plain ASCII without elongation: scan the text itself (offsets are already source offsets)
            if gated && !(runs.map { self.gate.mayMatch(runs: $0) } ?? self.gate.mayMatch(text)) { return [] }
            let raw = self.matcher.hits(in: text)
            let matches = self.conceptMatches(raw, in: text)
            guard !matches.isEmpty || self.hasSignPhrase(raw) else { return [] }
            return self.assertedHits(self.withGapMatches(raw, in: text) + matches.map(\.hit), in: text, concepts: matches)
        }
        let folded = TextNormaliser.normalise(text)
        if gated && !folded.bytes.withUnsafeBufferPointer({ self.gate.mayMatch($0) }) { return [] }
        let raw = folded.bytes.withUnsafeBufferPointer { self.matcher.hits(in: $0) }
        var hasSign = false
        for hit in raw where self.kinds[hit.pattern] != Kind.other {
            hasSign = true
            break
        }
        guard hasSign else { return [] }
        // back to source offsets
        let hits = raw.map { hit -> PatternMatcher.Hit in
            PatternMatcher.Hit(
                pattern: hit.pattern, start: Int(folded.origin[hit.start]), end: Int(folded.origin[hit.end]))
        }
        let matches = self.conceptMatches(hits, in: text)
        return self.assertedHits(self.withGapMatches(hits, in: text) + matches.map(\.hit), in: text, concepts: matches)
    }

    /// The gate over the asserting rules: plain phrases, and per gap phrase or concept that
    /// asserts, the patterns of each part or class.
    static func makeGate(
        patterns: [[UInt8]], roles: [Role], gaps: [(parts: Int, role: Role)], concepts: [(rule: ConceptRule, role: Role)]
    ) -> SignAnchorGate {
        func asserts(_ role: Role) -> Bool {
            switch role {
            case .assert, .assertByNegation: return true
            default: return false
            }
        }
        var phrases: [[UInt8]] = []
        var gapParts = gaps.map { [[[UInt8]]](repeating: [], count: $0.parts) }
        var conceptParts = concepts.map { [[[UInt8]]](repeating: [], count: $0.rule.classes) }
        for (p, role) in roles.enumerated() {
            switch role {
            case .assert, .assertByNegation: phrases.append(patterns[p])
            case .gapPart(let phrase, let part): gapParts[phrase][part].append(patterns[p])
            case .conceptPart(let concept, let cls): conceptParts[concept][cls].append(patterns[p])
            default: break
            }
        }
        var multi: [[[[UInt8]]]] = []
        for (k, gap) in gaps.enumerated() where asserts(gap.role) { multi.append(gapParts[k]) }
        for (k, concept) in concepts.enumerated() where asserts(concept.role) { multi.append(conceptParts[k]) }
        return SignAnchorGate(phrases: phrases, multi: multi)
    }

    func hasSignPhrase(_ hits: [PatternMatcher.Hit]) -> Bool {
        for hit in hits {
            let kind = self.kinds[hit.pattern]
            if kind == Kind.asserting || kind == Kind.gapPart { return true }
        }
        return false
    }

    /// Convenience for tests and small inputs.
    public func scan(_ text: String) -> [SignHit] {
        var copy = text
        return copy.withUTF8 { self.scan($0) }
    }
}
