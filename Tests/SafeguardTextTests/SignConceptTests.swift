import Foundation
import SafeguardCore
import Testing

@testable import SafeguardText

/// Concept rules: word classes that co-occur in one sentence, with inflections, under the same
/// negation, hypothetical and sentence scoping as phrases, and evidence that names the words.
@Suite struct SignConceptTests {
    static let loitering = SignDefinition(
        id: "men-loitering", label: "Men loitering", source: "5.6.13", weight: 3, kind: .concern, phrases: [],
        notThisSense: ["waiting for a taxi"],
        concepts: [
            SignConcept(
                name: "men-hanging-about",
                classes: [["=men", "bloke", "lad"], ["loiter", "lurk", "hang about", "sit in car"]], window: 6)
        ])
    static let scanner = SignScanner(signs: [loitering])

    @Test func inflectionsOfAClassWordAreGenerated() {
        let loiter = ConceptForms.forms(of: "loiter")
        #expect(loiter.contains("loitering") && loiter.contains("loitered") && loiter.contains("loiters"))
        let smoke = ConceptForms.forms(of: "smoke")
        #expect(smoke.contains("smoking") && smoke.contains("smoked"))
        #expect(ConceptForms.forms(of: "carry").contains("carried"))
        #expect(ConceptForms.forms(of: "sit in car").contains("sitting in cars"))
        #expect(ConceptForms.forms(of: "hang about").contains("hanging about"))
        #expect(ConceptForms.forms(of: "odour").contains("odor"))
        #expect(ConceptForms.forms(of: "=man") == ["man"])
    }

    @Test(arguments: [
        "Blokes were lurking by the side entrance every night.",
        "Three lads loitered near the car park for hours.",
        "Lurking by the bins were men.",
        "Two men were sitting in cars outside until 2am.",
    ])
    func findsTheConceptInAnyOrderAndInflection(text: String) throws {
        let hits = Self.scanner.scan(text)
        let hit = try #require(hits.first)
        #expect(hit.sign == "men-loitering")
        #expect(hit.concept == "men-hanging-about")
        #expect(hit.parts.count == 2)
    }

    @Test(arguments: [
        "There were no blokes lurking about, which was a relief.",
        "I was worried that men might loiter outside at night.",
        "At our last hotel men were loitering in the car park.",
        "The men were friendly. Nobody was lurking anywhere.",
        "Two men from the office upstairs, who were very polite and helpful, later loitered.",
        "A few men were waiting for a taxi and one lurked by the door.",
    ])
    func keepsScopingSentencesWindowAndOtherSense(text: String) {
        #expect(Self.scanner.scan(text).isEmpty, "should not fire: \(text)")
    }

    @Test func evidenceNamesTheConceptAndItsWords() throws {
        let analyser = TextAnalyser(signs: [Self.loitering], key: TextFixtures.key, gazetteer: TextFixtures.gazetteer)
        let analysis = analyser.analyse("Lovely breakfast. Every night blokes were lurking by the bins.")
        let evidence = try #require(analysis.evidence.first)
        #expect(analysis.signs == ["men-loitering"])
        #expect(evidence.concept == "men-hanging-about")
        #expect(evidence.matched == ["blokes", "lurking"])
        #expect(evidence.snippet == "Every night blokes were lurking by the bins")
    }

    @Test(arguments: [
        ("men-loitering", "A gang of blokes skulked about the car park entrance all evening."),
        ("drug-dealing", "Lads were flogging pills by the bins behind the hotel."),
        ("drug-use", "We found burnt tinfoil and a bent spoon in the bathroom."),
        ("cannabis-smell", "The stairwell absolutely reeked of dope."),
        ("young-people", "A group of teenagers with no adults were drinking in the room opposite."),
        ("night-traffic", "Strangers kept buzzing in to the same room until the early hours."),
        ("screaming", "In the night a woman was wailing and pleading next door."),
        ("cash-only", "The owner insisted we settle up in notes."),
        ("no-id-check", "Nobody wanted to see any identification at all."),
        ("security-present", "A security guard patrols the corridors overnight."),
        ("oversight-lacking", "The fire exit was wedged open so anyone could get in."),
    ])
    func shippedConceptsFindUnlistedWording(sign: String, text: String) {
        #expect(TextFixtures.signIDs(text).contains(sign), "\(sign) not found in: \(text)")
    }

    @Test(arguments: [
        "The parking is secure and the safe in the room worked.",
        "The air conditioning was loud and the pipes banged all night.",
        "Trains rattled past and the traffic outside was noisy.",
    ])
    func shippedConceptsKeepTheSenseOfNoiseAndSecurity(text: String) {
        let signs = TextFixtures.signIDs(text)
        #expect(!signs.contains("noise") && !signs.contains("security-present"), "\(signs) in: \(text)")
    }
}
