import Foundation
import SafeguardCore
import Testing
@testable import SafeguardStore

/// The review hash written without `JSONEncoder` is the hash already stored for every review:
/// were it to differ, re-importing a file would find all its reviews "updated".
@Suite struct ReviewContentHashTests {
    static let day = CalendarDay(iso: "2017-08-03")

    static let texts = [
        "", "Room was fine", "He said \"cash only\"", "back\\slash and a/slash http://x.y/z", "[PERSON-1a2b3c4d] paid cash",
        "tab\there", "line\nbreak", "café", "Nkechi’s brother", "emoji 🙂", "del\u{7F}", "{\"json\": [1, 2]}",
    ]

    static let ratings: [Double?] = [nil, 0, 1, 2.5, 7.9, 8.3, 9.583, 10, 0.1, 1e-7, 123456.75, -3]

    static func review(text: String, rating: Double?, evidence: Bool, optionals: Bool) -> ReviewRecord {
        ReviewRecord(
            sourceID: "42", site: "booking.com", premisesName: "Britannia International Hotel Canary Wharf",
            address: optionals ? "163 Marsh Wall Docklands London E14 9SJ United Kingdom" : nil,
            postcode: optionals ? "E14 9SJ" : nil, date: optionals ? Self.day : nil, rating: rating, text: text,
            evidence: evidence
                ? [
                    Evidence(sign: "cash-payment", source: .review, sourceID: "42", date: Self.day, snippet: text, origin: "booking.com"),
                    Evidence(sign: "no-id-check", source: .review, sourceID: "42", date: nil, snippet: "no ID", origin: nil),
                ] : [])
    }

    @Test(arguments: texts) func sameHashAsTheJSONEncoding(text: String) {
        for rating in Self.ratings {
            for evidence in [false, true] {
                for optionals in [false, true] {
                    let review = Self.review(text: text, rating: rating, evidence: evidence, optionals: optionals)
                    #expect(SQLiteStore.contentHash(of: review) == SQLiteStore.hash(of: review), "\(text) \(String(describing: rating))")
                }
            }
        }
    }

    @Test func plainReviewsTakeTheDirectWriter() throws {
        // Given printable-ASCII reviews with and without evidence and optional fields
        for optionals in [false, true] {
            let review = Self.review(text: "He said \"cash only\" at 3/4 past", rating: 7.9, evidence: true, optionals: optionals)
            // When the direct writer writes one
            var json = ReviewJSON()
            let written = json.write(review)
            #expect(written)
            // Then its bytes are JSONEncoder's, sorted keys and all
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            #expect(String(decoding: json.bytes, as: UTF8.self) == String(decoding: try encoder.encode(review), as: UTF8.self))
        }
    }
}
