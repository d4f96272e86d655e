import SafeguardCore
import Testing

@testable import SafeguardText

/// `yields-to` / `stands-alone-with`: a sign that is part of another sign's scene is not asserted
/// on its own, unless the sentence says what makes it its own sign.
@Suite struct SignYieldTests {
    @Test func youngPeopleInAnotherSignsSceneYield() {
        // the girls are what the loitering men watch: men-loitering, not young-people
        let signs = TextFixtures.signIDs("Older men were hanging around the car park watching the young girls.")
        #expect(signs.contains("men-loitering"), "\(signs)")
        #expect(!signs.contains("young-people"), "\(signs)")
    }

    @Test func youngPeopleStandAloneWithTheirOwnWords() {
        // "loitering" (signs.md: teenage girls loitering) keeps young-people beside men-loitering
        let signs = TextFixtures.signIDs(
            "Teenage girls were loitering in the car park alongside a group of men who were hanging about there every evening.")
        #expect(signs.contains("young-people") && signs.contains("men-loitering"), "\(signs)")
        // a sentence of young people alone is untouched
        #expect(TextFixtures.signIDs("Teenagers were running riot in the corridors with no adults about.").contains("young-people"))
    }

    @Test func aMarkerInsideTheOtherSignsEvidenceIsThatSignsWord() throws {
        // "ripe" is a marker of b, but in "ripe apples" it is part of a's evidence, not b's
        let a = SignDefinition(
            id: "a", label: "A", source: "test", weight: 1, kind: .concern, phrases: ["ripe apples", "pears"])
        let b = SignDefinition(
            id: "b", label: "B", source: "test", weight: 1, kind: .concern, phrases: ["bananas"], yieldsTo: ["a"],
            standsAloneWith: ["ripe", "pears"])
        let analyser = TextAnalyser(signs: [a, b], key: TextFixtures.key, gazetteer: TextFixtures.gazetteer)
        #expect(analyser.analyse("Ripe apples next to the bananas.").signs == ["a"])
        #expect(analyser.analyse("Ripe apples next to the ripe bananas.").signs == ["a", "b"])
        // a marker that is the whole of the other sign's evidence still counts for both
        #expect(analyser.analyse("Pears next to the bananas.").signs == ["a", "b"])
        // and in the shipped rules: the loitering is the men's, the girls are their scene
        for text in [
            "Older blokes were loitering by the lifts, chatting up the young girls.",
            "Two men were loitering by the lift chatting to teenage girls.",
        ] {
            let signs = TextFixtures.signIDs(text)
            #expect(signs.contains("men-loitering") && !signs.contains("young-people"), "\(signs): \(text)")
        }
    }

    @Test func oversightInAnotherSignsSceneYields() {
        // strangers visiting one room are night-traffic; kids left to themselves are young-people
        #expect(TextFixtures.signIDs("Strangers kept going in and out of one room through the small hours.") == ["night-traffic"])
        #expect(
            TextFixtures.signIDs("A group of young teens were drinking in a room, nobody seemed to be in charge of them.")
                == ["young-people"])
        // an empty reception is oversight-lacking in its own words
        let both = TextFixtures.signIDs("There was no one on reception all night and strangers kept going in and out of one room.")
        #expect(both.contains("oversight-lacking") && both.contains("night-traffic"), "\(both)")
    }

    @Test func aSignWithoutYieldRulesIsUntouched() throws {
        let a = SignDefinition(
            id: "a", label: "A", source: "test", weight: 1, kind: .concern, phrases: ["apples"])
        let b = SignDefinition(
            id: "b", label: "B", source: "test", weight: 1, kind: .concern, phrases: ["bananas"], yieldsTo: ["a"],
            standsAloneWith: ["ripe"])
        let yield = try #require(SignYield(signs: [a, b]))
        #expect(SignYield(signs: [a]) == nil)
        let analyser = TextAnalyser(signs: [a, b], key: TextFixtures.key, gazetteer: TextFixtures.gazetteer)
        #expect(analyser.analyse("Apples and bananas on the table.").signs == ["a"])
        #expect(analyser.analyse("Apples and ripe bananas on the table.").signs == ["a", "b"])
        #expect(analyser.analyse("Bananas on the table. Apples in the bowl.").signs == ["a", "b"])
        #expect(yield.yieldsTo["b"] == ["a"])
    }

    @Test func twoSignsThatYieldToEachOtherBothStay() {
        let a = SignDefinition(
            id: "a", label: "A", source: "test", weight: 1, kind: .concern, phrases: ["apples"], yieldsTo: ["b"],
            standsAloneWith: ["crisp"])
        let b = SignDefinition(
            id: "b", label: "B", source: "test", weight: 1, kind: .concern, phrases: ["bananas"], yieldsTo: ["a"],
            standsAloneWith: ["ripe"])
        let analyser = TextAnalyser(signs: [a, b], key: TextFixtures.key, gazetteer: TextFixtures.gazetteer)
        // neither names its own words: neither holds its ground over the other
        #expect(analyser.analyse("Apples and bananas on the table.").signs == ["a", "b"])
        // one does: the other yields to it
        #expect(analyser.analyse("Crisp apples and bananas on the table.").signs == ["a"])
        #expect(analyser.analyse("Crisp apples and ripe bananas on the table.").signs == ["a", "b"])
    }
}
