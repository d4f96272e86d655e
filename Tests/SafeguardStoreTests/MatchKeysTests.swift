import Foundation
import SafeguardCore
import SafeguardImport
import Testing
@testable import SafeguardStore

@Suite struct MatchKeysTests {
    static let tricky = [
        "The Grand Hotel", "THE GRAND HOTEL LTD", "The Ltd", "the", "The The", "Grand Hotel Limited Ltd",
        "King's Arms", "Fish & Chips PLC", "&", "  Sea   View  B&B ", "The Old Bell (Ltd)", "LLP", "Royal Oak llp",
        "12a High Street", "Flat 3, 221B Baker Street", "Unit 123456 Road", "'12' Quay", "Café Rouge",
        "Zoë's Kitchen", "", "--", "The-Lodge", "99 Problems Ltd",
    ]

    @Test func asciiPathGivesTheSameKeysAsTheWordPath() throws {
        // Every business name and address line of the FHRS fixtures (cut from the real extracts), and awkward cases.
        var texts = Self.tricky
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../SafeguardImportTests/Fixtures/fhrs").standardized
        for file in try FileManager.default.contentsOfDirectory(atPath: directory.path) where file.hasSuffix(".xml") {
            try FHRSReader().read(path: directory.appendingPathComponent(file).path, onIssue: { _ in }) { record in
                texts.append(record.name)
                texts.append(record.addressLines.joined(separator: ", "))
            }
        }
        #expect(texts.count == Self.tricky.count + 2 * 97)
        for text in texts {
            #expect(MatchKeys.name(text) == MatchKeys.nameByWords(text), "name key of '\(text)'")
            #expect(MatchKeys.houseNumber(text) == MatchKeys.houseNumberByWords(text), "house number of '\(text)'")
        }
        #expect(MatchKeys.name("THE GRAND HOTEL LTD") == "grand hotel")
        #expect(MatchKeys.name("Fish & Chips PLC") == "fish and chips")
        #expect(MatchKeys.houseNumber("Flat 3, 221B Baker Street") == "3")
        #expect(MatchKeys.houseNumber("Unit 123456 Road") == nil)
    }
}
