import Foundation
import SafeguardCore
import Testing
@testable import SafeguardImport

/// Small FHRS extracts cut from the real ones (see Fixtures/fhrs/README.md; Open Government Licence v3.0).
let fhrsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/fhrs").standardized

func readFHRS(bytes: [UInt8]) -> (records: [FHRSEstablishment], issues: [ImportIssue], error: ImportError?) {
    var records: [FHRSEstablishment] = []
    var issues: [ImportIssue] = []
    do {
        try FHRSReader().read(bytes: bytes, name: "test.xml", onIssue: { issues.append($0) }) { records.append($0) }
        return (records, issues, nil)
    } catch {
        if ProcessInfo.processInfo.environment["SHOW_ERRORS"] != nil { print("ERR", error) }
        return (records, issues, error as? ImportError)
    }
}

let header = """
    <?xml version="1.0"?><FHRSEstablishment xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\
    <Header><ExtractDate>2020-11-10</ExtractDate><ItemCount>2</ItemCount></Header><EstablishmentCollection>
    """
let record1 = """
    <EstablishmentDetail><FHRSID>1</FHRSID><BusinessName>Sea View B&amp;B</BusinessName>\
    <BusinessTypeID>1</BusinessTypeID><RatingValue>Exempt</RatingValue><RatingDate xsi:nil="true" />\
    <Scores /><Geocode /></EstablishmentDetail>
    """
let record2 = """
    <EstablishmentDetail><FHRSID>2</FHRSID><BusinessName>The Grand</BusinessName><BusinessTypeID>7842</BusinessTypeID>\
    <AddressLine1>1 Promenade</AddressLine1><PostCode>FY1 1AA</PostCode><RatingValue>5</RatingValue>\
    <RatingDate>2019-12-19</RatingDate><Scores><Hygiene>5</Hygiene></Scores>\
    <Geocode><Longitude>-3.05</Longitude><Latitude>53.8</Latitude></Geocode></EstablishmentDetail>
    """
let footer = "</EstablishmentCollection></FHRSEstablishment>"

@Suite struct FHRSReaderTests {
    @Test(arguments: [
        ("FHRS508en-GB.xml", 32, 8, "2020-11-10"), ("FHRS898en-GB.xml", 33, 14, "2020-11-11"),
        ("FHRS407en-GB.xml", 32, 9, "2020-11-13"),
    ])
    func readsEveryRealEstablishment(file: String, count: Int, hotels: Int, extract: String) throws {
        var records: [FHRSEstablishment] = []
        var issues: [ImportIssue] = []
        let result = try FHRSReader().read(
            path: fhrsDirectory.appendingPathComponent(file).path, onIssue: { issues.append($0) }
        ) { records.append($0) }
        #expect(records.count == count)
        #expect(result.itemCount == count)
        #expect(result.extractDate == CalendarDay(iso: extract))
        #expect(records.filter { $0.hotelBasis == .businessType }.count == hotels)
        #expect(issues.filter { $0.severity == .rejected }.isEmpty)
        #expect(Set(records.map(\.fhrsID)).count == count)
    }

    @Test func mapsNilDatesEmptyScoresAndTextRatings() throws {
        let outcome = readFHRS(bytes: Array((header + record1 + record2 + footer).utf8))
        #expect(outcome.error == nil)
        let first = try #require(outcome.records.first)
        #expect(first.name == "Sea View B&B")
        #expect(first.ratingValue == "Exempt")
        #expect(first.ratingDate == nil)
        #expect(first.hygieneScore == nil)
        #expect(first.postcode == nil)
        #expect(first.addressLines.isEmpty)
        #expect(first.hotelBasis == .nameFallback)
        let second = outcome.records[1]
        #expect(second.hotelBasis == .businessType)
        #expect(second.ratingDate == CalendarDay(iso: "2019-12-19"))
        #expect(second.hygieneScore == 5)
        #expect(second.latitude == 53.8)
    }

    @Test func truncatedDocumentKeepsEarlierRecordsAndNamesTheElement() throws {
        let text = header + record1 + record2 + footer
        let cut = Array(text.utf8.prefix(header.utf8.count + record1.utf8.count + 60))
        let outcome = readFHRS(bytes: cut)
        #expect(outcome.records.map(\.fhrsID) == [1])
        let error = try #require(outcome.error)
        #expect(error.code == "xml.truncated")
        #expect(error.line != nil)
        #expect(error.element != nil)
        #expect(error.recordsBefore == 1)
        #expect(error.description.contains("test.xml"))
    }

    @Test func externalEntityIsRefused() throws {
        let xxe = """
            <?xml version="1.0"?><!DOCTYPE FHRSEstablishment [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <FHRSEstablishment><EstablishmentCollection><EstablishmentDetail><FHRSID>1</FHRSID>
            <BusinessName>&xxe;</BusinessName></EstablishmentDetail></EstablishmentCollection></FHRSEstablishment>
            """
        let outcome = readFHRS(bytes: Array(xxe.utf8))
        #expect(outcome.records.isEmpty)
        #expect(outcome.error?.code == "xml.doctype")
        #expect(outcome.error?.line != nil)
    }

    @Test func billionLaughsIsRefused() throws {
        var entities = "<!ENTITY lol0 \"lol\">"
        for level in 1...9 {
            entities += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">"
        }
        let bomb = """
            <?xml version="1.0"?><!DOCTYPE FHRSEstablishment [\(entities)]>
            <FHRSEstablishment><EstablishmentCollection><EstablishmentDetail><FHRSID>1</FHRSID>
            <BusinessName>&lol9;</BusinessName></EstablishmentDetail></EstablishmentCollection></FHRSEstablishment>
            """
        let outcome = readFHRS(bytes: Array(bomb.utf8))
        #expect(outcome.records.isEmpty)
        #expect(["xml.doctype", "xml.entities"].contains(outcome.error?.code ?? ""))
        #expect(outcome.error?.description.contains("entit") == true)
    }

    @Test func fieldNestedInItselfOrRepeatedDoesNotTrap() throws {
        // Found by FuzzXML: a field element opened again before it closed trapped on a bad range.
        let odd = """
            <EstablishmentDetail><FHRSID>7</FHRSID><BusinessName>A<BusinessName>B</BusinessName>C</BusinessName>\
            <BusinessName>D</BusinessName><PostCode>FY1<PostCode>1AA</PostCode></PostCode></EstablishmentDetail>
            """
        let outcome = readFHRS(bytes: Array((header + odd + footer).utf8))
        #expect(outcome.records.map(\.fhrsID) == [7])
        #expect(outcome.records.first?.name.hasSuffix("D") == true)
        let crash = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Fuzz/corpus/xml/regression-nested-field.xml")
        _ = readFHRS(bytes: Array(try Data(contentsOf: crash)))
    }

    @Test func deepNestingIsRefused() throws {
        let deep = "<FHRSEstablishment>" + String(repeating: "<a>", count: 100) + String(repeating: "</a>", count: 100)
            + "</FHRSEstablishment>"
        #expect(readFHRS(bytes: Array(deep.utf8)).error?.code == "xml.depth")
    }

    @Test func invalidUTF8IsAnErrorWithALine() throws {
        // Given many good records (libxml2 reads ahead in chunks) and then a Latin-1 byte,
        var bytes = Array(header.utf8)
        for id in 1...400 {
            bytes += Array(record1.replacingOccurrences(of: "<FHRSID>1<", with: "<FHRSID>\(id)<").utf8)
        }
        bytes += Array("<EstablishmentDetail><FHRSID>9999</FHRSID><BusinessName>Caf".utf8) + [0xE9, 0x20]
        bytes += Array("</BusinessName></EstablishmentDetail>\(footer)".utf8)
        let outcome = readFHRS(bytes: bytes)
        // then the good records before it are kept and the error names the encoding.
        #expect(outcome.records.count >= 390)
        #expect(!outcome.records.contains { $0.fhrsID == 9999 })
        #expect(outcome.error?.code == "xml.malformed")
        #expect(outcome.error?.description.contains("UTF-8") == true)
    }

    @Test func recordWithoutIDIsRejectedOthersKept() throws {
        let bad = "<EstablishmentDetail><FHRSID>x1</FHRSID><BusinessName>A</BusinessName></EstablishmentDetail>"
        let outcome = readFHRS(bytes: Array((header + bad + record2 + footer).utf8))
        #expect(outcome.records.map(\.fhrsID) == [2])
        let rejected = outcome.issues.filter { $0.severity == .rejected }
        #expect(rejected.count == 1)
        #expect(rejected.first?.field == "FHRSID")
        #expect(rejected.first?.record == 1)
    }

    @Test func missingFileSaysSo() throws {
        #expect {
            try FHRSReader().read(path: "/nonexistent/feed.xml", onIssue: { _ in }) { _ in }
        } throws: { error in
            (error as? ImportError)?.code == "file.missing"
        }
    }

    @Test func otherXMLIsNotMistakenForFHRS() throws {
        #expect(readFHRS(bytes: Array("<rss><channel/></rss>".utf8)).error?.code == "fhrs.root")
    }
}

@Suite struct FHRSIntegerTests {
    @Test(arguments: [
        "0", "7842", "-5", "+12", "007", "", "-", "+", "12a", " 1", "1.5", "9223372036854775807",
        "9223372036854775808", "-9223372036854775808", "-9223372036854775809", "١٢",
    ])
    func parsesLikeIntFromString(text: String) {
        let parsed = Array(text.utf8).withUnsafeBufferPointer { FHRSReader.integer($0) }
        #expect(parsed == Int(text))
    }
}
