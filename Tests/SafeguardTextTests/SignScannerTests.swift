import Foundation
import SafeguardCore
import Testing
@testable import SafeguardText

@Suite struct SignScannerTests {
    @Test(arguments: [
        ("oversight-lacking", "There was nobody on reception after midnight and anyone could walk in."),
        ("drug-dealing", "There was obvious drug dealing in the car park."),
        ("drug-use", "We found used needles and a crack pipe under the bed."),
        ("cannabis-smell", "The corridor smelt of weed every evening."),
        ("men-loitering", "Groups of men hanging around the entrance late at night."),
        ("young-people", "Teenage girls were going in and out of a room on our floor."),
        ("condoms", "There was a condom wrapper on the floor when we arrived."),
        ("pornography", "Someone had left porn magazines in the drawer."),
        ("night-traffic", "People were coming and going all night from the room opposite."),
        ("screaming", "We heard a girl screaming in the next room."),
        ("noise", "Very noisy room over the bar."),
        ("dirty", "The bathroom was filthy and the sheets were stained."),
        ("cash-only", "They told us it was cash only at check-in."),
        ("no-id-check", "Nobody asked for ID when we checked in."),
        ("sex-work", "It was obvious that prostitutes were working from the rooms."),
        ("id-checked", "Reception asked for photo ID and checked our passports."),
        ("security-present", "There was a security guard at the door and CCTV everywhere."),
    ])
    func detectsEverySign(sign: String, text: String) {
        #expect(TextFixtures.signIDs(text).contains(sign), "\(sign) not found in: \(text)")
    }

    @Test func everySignOfTheListHasAnExample() {
        #expect(TextFixtures.signs.count == 17)
    }

    @Test(arguments: [
        "There was no smell of weed at all.",
        "We never saw any drug dealing.",
        "No condoms or anything like that, very clean.",
        "I didn't hear any screaming.",
        "The noise was not an issue.",
        "Didn t see any men hanging around",
        "No drugs paraphernalia, no needles.",
    ])
    func negationCancels(text: String) {
        let signs = TextFixtures.signIDs(text)
        #expect(!signs.contains { ["cannabis-smell", "drug-dealing", "condoms", "screaming", "noise", "men-loitering", "drug-use"].contains($0) },
            "\(signs) in: \(text)")
    }

    @Test(arguments: [
        "I was worried there might be drugs but there were none.",
        "If there was any drug dealing the staff would call the police.",
        "Bring earplugs in case it is noisy.",
        "At another hotel we once found condoms, not here.",
        "Years ago this place was a brothel, now it is lovely.",
    ])
    func hypotheticalAndOtherPlaceCancel(text: String) {
        let signs = TextFixtures.signIDs(text)
        #expect(!signs.contains { ["drug-use", "drug-dealing", "noise", "condoms", "sex-work"].contains($0) }, "\(signs) in: \(text)")
    }

    @Test func pseudoNegationDoesNotCancel() {
        #expect(TextFixtures.signIDs("No doubt there were prostitutes using the rooms.").contains("sex-work"))
        #expect(TextFixtures.signIDs("Not only was it dirty, it was noisy.").contains("dirty"))
    }

    @Test func terminatorEndsNegation() {
        let signs = TextFixtures.signIDs("No problems with check in but there was loud music all night.")
        #expect(signs.contains("noise"))
    }

    @Test func clauseBoundaryEndsNegation() {
        // ", and" starts a new clause: the "no" of the first does not reach the second
        let signs = TextFixtures.signIDs(
            "Girls of about 14 with no adults around, and people were coming and going from that room all night.")
        #expect(signs.contains("night-traffic"), "\(signs)")
        // a comma alone keeps a list under one negation
        #expect(!TextFixtures.signIDs("No needles, foil or pipes anywhere.").contains("drug-use"))
    }

    @Test func eachItemOfANegatedListIsItsOwnNegation() {
        // "no ID," is one item of a list of negations: it does not reach "cash in hand"
        let signs = TextFixtures.signIDs("Checked in at 1am, no questions asked, no ID, cash in hand.")
        #expect(signs.contains("cash-only"), "\(signs)")
        // one negation over a plain list still covers every item
        #expect(!TextFixtures.signIDs("There were no needles, foil or pipes anywhere.").contains("drug-use"))
        #expect(!TextFixtures.signIDs("No dealers, no needles, foil or pipes anywhere.").contains("drug-use"))
    }

    @Test func distressOverridesAnotherSense() {
        // a child screaming is children at play, unless the sentence says it was for help
        let signs = TextFixtures.signIDs("Around 2am a child was screaming for help in the room next to ours.")
        #expect(signs.contains("screaming"), "\(signs)")
        #expect(TextFixtures.signIDs("We heard a child screaming, she sounded terrified.").contains("screaming"))
        // play stays play without distress
        #expect(!TextFixtures.signIDs("A child was screaming with excitement on the waterslide.").contains("screaming"))
        // cries for help are not ordinary noise: the other-sense match holds the distress words itself
        #expect(!TextFixtures.signIDs("A woman was screaming for help at 3am.").contains("noise"))
    }

    @Test func aContrastEndsAHypotheticalInsideAConcept() {
        // "expected" scopes "show my passport"; "but they never asked for it" is a clause of its own
        let signs = TextFixtures.signIDs("I expected to show my passport, but they never asked for it.")
        #expect(signs.contains("no-id-check"), "\(signs)")
        // without the contrast the expectation still scopes the whole match
        #expect(!TextFixtures.signIDs("I expected they would never ask for my passport.").contains("no-id-check"))
        // only matches asserted by negation: the sign word before the contrast stays in scope
        #expect(!TextFixtures.signIDs("A previous guest's review mentioned screaming, but we heard nothing.").contains("screaming"))
    }

    @Test func otherHotelsAndReportedReadingAreElsewhere() {
        #expect(!TextFixtures.signIDs("My sister said a hotel she stayed at never asked for ID.").contains("no-id-check"))
        #expect(!TextFixtures.signIDs("I've stayed in hotels where nobody asks for ID, not this one.").contains("no-id-check"))
        #expect(!TextFixtures.signIDs("Some hotels never ask for ID, but this one did.").contains("no-id-check"))
        #expect(!TextFixtures.signIDs("I'd read that the corridors smell of weed, we noticed nothing.").contains("cannabis-smell"))
        // the writer's own stay is still asserted
        #expect(TextFixtures.signIDs("They never asked for ID when we checked in.").contains("no-id-check"))
        #expect(TextFixtures.signIDs("The hotel has a reputation as a place where men pay for sex.").contains("sex-work"))
        #expect(TextFixtures.signIDs("In some places the carpet was stained and sticky.").contains("dirty"))
        #expect(TextFixtures.signIDs("A hotel I would never return to, nobody on reception at night.").contains("oversight-lacking"))
    }

    @Test func passiveUsedToIsNotAPastHabit() {
        #expect(TextFixtures.signIDs("The room next door was used to sell drugs.").contains("drug-dealing"))
        #expect(!TextFixtures.signIDs("This place used to have dealers outside, not any more.").contains("drug-dealing"))
    }

    @Test(arguments: [
        ("The kids club was great fun.", "young-people"),
        ("Try the porn star martini at the bar!", "pornography"),
        ("A dirty martini before dinner.", "dirty"),
        ("The screaming kids at the pool were annoying.", "screaming"),
        ("Pine needles everywhere from the Christmas tree.", "drug-use"),
    ])
    func otherSensesDoNotCount(text: String, sign: String) {
        #expect(!TextFixtures.signIDs(text).contains(sign), "\(sign) in: \(text)")
    }

    @Test func signAssertedThroughNegation() {
        #expect(TextFixtures.signIDs("They didn't ask for ID at all.").contains("no-id-check"))
        #expect(!TextFixtures.signIDs("They didn't ask for ID at all.").contains("id-checked"))
        #expect(TextFixtures.signIDs("Reception would not take cards").contains("cash-only"))
    }

    @Test func misspellingsAndElongationMatch() {
        #expect(TextFixtures.signIDs("sooo many condons on the floor").contains("condoms"))
        #expect(TextFixtures.signIDs("the room was DIRTYYYY").contains("dirty"))
        #expect(TextFixtures.signIDs("nobody asked for I.D.").contains("no-id-check"))
        #expect(TextFixtures.signIDs("They didn\u{2019}t ask for ID").contains("no-id-check"))
    }

    @Test func evidenceSpansPointIntoThePseudonymisedText() throws {
        let result = TextFixtures.analyser.analyse("Café fine. Maria said the room smelt of weed, awful.")
        let evidence = try #require(result.evidence.first { $0.sign == "cannabis-smell" })
        let scalars = Array(result.text.unicodeScalars)
        let phrase = String(String.UnicodeScalarView(scalars[evidence.start..<evidence.end]))
        #expect(phrase == "smelt of weed")
        #expect(!result.text.contains("Maria"))
        #expect(evidence.snippet.contains("smelt of weed"))
        #expect(!evidence.snippet.contains("Maria"))
    }
}
