import Foundation
import SafeguardCore
import SafeguardStore
import Testing
@testable import SafeguardText

@Suite struct ReviewImportTests {
    /// Rows of the real Booking.com file (CC0), cut down: see Fixtures/reviews/README.md.
    static let bookingFile = TextFixtures.repositoryRoot
        .appendingPathComponent("Tests/SafeguardTextTests/Fixtures/reviews/booking-hotel-reviews.csv")

    /// Every byte the database left on disk (main file, WAL, shared memory).
    static func databaseBytes(_ path: String) -> Data {
        var all = Data()
        for suffix in ["", "-wal", "-shm", "-journal"] {
            if let data = FileManager.default.contents(atPath: path + suffix) { all.append(data) }
        }
        return all
    }

    static func temporaryDatabase() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("safeguard-text-\(UUID().uuidString).sqlite").path
    }

    @Test func readsTheBookingLayout() throws {
        let csv = """
            Hotel_Address,Additional_Number_of_Scoring,Review_Date,Average_Score,Hotel_Name,Reviewer_Nationality,Negative_Review,Review_Total_Negative_Word_Counts,Total_Number_of_Reviews,Positive_Review,Review_Total_Positive_Word_Counts,Total_Number_of_Reviews_Reviewer_Has_Given,Reviewer_Score,Tags,days_since_review,lat,lng
            "163 Marsh Wall Docklands Tower Hamlets London E14 9SJ United Kingdom","1","8/3/2017","7.1","Britannia International Hotel Canary Wharf"," United Kingdom ","No Negative","0","9086","Maria on reception was lovely","5","1","9.2","[' Leisure trip ']","0 days","51.5","-0.02"
            "163 Marsh Wall Docklands Tower Hamlets London E14 9SJ United Kingdom","1","13/45/2017","7.1","Britannia International Hotel Canary Wharf"," UK ","Noisy","1","9086","No Positive","0","1","5","[]","0 days","51.5","-0.02"

            """
        var bytes = Array(csv.utf8)
        let (reviews, issues) = bytes.withUnsafeMutableBufferPointer { ReviewFileReader.readCSV(UnsafeBufferPointer($0), file: "b.csv") }
        let review = try #require(reviews.first)
        #expect(reviews.count == 1)
        #expect(review.id == "1")
        #expect(review.text == "Maria on reception was lovely")
        #expect(review.date == CalendarDay(year: 2017, month: 8, day: 3))
        #expect(review.postcode == "E14 9SJ")
        #expect(review.site == "booking.com")
        let issue = try #require(issues.first)
        #expect(issue.field == "Review_Date" && issue.line == 3)
    }

    @Test func storedReviewsHoldNoNamesFromTheInput() throws {
        // Given reviews that name staff and give a phone number
        let csv = """
            id,premises_name,address,postcode,site,date,rating,text
            r1,Seaview Hotel,1 Front Street,CV1 1AA,tripadvisor,2025-02-01,3,"Maria on reception was rude and Mr Kowalski the manager gave me 07700 900123"
            r2,Seaview Hotel,1 Front Street,CV1 1AA,tripadvisor,2025-02-02,2,"Nobody asked for ID, Ahmed said it was cash only. Email ahmed.k@example.com"
            r3,Seaview Hotel,1 Front Street,CV1 1AA,tripadvisor,not-a-date,2,"Priya checked us in"
            """
        var bytes = Array(csv.utf8)
        let (inputs, issues) = bytes.withUnsafeMutableBufferPointer { ReviewFileReader.readCSV(UnsafeBufferPointer($0), file: "r.csv") }
        #expect(inputs.count == 2 && issues.count == 1)
        let builder = TextRecordBuilder(analyser: TextFixtures.analyser)
        let records = inputs.map(builder.review)
        // When they are saved
        let path = Self.temporaryDatabase()
        defer { for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + s) } }
        let store = try SQLiteStore(path: path)
        let summary = try store.saveReviews(records)
        #expect(summary.new == 2)
        // Then the file holds the evidence but none of the personal data
        let data = Self.databaseBytes(path)
        for secret in ["Maria", "Kowalski", "07700 900123", "Ahmed", "ahmed.k@example.com"] {
            #expect(data.range(of: Data(secret.utf8)) == nil, "\(secret) found in the database file")
        }
        #expect(data.range(of: Data("Seaview Hotel".utf8)) != nil)
        #expect(records[1].evidence.map(\.sign).sorted() == ["cash-only", "no-id-check"])
    }

    @Test func realBookingFileStoresNoStaffNames() throws {
        // Given the real Booking.com file, whose reviews name staff
        let data = try Data(contentsOf: Self.bookingFile)
        let (inputs, issues) = data.withUnsafeBytes { ReviewFileReader.readCSV($0.bindMemory(to: UInt8.self), file: "booking") }
        #expect(inputs.count == 18 && issues.isEmpty)
        let names = ["Abdul", "Nils", "Natalie", "Melinda", "Natalia", "Christina"]
        for name in names { #expect(inputs.contains { $0.text.contains(name) }, "\(name) not in the input") }
        // When it is imported
        let builder = TextRecordBuilder(analyser: TextFixtures.analyser)
        let path = Self.temporaryDatabase()
        defer { for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + s) } }
        let store = try SQLiteStore(path: path)
        _ = try store.saveReviews(inputs.map(builder.review))
        // Then none of those names is anywhere in the database file
        let stored = Self.databaseBytes(path)
        for name in names { #expect(stored.range(of: Data(name.utf8)) == nil, "\(name) found in the database file") }
    }

    @Test func reviewsInABatchAreRecordedAsOneByOne() throws {
        // Given the real Booking.com rows and reviews whose premises' name looks like a person's
        let data = try Data(contentsOf: Self.bookingFile)
        var (inputs, _) = data.withUnsafeBytes { ReviewFileReader.readCSV($0.bindMemory(to: UInt8.self), file: "booking") }
        let csv = """
            id,premises_name,address,postcode,site,date,rating,text
            r1,Maria Hotel,1 Front Street,CV1 1AA,tripadvisor,2025-02-01,3,"Maria Hotel was filthy and Maria on reception asked for cash only"
            r2,Seaview Hotel,1 Front Street,CV1 1AA,tripadvisor,2025-02-02,2,"Maria Hotel next door is better; Ahmed said nobody checks ID"
            """
        var bytes = Array(csv.utf8)
        inputs += bytes.withUnsafeMutableBufferPointer { ReviewFileReader.readCSV(UnsafeBufferPointer($0), file: "r.csv").0 }
        let builder = TextRecordBuilder(analyser: TextFixtures.analyser)
        // When they are recorded as one batch (as `import reviews` does)
        let batch = builder.reviews(inputs)
        // Then each record is the one the review gets on its own, its own premises' name kept
        #expect(batch.count == inputs.count)
        for (input, record) in zip(inputs, batch) {
            #expect(record == builder.review(input), "batch changed the record of review \(input.id)")
        }
        let own = try #require(batch.first { $0.sourceID == "r1" })
        let other = try #require(batch.first { $0.sourceID == "r2" })
        #expect(own.text.hasPrefix("Maria Hotel was filthy") && !own.text.contains("Maria on"))
        #expect(!other.text.contains("Ahmed"))
    }
}
