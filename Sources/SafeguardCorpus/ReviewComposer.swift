import Foundation

/// Composes one review in varied natural English from the phrasebook: an opening, a few body
/// sentences, planted sign sentences where asked, a closing, and now and then a typo or
/// lower-case text as real reviews have.
struct ReviewComposer {
    /// What a review is for.
    enum Kind: UInt8 {
        /// Ordinary praise, mixed feelings or complaints, rarely a background sign.
        case ordinary
        /// A planted hit: one or two of the hotel's planted signs among ordinary complaints.
        case plantedHit
        /// One furious review at a good hotel, full of concern words.
        case rant
        /// Praise with good practice seen (ID checked, night porter) and innocent mentions.
        case goodPractice
        /// Noise or cleanliness complaints only.
        case noise
    }

    /// Composes a review's text and rating (1-10).
    static func compose(
        kind: Kind, quality: Double, signs: [String], rng: inout SeededRandom
    ) -> (text: String, rating: Int) {
        var sentences: [String] = []
        var fixed: Set<Int> = []  // sentence indices that must keep their wording (sign phrases)
        var used: Set<String> = []
        func add(_ sentence: String, keep: Bool = false) {
            guard used.insert(sentence).inserted else { return }
            if keep { fixed.insert(sentences.count) }
            sentences.append(Self.fill(sentence, rng: &rng))
        }
        func addSign(_ sign: String) {
            if let options = ReviewPhrasebook.signSentences[sign] {
                add(rng.pick(options), keep: true)
            }
        }
        let rating: Int
        switch kind {
        case .ordinary:
            let roll = rng.unit()
            if roll < 0.35 + 0.45 * quality {
                rating = rng.int(8, 10)
                add(rng.pick(ReviewPhrasebook.praiseOpenings))
                for _ in 0..<rng.int(1, 3) { add(rng.pick(ReviewPhrasebook.praise)) }
                if rng.chance(0.25) { add(rng.pick(ReviewPhrasebook.complaints)) }
            } else if roll < 0.75 + 0.15 * quality {
                rating = rng.int(5, 7)
                add(rng.pick(ReviewPhrasebook.mixedOpenings))
                add(rng.pick(ReviewPhrasebook.praise))
                add(rng.pick(ReviewPhrasebook.complaints))
                if rng.chance(0.08) { addSign(rng.pick(["noise", "dirty"])) }
            } else {
                rating = rng.int(1, 4)
                add(rng.pick(ReviewPhrasebook.complaintOpenings))
                for _ in 0..<rng.int(1, 3) { add(rng.pick(ReviewPhrasebook.complaints)) }
                if rng.chance(0.25) { addSign(rng.pick(["noise", "dirty"])) }
            }
            if rng.chance(0.02) { addSign(rng.pick(["security-present", "id-checked"])) }
            if rng.chance(0.03) { add(rng.pick(ReviewPhrasebook.innocentSentences), keep: true) }
        case .plantedHit:
            rating = rng.int(1, 5)
            add(rng.pick(ReviewPhrasebook.complaintOpenings + ReviewPhrasebook.mixedOpenings))
            if rng.chance(0.6) { add(rng.pick(ReviewPhrasebook.complaints)) }
            for sign in signs { addSign(sign) }
            if rng.chance(0.3) { addSign(rng.pick(["dirty", "noise"])) }
            if rng.chance(0.4) { add(rng.pick(["Did not feel safe.", "Felt very uneasy.", "I have reported it to the council.", "Something is not right there.", "Would not let my daughter stay here."])) }
        case .rant:
            rating = 1
            add("Worst hotel I have ever stayed in, an absolute disgrace.", keep: true)
            for sign in ["screaming", "drug-dealing", "men-loitering", "dirty"] { addSign(sign) }
            add("I will be telling everyone I know to avoid it and I want a full refund!!!", keep: true)
        case .goodPractice:
            rating = rng.int(8, 10)
            add(rng.pick(ReviewPhrasebook.praiseOpenings))
            add(rng.pick(ReviewPhrasebook.praise))
            addSign(rng.pick(["id-checked", "security-present"]))
            if rng.chance(0.5) { add(rng.pick(ReviewPhrasebook.innocentSentences), keep: true) }
        case .noise:
            rating = rng.int(3, 7)
            add(rng.pick(ReviewPhrasebook.mixedOpenings + ReviewPhrasebook.complaintOpenings))
            addSign(rng.pick(signs.isEmpty ? ["noise"] : signs))
            if rng.chance(0.4) { addSign("noise") }
            if rng.chance(0.5) { add(rng.pick(ReviewPhrasebook.praise)) }
        }
        let closing = rng.pick(rating >= 8 ? ReviewPhrasebook.praiseClosings : ReviewPhrasebook.complaintClosings)
        if !closing.isEmpty { add(closing) }
        // Natural noise: a misspelling in an unplanted sentence, lower-case text, missing full stops.
        if rng.chance(0.15) {
            let free = sentences.indices.filter { !fixed.contains($0) }
            if let target = free.isEmpty ? nil : free[rng.index(free.count)] {
                let (right, wrong) = rng.pick(ReviewPhrasebook.misspellings)
                if let range = sentences[target].range(of: right) {
                    sentences[target].replaceSubrange(range, with: wrong)
                }
            }
        }
        var text = sentences.joined(separator: " ")
        if rng.chance(0.06) { text = text.lowercased() }
        if rng.chance(0.05) { text = text.replacingOccurrences(of: ". ", with: " ") }
        return (text, rating)
    }

    /// Fills `{name}` with a fictional first name and `{phone}` with an Ofcom drama number.
    private static func fill(_ sentence: String, rng: inout SeededRandom) -> String {
        guard sentence.contains("{") else { return sentence }
        return sentence
            .replacingOccurrences(of: "{name}", with: rng.pick(CorpusVocabulary.firstNames))
            .replacingOccurrences(of: "{phone}", with: "07700 900\(pad(rng.int(0, 999), 3))")
    }
}
