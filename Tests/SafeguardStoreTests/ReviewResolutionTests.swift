import Foundation
import SafeguardCore
import Testing
@testable import SafeguardStore

/// Reviews stored batch by batch, as `import reviews` stores them: each hotel is one premises
/// however many batches its reviews come in, and a run again stores nothing twice.
@Suite struct ReviewResolutionTests {
    static let day = CalendarDay(iso: "2024-05-01")

    static func review(_ id: Int, _ name: String, postcode: String = "FY1 2AB") -> ReviewRecord {
        ReviewRecord(
            sourceID: "\(id)", site: "booking.com", premisesName: name,
            address: "12 North Promenade, Blackpool \(postcode)", postcode: postcode, date: Self.day, rating: 4,
            text: "Room was fine", evidence: [])
    }

    @Test(arguments: StoreBackend.available) func eachHotelIsOnePremisesAcrossBatches(backend: StoreBackend) throws {
        // Given reviews of two hotels at one postcode and one elsewhere, in three batches of four
        let store = try backend.makeStore()
        let names = ["Grand Hotel Blackpool", "Sea View Guest House", "Grand Hotel Blackpool", "Harbour Inn"]
        let batches = (0..<3).map { batch in
            (0..<4).map { k in Self.review(batch * 4 + k, names[k], postcode: k == 3 ? "FY4 1BB" : "FY1 2AB") }
        }
        // When each batch is stored in turn
        var summary = ImportSummary()
        for batch in batches { summary.add(try store.saveReviews(batch)) }
        // Then there are three premises, and every review after a hotel's first is linked to it
        #expect(summary.new == 12)
        #expect(summary.linked == 9)
        #expect(try store.tableCounts()["entity"] == 3)
        // And storing the same batches again changes nothing
        var again = ImportSummary()
        for batch in batches { again.add(try store.saveReviews(batch)) }
        #expect(again.unchanged == 12 && again.new == 0 && again.linked == 0)
        #expect(try store.tableCounts()["entity"] == 3)
    }
}
