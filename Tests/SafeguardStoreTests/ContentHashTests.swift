import Foundation
import SafeguardCore
import SafeguardImport
import Testing
@testable import SafeguardStore

@Suite struct ContentHashTests {
    /// The content hash as earlier versions computed it, field by field from `String`s. Databases
    /// written by them hold these values, so the row-based hash must give the same ones.
    static func legacyHash(_ establishment: FHRSEstablishment) -> Int64 {
        var hasher = ContentHash()
        hasher.add(establishment.fhrsID)
        hasher.add(establishment.localAuthorityBusinessID)
        hasher.add(establishment.name)
        hasher.add(establishment.businessType)
        hasher.add(establishment.businessTypeID)
        hasher.add(establishment.addressLines.joined(separator: "\n"))
        hasher.add(establishment.postcode)
        hasher.add(establishment.ratingValue)
        hasher.add(establishment.ratingKey)
        hasher.add(establishment.ratingDate?.description)
        hasher.add(establishment.localAuthorityCode)
        hasher.add(establishment.localAuthorityName)
        hasher.add(establishment.hygieneScore)
        hasher.add(establishment.structuralScore)
        hasher.add(establishment.confidenceInManagementScore)
        hasher.add(establishment.schemeType)
        hasher.add(establishment.newRatingPending)
        hasher.add(establishment.longitude)
        hasher.add(establishment.latitude)
        hasher.add(establishment.rightToReply)
        return hasher.int64
    }

    @Test func rowHashEqualsTheEarlierStringHashOnTheRealFeedFixtures() throws {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../SafeguardImportTests/Fixtures/fhrs").standardized
        var checked = 0
        for file in try FileManager.default.contentsOfDirectory(atPath: directory.path) where file.hasSuffix(".xml") {
            try FHRSReader().readRows(path: directory.appendingPathComponent(file).path, onIssue: { _ in }) { row in
                let establishment = FHRSEstablishment(row)
                let hash = SQLiteStore.hash(row, ratingDate: row.ratingDate?.description)
                #expect(hash == Self.legacyHash(establishment), "FHRSID \(row.fhrsID)")
                // The row made from the value type is the same row.
                let again = FHRSRow(establishment)
                #expect(SQLiteStore.hash(again, ratingDate: again.ratingDate?.description) == hash)
                #expect(FHRSEstablishment(FHRSRow(establishment)) == establishment)
                checked += 1
            }
        }
        #expect(checked == 97)
        for establishment in [cafe, grandHotel] {
            let row = FHRSRow(establishment)
            #expect(SQLiteStore.hash(row, ratingDate: row.ratingDate?.description) == Self.legacyHash(establishment))
        }
    }
}
