import Foundation
import Testing

@testable import SafeguardText

/// Scoping and other senses found while scoring the tenth blind bank (bench/text/signs-validate10.jsonl,
/// thirteenth pass); the sentences here are new probes, not bank text.
@Suite struct SignContrastProbeTests {
    @Test(arguments: [
        ("The corridor smelt of skunk but nobody was dealing that we saw.", "drug-dealing"),
        ("One reviewer mentioned dealers in the car park, we never saw any.", "drug-dealing"),
        ("My uncle deals in antiques and loved the old furniture here.", "drug-dealing"),
        ("He dealt a bad hand of cards at the poker night in the games room.", "drug-dealing"),
        ("The manager wanted the cash for the room handed over up front.", "drug-dealing"),
        ("A guest was wandering around looking lost, trying to find his room.", "oversight-lacking"),
        ("There was a row upstairs at night and no one came to sort it.", "oversight-lacking"),
        ("No security issues whatsoever while we were there.", "oversight-lacking"),
        ("Two blokes stood outside smoking by the door, which is the smoking area.", "men-loitering"),
        ("The night porter turned away two men who weren't staying.", "oversight-lacking"),
        ("If the desk isn't staffed at night they should at least have cameras.", "security-present"),
    ])
    func otherSensesAreNotTheSign(text: String, sign: String) {
        #expect(!TextFixtures.signIDs(text).contains(sign), "\(sign) found in: \(text)")
    }

    @Test(arguments: [
        ("The corridor smelt of skunk but nobody was dealing that we saw.", "cannabis-smell"),
        ("The night porter turned away two men who weren't staying.", "security-present"),
        ("Dealers were in the car park every night, but nobody on the staff did anything.", "drug-dealing"),
        ("Nobody on reception at 2am, and anyone could walk in off the street.", "oversight-lacking"),
    ])
    func assertedSignsAreFound(text: String, sign: String) {
        #expect(TextFixtures.signIDs(text).contains(sign), "\(sign) not found in: \(text)")
    }
}
