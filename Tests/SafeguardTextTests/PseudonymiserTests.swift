import Foundation
import SafeguardCore
import Testing
@testable import SafeguardText

@Suite struct PseudonymiserTests {
    @Test(arguments: [
        ("Contact me at jane.doe+hotel@example.co.uk please", "email", "jane.doe+hotel@example.co.uk"),
        ("write to jane dot doe at gmail dot com tonight", "email", "jane dot doe at gmail dot com"),
        ("write to jane.doe [at] example [dot] co [dot] uk tonight", "email", "jane.doe [at] example [dot] co [dot] uk"),
        ("mail JDOE99 AT HOTMAIL.CO.UK now", "email", "JDOE99 AT HOTMAIL.CO.UK"),
        ("or kev_b(at)btinternet(dot)com", "email", "kev_b(at)btinternet(dot)com"),
        ("email me on sarah at yahoo.co.uk please", "email", "sarah at yahoo.co.uk"),
        ("Call 07700 900123 after six", "phone", "07700 900123"),
        ("Call 07700900123 after six", "phone", "07700900123"),
        ("ring +44 7700 900123 now", "phone", "+44 7700 900123"),
        ("ring +44 (0)20 7946 0958 now", "phone", "+44 (0)20 7946 0958"),
        ("the office is 0113-496-0000 today", "phone", "0113-496-0000"),
        ("US line (555) 123-4567 works", "phone", "(555) 123-4567"),
        ("Paris +33 1 23 45 67 89 ok", "phone", "+33 1 23 45 67 89"),
        ("a silver car AB12 CDE parked", "vehicle-registration", "AB12 CDE"),
        ("a silver car AB12CDE parked", "vehicle-registration", "AB12CDE"),
        ("an old car P123 ABC parked", "vehicle-registration", "P123 ABC"),
        ("an older car ABC 123D parked", "vehicle-registration", "ABC 123D"),
        ("follow @night_owl99 for more", "handle", "@night_owl99"),
        ("she lives at 12 Acacia Avenue with", "address", "12 Acacia Avenue"),
        ("we walked from 7 high street to", "address", "7 high street"),
        ("post it to SW1A 1AA by Monday", "postcode", "SW1A 1AA"),
        ("post it to M1 1AE by Monday", "postcode", "M1 1AE"),
        ("the driver had badge 12345 on", "licence-number", "12345"),
        ("taxi plate no. PH 0412 was", "licence-number", "PH 0412"),
        ("Maria on reception was lovely", "person", "Maria"),
        ("we were checked in by Mr Kowalski at", "person", "Kowalski"),
        ("My name is Vanessa P. Hertzog and", "person", "Vanessa P. Hertzog"),
        ("says Iwase in the report", "person", "Iwase"),
        ("thanks to Ahmed and Priya for", "person", "Ahmed"),
        // nicknames after their cue, often ordinary words
        ("The lad they call Gaz was selling by the bins", "person", "Gaz"),
        ("A big man known as Tiny ran the door", "person", "Tiny"),
        ("A driver nicknamed Spud was always parked outside", "person", "Spud"),
        ("a woman who calls herself Dee took the money", "person", "Dee"),
        // a lower-case first name joined to a name just found
        ("jamie and kyle from the 3rd floor brought girls in", "person", "kyle"),
        // usernames without an @ after the platform's name
        ("He messages girls on Snapchat as jayz_22 most nights", "handle", "jayz_22"),
        ("Snap: lilxo2009, ask for the room", "handle", "lilxo2009"),
        ("add her on insta kayleigh.x if you want", "handle", "kayleigh.x"),
    ])
    func detectsEveryPersonalDataType(text: String, type: String, value: String) throws {
        // Given a text with one value, when pseudonymised
        let result = TextFixtures.pseudonymiser.pseudonymise(text)
        // then the value is gone and a token of its type stands in its place
        #expect(!result.text.contains(value), "\(type) survived: \(result.text)")
        let token = try #require(result.pii.first { $0.type == type }, "no \(type) in \(result.pii)")
        #expect(result.text.contains(token.token))
        #expect(token.token.hasPrefix("[\(PersonalDataType(rawValue: type)!.tokenTag)-"))
        #expect(token.token.count == PersonalDataType(rawValue: type)!.tokenTag.count + 11)
    }

    @Test func everyPersonalDataTypeIsCovered() {
        let covered: Set<String> = [
            "email", "phone", "vehicle-registration", "handle", "address", "postcode", "licence-number", "person",
        ]
        #expect(Set(PersonalDataType.allCases.map(\.rawValue)) == covered)
    }

    @Test func sameValueSameTokenAcrossDocumentsAndLayouts() {
        let a = TextFixtures.pseudonymiser.pseudonymise("Text 07700 900123 or email Bob.Smith@Example.com")
        let b = TextFixtures.pseudonymiser.pseudonymise("ring +44 7700 900123, bob.smith@example.com")
        #expect(a.pii.map(\.token) == b.pii.map(\.token))
        // a fresh pseudonymiser with the same key (another run) gives the same tokens
        let again = Pseudonymiser(detector: PIIDetector(gazetteer: TextFixtures.gazetteer), key: TextFixtures.key)
        #expect(again.pseudonymise("Text 07700 900123 or email Bob.Smith@Example.com") == a)
    }

    @Test func anotherKeyGivesOtherTokens() {
        let other = Pseudonymiser(detector: PIIDetector(gazetteer: TextFixtures.gazetteer), key: TextFixtures.otherKey)
        let text = "Maria on reception gave me 07700 900123"
        let a = TextFixtures.pseudonymiser.pseudonymise(text).pii.map(\.token)
        let b = other.pseudonymise(text).pii.map(\.token)
        #expect(a.count == 2 && b.count == 2)
        #expect(Set(a).isDisjoint(with: b))
    }

    @Test(arguments: [
        "Great location near Canary Wharf and the DLR, will definitely come back.",
        "The room was clean, breakfast was good and the staff were friendly.",
        "We stayed 3 nights in 2016 and paid 120 pounds a night.",
        "Victoria Station is a short walk; Charlotte Street has good restaurants.",
        "Will stay again. Grace and charm everywhere. May was a quiet month.",
        "The Holiday Inn next door was full so we came here on the 2nd of June.",
        // a cue word ending one sentence ("asked.", "thanks.") says nothing about the capitalised
        // word opening the next; sentence-initial ordinary words are not names
        "Walked in, paid and got a key, no questions asked. The bathroom was dirty.",
        "No questions asked. Breakfast was good.",
        "Lovely hotel, great stay. Will come again.",
        "Nobody asked. Will come again!",
        "Checked in, nobody asked. Young girls in the bar.",
        "Many thanks. Mark my words, we will be back.",
        "The receptionist said; Rose petals on the bed.",
        "Nobody asked?\nGrace and charm everywhere.",
        // a place or an article after a nickname's cue, a platform's name, an age
        "The area is known as Docklands these days.",
        "It is known as The Cage by locals.",
        "What they call Canary Wharf is just offices.",
        "I saw it on Snapchat as well.",
        "Their Instagram posts look nothing like the rooms.",
        "She is about 14 and goes to the school by the station.",
        // "at" before a website or a place is no spelled-out e-mail
        "We stayed at booking.com prices and met at the Crown dot on seven.",
        "Booked at hotels.com, check in at 3pm, dinner at the pub dot com.",
        // a word for a person described by where they stood or what they said
        "Man at the bar told us where to go.",
        "Bloke on reception was rude to everyone.",
        "Lad behind the bar said they were closing.",
        // a website named like a person before a speech verb
        "Someone on TripAdvisor said they had to pay cash.",
        // lower-case words listed together that are first names or surnames but also English words
        "The bathroom came stocked with a sewing kit, cotton buds and a shower cap.",
        "There was a sewing kit and cotton wool.",
        // a first name that is slang for a condom, before its wrapping
        "Johnny wrappers by the bed and on the floor.",
    ])
    func ordinaryTextIsUnchanged(text: String) {
        let result = TextFixtures.pseudonymiser.pseudonymise(text)
        #expect(result.text == text)
        #expect(result.pii.isEmpty)
    }

    @Test func bugReportSentenceKeepsItsSigns() {
        let analysis = TextFixtures.analyser.analyse("Paid cash, no questions asked. The bathroom was dirty.")
        #expect(analysis.text == "Paid cash, no questions asked. The bathroom was dirty.")
        #expect(analysis.signs.contains("dirty"))
        #expect(analysis.signs.contains("no-id-check"))
    }

    @Test func cuesInsideTheSentenceStillWork() {
        let result = TextFixtures.pseudonymiser.pseudonymise("Nobody asked. Thanks to Will on reception. Great stay, thanks Grace.")
        #expect(result.pii.map(\.type) == ["person", "person"])
        #expect(result.text.hasPrefix("Nobody asked. Thanks to [PERSON-"))
        #expect(!result.text.contains("Will") && !result.text.contains("Grace"))
    }

    @Test(arguments: [
        ("Our host Sarah Brown was lovely", "Brown"),
        ("The receptionist Tom Young checked us in", "Young"),
        ("told us to book in as Mickey Mouse, no questions asked", "Mouse"),
    ])
    func surnameThatIsAlsoAWordStaysWithItsName(text: String, surname: String) {
        // Given a found first name followed by a surname that is also an English word
        let result = TextFixtures.pseudonymiser.pseudonymise(text)
        // then the whole name is one token: the surname neither leaks nor reads as a word of a sign
        #expect(result.pii.map(\.type) == ["person"])
        #expect(!result.text.contains(surname), "surname survived: \(result.text)")
    }

    @Test func aSurnameListWordThatStartsTheNextClauseIsNotPartOfTheName() {
        // "She" and "Duty" are in the surname list, but here they start a clause or name a role
        let dog = TextFixtures.pseudonymiser.pseudonymise("thank you for accommodating our dog Bella She was very happy")
        #expect(dog.text.hasSuffix("] She was very happy"), "\(dog.text)")
        let duty = TextFixtures.pseudonymiser.pseudonymise("I complained in the morning to Maria Duty manager and nothing")
        #expect(duty.text.contains("] Duty manager"), "\(duty.text)")
    }

    @Test func commonWordAfterANameIsNotTakenAsASurname() {
        // "Great" is no surname; "Station" is a venue word after a place-like name
        let thanks = TextFixtures.pseudonymiser.pseudonymise("Thanks Sarah Great stay")
        #expect(thanks.text.hasSuffix("] Great stay"))
        let station = "Near Victoria Station, handy for trains."
        #expect(TextFixtures.pseudonymiser.pseudonymise(station).text == station)
        // and the mouse after the name is no sign of a dirty room
        let analysis = TextFixtures.analyser.analyse("They let us book in as Mickey Mouse, no questions asked.")
        #expect(!analysis.signs.contains("dirty"))
        #expect(analysis.signs.contains("no-id-check"))
    }

    @Test func premisesNameIsPreserved() {
        let text = "Stayed at the Sandra Palace, Sandra Palace staff were kind"
        let result = TextFixtures.pseudonymiser.pseudonymise(text, preserving: ["Sandra Palace Hotel"])
        #expect(result.text == text)
    }

    @Test func aPersonWhoSharesAWordOfThePremisesNameIsStillPseudonymised() {
        // Given a hotel named after a person and a member of staff of that name
        let text = "The George Hotel was fine but George on reception was rude. We would stay at the George again."
        // When it is pseudonymised with the premises' own name preserved
        let result = TextFixtures.pseudonymiser.pseudonymise(text, preserving: ["George Hotel"])
        // Then the name of the place stays and the man's name does not
        #expect(result.text.hasPrefix("The George Hotel was fine but [PERSON-"), "\(result.text)")
        #expect(result.text.hasSuffix("We would stay at the George again."), "\(result.text)")
        #expect(result.pii.map(\.type) == ["person"])
    }

    @Test func shortKeyIsRefusedWithAMessage() {
        #expect(throws: TextError.self) { try PseudonymKey(bytes: [1, 2, 3]) }
    }
}
