import Foundation
import SafeguardCore
import Testing
@testable import SafeguardText

/// A review file read in chunks (as `import reviews` reads it) gives the same reviews and rejects
/// as the whole file read at once, wherever the chunks happen to end.
@Suite struct ReviewStreamReaderTests {
    /// Safeguard's review CSV with the awkward cases at every offset: CRLF line ends, a doubled
    /// quote, a line break inside quotes, a bad date and a row cut short.
    static let csv = "id,premises_name,address,postcode,site,date,rating,text\r\n"
        + "r1,Seaview Hotel,1 Front Street,CV1 1AA,tripadvisor,2025-02-01,3,\"He said \"\"cash only\"\"\"\r\n"
        + "r2,Seaview Hotel,1 Front Street,CV1 1AA,tripadvisor,2025-02-02,2,\"Nobody asked for ID,\nnot even once\"\r\n"
        + "r3,Seaview Hotel,1 Front Street,CV1 1AA,tripadvisor,not-a-date,2,Fine\r\n"
        + "\r\n"
        + "r4,Station Inn,4 Rail Road,CV2 2BB,tripadvisor,2025-03-01\r\n"
        + "r5,Station Inn,4 Rail Road,,tripadvisor,2025-03-02,8,\"Quiet\"\r"
        + "r6,Station Inn,4 Rail Road CV2 2BB,,,2025-03-03,,Clean"

    static func readInChunks(_ text: String, size: Int, format: ReviewStreamReader.Format) -> ReviewBatch {
        let bytes = Array(text.utf8)
        var reader = ReviewStreamReader(file: "r", format: format)
        var all = ReviewBatch()
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + size)
            let batch = bytes[start..<end].withUnsafeBufferPointer { reader.read($0) }
            all.reviews += batch.reviews
            all.issues += batch.issues
            start = end
        }
        let last = reader.finish()
        return ReviewBatch(reviews: all.reviews + last.reviews, issues: all.issues + last.issues)
    }

    @Test(arguments: [1, 2, 3, 5, 16, 97, 4096])
    func csvInChunksReadsAsTheWholeFile(size: Int) throws {
        // Given the whole file read at once
        var bytes = Array(Self.csv.utf8)
        let whole = bytes.withUnsafeMutableBufferPointer { ReviewFileReader.readCSV(UnsafeBufferPointer($0), file: "r") }
        #expect(whole.reviews.map(\.id) == ["r1", "r2", "r5", "r6"])
        #expect(whole.reviews[0].text == "He said \"cash only\"")
        #expect(whole.reviews[1].text == "Nobody asked for ID,\nnot even once")
        #expect(whole.reviews[3].postcode == "CV2 2BB")
        #expect(whole.issues.map(\.line) == [5, 7])
        #expect(whole.issues.map(\.field) == ["date", nil])
        #expect(whole.reviews.map(\.line) == [2, 3, 8, 9])
        // When it is read in chunks of `size` bytes
        let chunked = Self.readInChunks(Self.csv, size: size, format: .csv)
        // Then every review and every reject is the same, with the same line
        #expect(chunked.reviews == whole.reviews)
        #expect(chunked.issues == whole.issues)
    }

    @Test(arguments: [1, 7, 64])
    func bookingIdsCountDataRowsAcrossChunks(size: Int) throws {
        // Given the Booking.com layout, whose review id is the data row (rejected rows count too)
        let header = "Hotel_Name,Hotel_Address,Review_Date,Negative_Review,Positive_Review,Reviewer_Score\n"
        let row = "Britannia,163 Marsh Wall London E14 9SJ United Kingdom,8/3/2017,No Negative,Lovely,9\n"
        let text = header + row + "Britannia,163 Marsh Wall,13/45/2017,Noisy,No Positive,5\n" + row + row
        // When it is read in chunks
        let read = Self.readInChunks(text, size: size, format: .csv)
        // Then the ids are the data rows and the bad date is rejected at its line
        #expect(read.reviews.map(\.id) == ["1", "3", "4"])
        #expect(read.reviews.map(\.postcode) == ["E14 9SJ", "E14 9SJ", "E14 9SJ"])
        #expect(read.issues.map(\.line) == [3])
    }

    @Test func headerLackingColumnsRejectsTheFileOnce() {
        let read = Self.readInChunks("name,text\nSeaview,Fine\nStation,Quiet\n", size: 4, format: .csv)
        #expect(read.reviews.isEmpty)
        #expect(read.issues.count == 1 && read.issues[0].line == 1)
        #expect(read.issues[0].message.contains("header lacks id, premises_name, date"))
        let empty = Self.readInChunks("", size: 4, format: .csv)
        #expect(empty.issues.map(\.message) == ["the file is empty; expected a header row"])
    }

    @Test(arguments: [1, 3, 50])
    func jsonLinesInChunksKeepTheirLineNumbers(size: Int) {
        // Given JSON Lines with a blank line, a line that is not JSON, a CRLF line end and no final line end
        let text = """
            {"id": "r1", "premises_name": "Seaview Hotel", "postcode": "CV1 1AA", "date": "2025-02-01", "text": "Cash only"}

            not json
            {"id": "r2", "premises_name": "Seaview Hotel", "date": "2025-02-02", "rating": 4, "text": "Fine"}\r
            {"id": "r3", "premises_name": "Seaview Hotel", "date": "2025-02-03", "text": "Quiet"}
            """
        // When it is read in chunks
        let read = Self.readInChunks(text, size: size, format: .jsonl)
        // Then each review and reject carries its own line
        #expect(read.reviews.map(\.id) == ["r1", "r2", "r3"])
        #expect(read.reviews.map(\.line) == [1, 4, 5])
        #expect(read.reviews[1].rating == 4)
        #expect(read.issues.map(\.line) == [3])
    }

    @Test(arguments: [
        "", "   ", "\t x \t", "Cash only", " No Negative ", "\u{00A0}Quiet\u{00A0}", " \u{2009}Quiet", "Quiet \u{3000}",
        "café ", " über", "a\u{00A0}b", "\u{FEFF}id",
    ])
    func fieldsAreTrimmedAsFoundationTrimsThem(text: String) {
        #expect(text.trimmingWhitespace == text.trimmingCharacters(in: .whitespaces))
    }
}
