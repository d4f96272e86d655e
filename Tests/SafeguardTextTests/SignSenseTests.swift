import Foundation
import Testing
@testable import SafeguardText

/// Sense and source of `noise` (people and activity only) and `security-present` (staff, guards,
/// CCTV, challenges; not secure things), as written in rules/hotels/signs.yaml.
@Suite struct SignSenseTests {
    @Test(arguments: [
        "The air conditioning was so noisy we turned it off.",
        "Noisy pipes every time someone showered.",
        "Traffic noise from the main road all night.",
        "The lift was very loud and right next to our room.",
        "The fridge was noisy and kept us awake.",
        "Building works made a racket from 7am.",
        "The trains are loud if you have a front room.",
        "A low humming noise from somewhere kept going all night.",
        "The aircondition was noisey and useless.",
        "Our room backed onto the compressors and we got the noise all night.",
        "The subway is quite noisy at the back.",
        "The subway rumbles past so it is quite noisy at the back.",
        "The air con rattled and kept us awake as it was very noisy.",
    ])
    func equipmentAndOutsideSourcesAreNotNoise(text: String) {
        #expect(!TextFixtures.signIDs(text).contains("noise"), "noise found in: \(text)")
    }

    @Test(arguments: [
        "The people next door were really noisy until 3am.",
        "Loud music from the room above all night.",
        "Guests were shouting and banging doors in the corridor.",
        "The room was far too noisey, people coming back from the pub at all hours.",
        "Walls paper thin, didn't get a good sleep due to the noise.",
        "Noisy staff outside the room early in the morning.",
        "Funny noises from another room.",
        "The kettle was not working and there was a party in the next room all night.",
    ])
    func peopleAndActivityAreNoise(text: String) {
        #expect(TextFixtures.signIDs(text).contains("noise"), "noise not found in: \(text)")
    }

    @Test(arguments: [
        "Secure parking behind the hotel.",
        "Secure car park with CCTV, handy for the city.",
        "There is a safe in the room and a security lock on the door.",
        "The security deposit was refunded the next day.",
    ])
    func secureThingsAreNotSecurityPresent(text: String) {
        #expect(!TextFixtures.signIDs(text).contains("security-present"), "security-present found in: \(text)")
    }

    @Test(arguments: [
        "A security guard was on the door all night.",
        "CCTV in every corridor and a night porter on the desk.",
    ])
    func staffAndCamerasAreSecurityPresent(text: String) {
        #expect(TextFixtures.signIDs(text).contains("security-present"), "security-present not found in: \(text)")
    }
}
