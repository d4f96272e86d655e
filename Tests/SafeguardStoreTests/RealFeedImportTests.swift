import Foundation
import SafeguardCore
import SafeguardImport
import Testing
@testable import SafeguardStore

/// The FHRS fixtures cut from the real extracts (Tests/SafeguardImportTests/Fixtures/fhrs/README.md).
let fhrsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../SafeguardImportTests/Fixtures/fhrs").standardized

/// Imports an FHRS file in batches, as `safeguard import fhrs` does; `stopAfter` abandons the
/// import after that many records, like a process killed mid-batch.
@discardableResult
func importFHRS(
    _ file: String, into store: SQLiteStore, batchSize: Int = 500, stopAfter: Int? = nil
) throws -> ImportSummary {
    struct Killed: Error {}
    var summary = ImportSummary()
    var batch: [FHRSEstablishment] = []
    var seen = 0
    do {
        let result = try FHRSReader().read(
            path: fhrsDirectory.appendingPathComponent(file).path, onIssue: { _ in }
        ) { establishment in
            seen += 1
            if let stopAfter, seen > stopAfter { throw Killed() }
            batch.append(establishment)
            if batch.count == batchSize {
                summary.add(try store.recordEstablishments(batch, extractDate: CalendarDay(iso: "2020-11-11")))
                batch.removeAll()
            }
        }
        _ = result
    } catch is Killed {
        return summary  // the unsaved part of the batch dies with the process
    }
    summary.add(try store.recordEstablishments(batch, extractDate: CalendarDay(iso: "2020-11-11")))
    return summary
}

@Suite struct RealFeedImportTests {
    @Test(arguments: [("FHRS508en-GB.xml", 32, 8), ("FHRS898en-GB.xml", 33, 14), ("FHRS407en-GB.xml", 32, 9)])
    func storesEveryEstablishmentOfTheRealFiles(file: String, count: Int, hotels: Int) throws {
        let store = try temporaryStore()
        let summary = try importFHRS(file, into: store)
        #expect(summary.new == count)
        #expect(summary.hotels == hotels)
        #expect(try store.tableCounts()["fhrs_establishment"] == count)
        #expect(try store.hotels().filter { $0.hotelBasis == .businessType }.count == hotels)
        // FHRS records never wait for review against each other.
        #expect(try store.pendingLinks().isEmpty)
        let again = try importFHRS(file, into: store)
        #expect(again.unchanged == count)
        #expect(try store.tableCounts()["fhrs_establishment"] == count)
    }

    @Test func killedImportReRunEndsWithTheSameDatabase() throws {
        // Given an uninterrupted import of Blackpool and a licence register,
        let reference = try temporaryStore()
        try importFHRS("FHRS898en-GB.xml", into: reference, batchSize: 6)
        // when another import is killed part-way (mid-batch) and a third one fails inside a transaction,
        let store = try temporaryStore()
        try importFHRS("FHRS898en-GB.xml", into: store, batchSize: 6, stopAfter: 20)
        #expect(try store.tableCounts()["fhrs_establishment"] == 18)
        store.faults.fail(after: 3)
        #expect(throws: StoreError.self) { try importFHRS("FHRS898en-GB.xml", into: store, batchSize: 6) }
        #expect(try store.tableCounts()["fhrs_establishment"] == 18)
        // then re-running completes it with no duplicates and exactly the reference content.
        let rerun = try importFHRS("FHRS898en-GB.xml", into: store, batchSize: 6)
        #expect(rerun.unchanged == 18)
        #expect(rerun.new == 15)
        #expect(try store.canonicalDump() == reference.canonicalDump())
    }

    @Test func killedFirstImportWithDeferredIndexesIsCompletedByARerun() throws {
        func indexes(_ store: SQLiteStore) throws -> [String] {
            try store.writer.read { db in
                try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name")
            }
        }
        // Given a first import into an empty store run to its end, as `safeguard import fhrs` does it,
        let reference = try temporaryStore()
        #expect(try reference.beginBulkLoad())
        try importFHRS("FHRS898en-GB.xml", into: reference, batchSize: 6)
        try reference.restoreIndexes()
        // when another first import dies part-way, its indexes still dropped,
        let store = try temporaryStore()
        #expect(try store.beginBulkLoad())
        try importFHRS("FHRS898en-GB.xml", into: store, batchSize: 6, stopAfter: 20)
        #expect(try indexes(store) != indexes(reference))
        // then the next command's open rebuilds them, its import is an ordinary one, and the store
        // ends with exactly the reference rows and indexes.
        let reopened = try SQLiteStore(path: store.path)
        #expect(try !reopened.beginBulkLoad())
        let rerun = try importFHRS("FHRS898en-GB.xml", into: reopened, batchSize: 6)
        #expect(rerun.unchanged == 18)
        #expect(rerun.new == 15)
        #expect(try reopened.canonicalDump() == reference.canonicalDump())
        #expect(try indexes(reopened) == indexes(reference))
    }

    @Test func realHotelAndItsLicenceBecomeOneEntity() throws {
        // Given the Blackpool FHRS extract,
        let store = try temporaryStore()
        try importFHRS("FHRS898en-GB.xml", into: store)
        let hotel = try #require(try store.hotels().first { $0.postcode != nil && $0.establishment.addressLines.count > 0 })
        // when the licence register lists it under a variant name ("The … Ltd") with a lower-case postcode,
        let csv = """
            ExtractDate,OrganisationLabel,CaseReference,CaseDate,PremisesName,LocationText,Postcode,StatusLabel
            2023-04-01,Blackpool,PL/2019/0001,2019-01-01,"The \(hotel.name) Ltd","\(hotel.establishment.addressLines[0])",\
            \(hotel.postcode!.lowercased()),Granted
            2023-04-01,Blackpool,PL/2019/0001,2021-06-01,"The \(hotel.name) Ltd","\(hotel.establishment.addressLines[0])",\
            \(hotel.postcode!.lowercased()),Suspended
            """
        var events: [PremisesLicenceEvent] = []
        try CSVImporter.read(bytes: Array(csv.utf8), name: "register.csv", profile: PremisesLicenceProfile(),
            onIssue: { _ in }) { events.append($0) }
        let summary = try store.recordLicenceEvents(events)
        // then both rows join the FHRS hotel's entity, and its latest status is the one shown.
        #expect(summary.linked == 1)
        #expect(summary.new == 1)
        #expect(summary.updated == 1)
        let linked = try #require(try store.hotels().first { $0.establishment.fhrsID == hotel.establishment.fhrsID })
        #expect(linked.entityID == hotel.entityID)
        #expect(linked.licences.count == 1)
        #expect(linked.licences.first?.events == 2)
        #expect(linked.licenceStatus == "Suspended")
        #expect(try store.recordLicenceEvents(events).unchanged == 2)
    }
}
