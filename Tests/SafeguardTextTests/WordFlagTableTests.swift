import Testing

@testable import SafeguardText

struct WordFlagTableTests {
    private func flags(_ table: WordFlagTable, _ word: String) -> WordFlagTable.Flags {
        let bytes = Array(word.utf8)
        return bytes.withUnsafeBufferPointer { table.flags(hash: ByteWordSet.hash($0, 0, $0.count)) }
    }

    @Test func aWordInSeveralListsCarriesEveryFlag() {
        var table = WordFlagTable()
        table.add(["grace", "maria"], .firstName)
        table.add(["grace", "kowalski"], .surname)
        table.add(["grace"], .common)
        #expect(self.flags(table, "grace") == [.firstName, .surname, .common])
        #expect(self.flags(table, "maria") == [.firstName])
        #expect(self.flags(table, "kowalski") == [.surname])
    }

    @Test func lookUpsFoldCaseLikeTheWordSets() {
        var table = WordFlagTable()
        table.add(["élodie"], .firstName)
        #expect(self.flags(table, "ÉLODIE") == [.firstName])
        #expect(self.flags(table, "Élodie") == [.firstName])
    }

    @Test func unknownWordsHaveNoFlagsEvenAfterTheTableGrows() {
        var table = WordFlagTable()
        let words = (0..<5_000).map { "name\($0)" }
        table.add(words, .surname)
        #expect(self.flags(table, "room").isEmpty)
        #expect(words.allSatisfy { self.flags(table, $0) == [.surname] })
    }

    @Test func theGazetteerTableAgreesWithItsLists() {
        let g = NameGazetteer(
            firstNames: ["Will", "Maria"], surnames: ["Nowak"], ordinaryWords: ["will"], commonWords: ["will"],
            places: ["Victoria"])
        let table = g.wordFlags
        #expect(self.flags(table, "Will") == [.firstName, .ordinary, .common])
        #expect(self.flags(table, "victoria") == [.place])
        #expect(self.flags(table, "Mr") == [.title])
        #expect(self.flags(table, "nowak") == [.surname])
    }
}
