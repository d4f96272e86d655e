import Foundation
import SafeguardCore
import Testing

@testable import SafeguardText

/// The anchor gate skips texts that cannot assert a sign through the phrase, gap-phrase or
/// concept rules: it must never skip a text the full scanner would find a hit in, for every
/// shape of rule, and it must skip texts that lack a rule's words.
@Suite struct SignAnchorGateTests {
    static let sign = SignDefinition(
        id: "men-loitering", label: "Men loitering", source: "5.6.13", weight: 3, kind: .concern,
        phrases: ["hanging around the car park", "men * loitering", "didn't challenge"],
        assertedByNegation: ["no one on reception"],
        notThisSense: ["waiting for a taxi", "lads * on holiday"],
        concepts: [
            SignConcept(name: "men-hanging-about", classes: [["=men", "bloke", "lad"], ["loiter", "lurk", "hang about"]], window: 6),
            SignConcept(name: "taxi-queue", classes: [["queue"], ["taxi"]], window: 4, otherSense: true),
        ])
    static let scanner = SignScanner(signs: [sign])

    /// Texts near every rule: matches, missing words, other senses, negations, case, apostrophes,
    /// non-ASCII spellings and punctuation between words.
    static let texts: [String] = [
        "Men were hanging around the car park all night.",
        "HANGING AROUND THE CAR PARK every night",
        "hanging around the car parks",
        "hanging out in the car park",
        "Some men kept loitering by the door.",
        "Men were outside, loitering.",
        "men loitering",
        "loitering men",
        "The staff didn't challenge anyone.",
        "The staff didnt challenge anyone.",
        "The staff didn t challenge anyone.",
        "The staff didn’t challenge anyone.",
        "There was no one on reception after ten.",
        "No one on reception, ever!",
        "There was no one there.",
        "Blokes were lurking by the bins.",
        "A bloke. Lurking by the bins.",
        "Lads lurked in the corridor.",
        "We queued for a taxi.",
        "Men waiting for a taxi were loitering.",
        "The breakfast was lovely and the rooms were clean.",
        "Great location, friendly staff, would stay again.",
        "Men, men, men everywhere but nobody was doing anything.",
        "Blokes were lurkiiiing by the bins.",
        "Café full of men loitering.",
        "men-loitering",
        "",
        "   ",
        "a",
    ]

    @Test func theGateNeverSkipsATextTheScannerWouldFindAHitIn() {
        var skipped = 0
        for text in Self.texts {
            var copy = text
            let (gated, full) = copy.withUTF8 { (Self.scanner.scan($0, gated: true), Self.scanner.scan($0, gated: false)) }
            #expect(gated == full, "gate changed the hits of: \(text)")
            var bytes = Array(text.utf8)
            let open = bytes.withUnsafeMutableBufferPointer { buffer -> Bool in
                let view = UnsafeBufferPointer(buffer)
                return TextNormaliser.needsFolding(view)
                    ? TextNormaliser.normalise(view).bytes.withUnsafeBufferPointer { Self.scanner.gate.mayMatch($0) }
                    : Self.scanner.gate.mayMatch(view)
            }
            if !open {
                skipped += 1
                #expect(full.isEmpty, "gate skipped a text with hits: \(text)")
            }
        }
        // the gate is not a no-op: texts without the rules' words are skipped
        #expect(skipped >= 8)
    }

    @Test(arguments: [
        // a phrase needs all its words
        ("hanging around the car park", true), ("hanging around the park", false),
        // a gap phrase needs a variant of every part
        ("men were seen loitering", true), ("men were seen", false),
        // a concept needs a form of every class
        ("the blokes lurked", true), ("the blokes stood", false),
        // asserted by negation
        ("no one on reception", true), ("no one at all", false),
        // other senses and triggers alone never open the gate
        ("waiting for a taxi", false), ("a taxi queue", false),
        // contraction variants compiled with the phrase
        ("they didnt challenge us", true), ("they didn t challenge us", true),
    ])
    func theGateOpensOnlyWhenEveryWordOfARuleIsThere(text: String, opens: Bool) {
        var copy = text
        #expect(copy.withUTF8 { Self.scanner.gate.mayMatch($0) } == opens)
    }

    @Test func theRepositoryRulesGiveTheSameHitsWithAndWithoutTheGate() throws {
        // the repository's sign list (every rule shape it uses) over the fixture sentences of the
        // other suites and their upper-case and unpunctuated forms
        let scanner = TextFixtures.scanner
        var texts = Self.texts
        texts += [
            "Nobody asked for ID at check-in.", "Reception was unmanned all night and anyone could walk in.",
            "There was a strong smell of weed in the corridor.", "Used condoms under the bed.",
            "Men were hanging around outside the hotel all night.", "Young girls with older men going to rooms.",
            "The room was filthy and the sheets were stained.", "Cash only, no receipts, no questions asked.",
            "Screaming in the next room at 3am.", "Security guard on the door checked everyone.",
            "Loud music and shouting until 4am.", "There were porn channels on the TV.",
            "We felt perfectly safe and the staff were lovely.", "Not dirty at all, spotless in fact.",
        ]
        texts += texts.map { $0.uppercased() } + texts.map { $0.replacingOccurrences(of: ".", with: "") }
        var skipped = 0
        for text in texts {
            var copy = text
            let (gated, full) = copy.withUTF8 { (scanner.scan($0, gated: true), scanner.scan($0, gated: false)) }
            #expect(gated == full, "gate changed the hits of: \(text)")
            if copy.withUTF8({ !TextNormaliser.needsFolding($0) && !scanner.gate.mayMatch($0) }) {
                skipped += 1
                #expect(full.isEmpty)
            }
        }
        #expect(skipped > 0)
    }

    @Test func aClassifierHitStillCountsWhenThePhraseGateSkipsTheText() throws {
        // Given a sign with one phrase and a classifier trained to find it in other words
        let model = SignClassifierTests.model()
        let classifier = try SignClassifier(model: model)
        let sign = SignDefinition(
            id: "men-loitering", label: "Men loitering", source: "5.6.13", weight: 3, kind: .concern,
            phrases: ["loitering men"])
        let analyser = TextAnalyser(signs: [sign], key: TextFixtures.key, gazetteer: TextFixtures.gazetteer, classifier: classifier)
        let text = "Blokes were hanging about by the front door all night."
        // When the phrase gate skips it (none of the phrase's words)
        var copy = text
        #expect(!copy.withUTF8 { analyser.scanner.gate.mayMatch($0) })
        // Then the classifier still asserts the sign, as it did before the gate
        let classified = classifier.scan(text)
        #expect(!classified.isEmpty)
        #expect(analyser.analyse(text).signs == ["men-loitering"])
    }
}
