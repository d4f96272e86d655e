import Foundation
import Testing
@testable import SafeguardCorpus

/// A small corpus (every planted pattern, fewer ordinary records) written once per test.
private func smallCorpus(seed: UInt64 = 7) throws -> (URL, CorpusManifest) {
    var generator = CorpusGenerator(seed: seed, scale: 1)
    generator.counts.otherBusinesses = 200
    generator.counts.reviews = 3_000
    generator.counts.premisesLicences = 150
    generator.counts.drivers = 300
    generator.counts.vehicles = 200
    let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("corpus-test-\(UUID().uuidString)")
    let manifest = try generator.write(to: directory)
    return (directory, manifest)
}

private func read(_ directory: URL, _ path: String) throws -> String {
    try String(contentsOf: directory.appendingPathComponent(path), encoding: .utf8)
}

/// Minimal RFC 4180 reader for the tests (quoted fields, doubled quotes, embedded newlines).
func parseCSV(_ text: String) -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var quoted = false
    var iterator = Array(text).makeIterator()
    var pending: Character? = nil
    while let character = pending ?? iterator.next() {
        pending = nil
        if quoted {
            if character == "\"" {
                if let next = iterator.next() {
                    if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
                } else { quoted = false }
            } else { field.append(character) }
        } else if character == "\"" {
            quoted = true
        } else if character == "," {
            row.append(field); field = ""
        } else if character == "\n" {
            row.append(field); rows.append(row); row = []; field = ""
        } else {
            field.append(character)
        }
    }
    if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
    return rows
}

@Test func sameSeedGivesIdenticalFiles() throws {
    // Given two corpora from the same seed, and one from another seed
    let (first, _) = try smallCorpus(seed: 11)
    let (second, _) = try smallCorpus(seed: 11)
    let (other, _) = try smallCorpus(seed: 12)
    defer { for url in [first, second, other] { try? FileManager.default.removeItem(at: url) } }
    // Then every file is byte-identical for the same seed and the reviews differ for another
    for path in [CorpusGenerator.Layout.fhrs, CorpusGenerator.Layout.reviews, CorpusGenerator.Layout.reports,
                 CorpusGenerator.Layout.intelligence, CorpusGenerator.Layout.drivers, CorpusGenerator.Layout.licences,
                 CorpusGenerator.Layout.manifest] {
        #expect(try read(first, path) == read(second, path), "\(path) differs between runs with one seed")
    }
    #expect(try read(first, CorpusGenerator.Layout.reviews) != read(other, CorpusGenerator.Layout.reviews))
}

@Test func fhrsFileHasTheFeedStructure() throws {
    let (directory, manifest) = try smallCorpus()
    defer { try? FileManager.default.removeItem(at: directory) }
    let xml = try read(directory, CorpusGenerator.Layout.fhrs)
    #expect(xml.hasPrefix("<?xml version=\"1.0\"?><FHRSEstablishment xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><Header><ExtractDate>2026-11-01</ExtractDate><ItemCount>500</ItemCount>"))
    #expect(xml.components(separatedBy: "<EstablishmentDetail>").count - 1 == 500)
    #expect(xml.components(separatedBy: "<BusinessTypeID>7842</BusinessTypeID>").count - 1 == manifest.hotelCount)
    #expect(xml.contains("<BusinessType>Hotel/bed &amp; breakfast/guest house</BusinessType>"))
    #expect(xml.contains("<Geocode><Longitude>-2."))
    #expect(xml.hasSuffix("</EstablishmentCollection></FHRSEstablishment>"))
    #expect(!xml.contains("\n"), "the FSA files are a single line")
}

@Test func plantedHotelsCarryTheirSignsInReviewsReportsAndIntelligence() throws {
    let (directory, manifest) = try smallCorpus()
    defer { try? FileManager.default.removeItem(at: directory) }
    let reviews = parseCSV(try read(directory, CorpusGenerator.Layout.reviews))
    #expect(reviews.first == CorpusGenerator.reviewColumns)
    let reports = try read(directory, CorpusGenerator.Layout.reports).split(separator: "\n")
    let intelligence = parseCSV(try read(directory, CorpusGenerator.Layout.intelligence))
    let planted = manifest.hotels(.planted)
    #expect(planted.count == 5)
    for hotel in planted {
        let own = reviews.dropFirst().filter { $0[1] == hotel.name && $0[3] == hotel.postcode }
        let months = Set(own.filter { Int($0[6])! <= 5 }.map { $0[5].prefix(7) })
        #expect(months.count >= 4, "\(hotel.name): planted signs should recur across months")
        #expect(reports.contains { $0.contains("\"premises\": \"\(hotel.name)\"") }, "\(hotel.name) has a report")
        #expect(intelligence.contains { $0.count > 3 && $0[3] == hotel.name }, "\(hotel.name) has intelligence")
        for sign in hotel.signs {
            let phrases = ReviewPhrasebook.signSentences[sign] ?? []
            #expect(own.contains { row in phrases.contains { row[7].lowercased().contains($0.lowercased()) } },
                    "\(hotel.name): no review carries \(sign)")
        }
    }
    // A rant hotel has exactly one review with concern words.
    for hotel in manifest.hotels(.rant) {
        let rants = reviews.filter { $0[1] == hotel.name && $0[7].contains("Worst hotel I have ever stayed in") }
        #expect(rants.count == 1)
    }
}

@Test func taxiRegisterCarriesPlantedGaps() throws {
    let (directory, manifest) = try smallCorpus()
    defer { try? FileManager.default.removeItem(at: directory) }
    let drivers = parseCSV(try read(directory, CorpusGenerator.Layout.drivers))
    #expect(drivers.first == CorpusGenerator.driverColumns)
    let byNumber = Dictionary(uniqueKeysWithValues: drivers.dropFirst().map { ($0[0], $0) })
    #expect(Set(manifest.plantedDrivers.map(\.gap)) == Set(CorpusGenerator.driverGaps))
    for planted in manifest.plantedDrivers {
        let row = try #require(byNumber[planted.licenceNumber])
        switch planted.gap {
        case "revoked-sexual-offence":
            #expect(row[7] == "revoked" && !row[16].isEmpty)
        case "licensed-elsewhere":
            #expect(row[4] != "Kelverton Borough Council")
        case "no-safeguarding-training":
            #expect(row[13].isEmpty)
        case "dbs-expired":
            #expect(row[9] == "no" && row[8] < "2023-11-01")
        default:
            break
        }
    }
}

@Test func applicationsAreStatutoryForms() throws {
    let (directory, manifest) = try smallCorpus()
    defer { try? FileManager.default.removeItem(at: directory) }
    #expect(manifest.applications.count >= 9)
    for application in manifest.applications {
        let data = try Data(contentsOf: directory.appendingPathComponent(application.file))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["reference"] as? String == application.reference)
        let premises = try #require(object["premises"] as? [String: Any])
        #expect(premises["name"] as? String == application.premisesName)
        #expect(object["declarations"] is [String: Any])
    }
}
