import Testing

@testable import SafeguardRules

@Suite struct ProtectedCharacteristicsTests {
    @Test(arguments: [
        ("driver.ethnicity == \"x\"", "ethnicity"),
        ("Asian men loitering", "asian"),
        ("black men outside", "black men"),
        ("report.country_of_birth", "country of birth"),
        ("skin colour of the guest", "skin colour"),
        ("religion", "religion"),
        ("NATIONALITY", "nationality"),
    ])
    func protectedTermsAreFound(text: String, term: String) {
        #expect(ProtectedCharacteristics.match(in: text) == term)
    }

    @Test(arguments: [
        "sex-work", "white sheets were stained", "CCTV disabled at night", "apparent age under 18",
        "teenage girls loitering", "men hanging about car parks", "black bin bags", "driver.licence.issuing_authority",
    ])
    func ordinaryRuleTextIsNotFlagged(text: String) {
        #expect(ProtectedCharacteristics.match(in: text) == nil)
    }

    @Test func theReasonCitesTheReport() {
        #expect(ProtectedCharacteristics.reason.contains("2.3"))
    }
}
