import Foundation
import SafeguardCore
import Testing
@testable import SafeguardText

/// Taxi badge and plate numbers in every written form, and every UK registration format, are
/// pseudonymised; premises names, rooms, prices and times around vehicles are left alone.
@Suite struct LicenceAndPlateTests {
    /// Pseudonymises `text` and returns the types found and the output text.
    static func run(_ text: String) -> (types: [String], text: String) {
        let result = TextFixtures.pseudonymiser.pseudonymise(text)
        return (result.pii.map(\.type), result.text)
    }

    @Test(arguments: [
        ("The driver showed badge 1234 and drove off.", "1234"),
        ("His Badge 20771 was hidden.", "20771"),
        ("I noted plate 567 on the back.", "567"),
        ("Taxi plate no. 0412 picked them up.", "0412"),
        ("The cab had PH/1234 on the door.", "PH/1234"),
        ("A Hackney, HCD/445, waited outside.", "HCD/445"),
        ("Private hire PHV 20156 came every night.", "PHV 20156"),
        ("Licence PHV20156 was on the dashboard.", "PHV20156"),
        ("badge number PH 0412 again", "PH 0412"),
    ])
    func badgeAndPlateNumbers(text: String, value: String) {
        let (types, out) = Self.run(text)
        #expect(types.contains("licence-number") || types.contains("vehicle-registration"), "nothing found in \(text)")
        #expect(!out.contains(value), "\(value) survived: \(out)")
    }

    @Test(arguments: [
        ("current", "A grey Corsa AB12 CDE was outside.", "AB12 CDE"),
        ("current, no space", "Same car AB12CDE again at 2am.", "AB12CDE"),
        ("prefix", "The van A123 BCD dropped two girls off.", "A123 BCD"),
        ("suffix", "An old Escort ABC 123D parked by the bins.", "ABC 123D"),
        ("dateless letters first", "The car ABC 123 was there every night.", "ABC 123"),
        ("dateless digits first", "A taxi with reg 1234 AB waited.", "1234 AB"),
        ("dateless short", "His car was reg A 1, a private plate.", "A 1"),
        ("Northern Ireland", "A Belfast taxi ABZ 1234 came by.", "ABZ 1234"),
        ("Northern Ireland after a cue", "vehicle reg KIG 42 again", "KIG 42"),
    ])
    func registrationFormats(format: String, text: String, value: String) {
        let (types, out) = Self.run(text)
        #expect(types.contains("vehicle-registration"), "\(format): nothing found in \(text)")
        #expect(!out.contains(value), "\(format): \(value) survived: \(out)")
    }

    @Test(arguments: [
        "The car park cost 12 pounds a night.",
        "Our taxi was 10 min late and cost £25.",
        "The car is 10 min away from Room 214.",
        "Checked in at 3pm, the van left at 11.",
        "The PHV licensing office is on floor 2.",
        "Stayed at the Travelodge on the A406 for 2 nights.",
        "Taxi plate holders pay 12 pounds a year.",
    ])
    func leavesVehicleTextWithoutNumbersAlone(text: String) {
        #expect(Self.run(text).text == text)
    }
}
