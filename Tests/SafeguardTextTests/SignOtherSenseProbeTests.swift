import Foundation
import Testing
@testable import SafeguardText

/// Other senses and scoping found while scoring the blind whole-review bank
/// (bench/text/signs-reviews-validate2.jsonl); the sentences here are new probes, not bank text.
@Suite struct SignOtherSenseProbeTests {
    @Test(arguments: [
        ("A crowd of men stood at the door, but it turned out they were the smokers from the bar.", "men-loitering"),
        ("Half the hotel were hen party guests, girls running up and down the corridors until late.", "young-people"),
        ("The old boys in the lobby were watching anyone who walked through, nosy but harmless.", "oversight-lacking"),
        ("They kindly gave me a sharps box on request for my insulin.", "drug-use"),
        ("The horror film night had everyone screaming at the jump scares.", "screaming"),
        ("Someone at the desk seemed to know the regulars and watched the comings and goings.", "night-traffic"),
        ("They take cash if you prefer, and cards too.", "cash-only"),
        ("A dealer from the coin fair was staying next door.", "drug-dealing"),
        ("There's a drug store over the road for toiletries.", "drug-dealing"),
        ("We didn't see any staff after nine but didn't need to.", "oversight-lacking"),
        ("Reception wasn't staffed at night.", "security-present"),
        ("The mums sat by the pool while the kids played in the shallow end.", "young-people"),
        ("The desk closes at ten but they text you a door code, which worked fine.", "oversight-lacking"),
        ("A couple of lads were getting stoned on the bench outside, you could smell it from our room.", "drug-use"),
        ("Everyone in the bar was singing along to the rugby, brilliant atmosphere.", "noise"),
        ("The staff were lovely, although you never see staff in the pool area.", "oversight-lacking"),
        ("My partner went next door and knocked on their door to ask them to keep it down.", "noise"),
    ])
    func otherSensesAreNotTheSign(text: String, sign: String) {
        #expect(!TextFixtures.signIDs(text).contains(sign), "\(sign) found in: \(text)")
    }

    @Test(arguments: [
        ("What I wasn't expecting was a man in the car park offering us pills.", "drug-dealing"),
        ("Reception wasn't staffed at night.", "oversight-lacking"),
        ("A lad sold coke by the bar and people were snorting it in the toilets.", "drug-use"),
        ("The place reeked of weed and we found a needle behind the bath.", "drug-use"),
        ("One of the lads on the landing was obviously high on something.", "drug-use"),
        ("From our window we watched him dealing to anyone who stopped.", "drug-dealing"),
        ("It's all self check-in and you never see a member of staff.", "oversight-lacking"),
        ("The desk was not staffed overnight.", "oversight-lacking"),
        ("Not a member of staff after 10pm, the place was left to itself.", "oversight-lacking"),
        ("Porn channel on the telly in the room and a condom under the bed.", "condoms"),
        ("The lad in 14 was selling bags of it to anyone who knocked.", "drug-dealing"),
        ("A very explicit magazine had been left in the drawer.", "pornography"),
        ("Men kept knocking at the room opposite one after another.", "night-traffic"),
    ])
    func assertedSignsAreFound(text: String, sign: String) {
        #expect(TextFixtures.signIDs(text).contains(sign), "\(sign) not found in: \(text)")
    }
}
