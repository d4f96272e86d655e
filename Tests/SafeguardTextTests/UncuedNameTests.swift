import Testing
@testable import SafeguardText

/// Names written with no title, job or "my name is" before them: the way reviewers and reporters
/// usually mention people ("Nkechi's sister", "Priya and Ffion", "Grace drove us").
@Suite struct UncuedNameTests {
    @Test(arguments: [
        // given names of UK origins the Faker/Census lists lack come from first-names-gfdl.txt
        ("We went with Priya and Ffion to the bar.", ["Priya", "Ffion"]),
        ("Shout out to Ahmed and Ravinder.", ["Ahmed", "Ravinder"]),
        ("Kasia, Eilidh and Mhairi were on shift.", ["Kasia", "Eilidh", "Mhairi"]),
        // a possessive before a family or friend word
        ("Nkechi's sister booked it for us.", ["Nkechi"]),
        ("Dean's mum picked them up at midnight.", ["Dean"]),
        // a first name that is also a word, before a verb only people do
        ("Grace drove us home at midnight.", ["Grace"]),
        ("Jack sorted everything for us.", ["Jack"]),
        // "X and I"
        ("Eilidh and I loved the spa.", ["Eilidh"]),
        ("Lowri was lovely and sorted the room.", ["Lowri"]),
        // company: "me and X", "with X and Y", "meeting X there", "thanks to X"
        ("Me and Cerys shared the family room.", ["Cerys"]),
        ("Went for drinks with Jack and Ffion after the match.", ["Jack", "Ffion"]),
        ("We were meeting Rose there for her birthday.", ["Rose"]),
        ("Big thanks to Grace in the bar.", ["Grace"]),
        ("Gethin was on the door when we got back.", ["Gethin"]),
    ])
    func namesWithoutACueAreReplaced(text: String, names: [String]) {
        let result = TextFixtures.pseudonymiser.pseudonymise(text)
        for name in names {
            #expect(!result.text.contains(name), "\(name) survived: \(result.text)")
        }
        #expect(result.pii.allSatisfy { $0.type == "person" })
    }

    @Test(arguments: [
        // a family word after "My" is no name, however "sister and I" reads
        "My sister and I felt the staff could have been more cheerful.",
        // acronyms and brands next to a name are not its list partners
        "People with Porsches and BMWs took over 2 spaces.",
        // English words that are given names somewhere stay words
        "You had to pay extra for Wifi. The asked for a deposit because we paid in Cash.",
        "Wifi is Free in the reception area only. Hence had a really bad nights sleep.",
        "The Spice restaurant was also closed. Charged 21 stirling at breakfast.",
        "IBAN and sort code were on the invoice.",
        // months, days and words after "to" or "with" that are given names somewhere
        "Parking cost us 42 from Friday to Sunday on top of the charge.",
        "It is now 2nd January and I still have not had a reply.",
        "The hotel is so close to Banks. A bar with Sky sports inside.",
        "Breakfast was good value. Contactless works at the bar.",
        // drug slang in lower case is the drug, so the sign scan still reads it
        "A lad by the lifts asked if we wanted any charlie or molly.",
        "someone was offering charlie, molly and weed in the bar",
        // contractions are pronouns and verbs, never names ("Ive" is a given name, "I've" is not)
        "I've stayed here before with my sister and it was fine.",
        "We've stayed in better places. They'll say it was busy.",
        // a lower-case word after "the" or "a" is a thing, whatever cue follows it
        "I rang the bell at reception and nobody came.",
        "There was a bell on the desk and a sign by the lift.",
    ])
    func wordsThatLookLikeNamesStay(text: String) {
        let result = TextFixtures.pseudonymiser.pseudonymise(text)
        #expect(result.text == text)
    }
}
