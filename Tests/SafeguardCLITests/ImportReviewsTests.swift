import Foundation
import Testing

/// `safeguard import reviews` reads and stores a file in batches (issue 11 item 5): a file larger
/// than one batch stores every good review once and rejects every bad one with its line.
@Suite struct ImportReviewsTests {
    /// Seven reviews of two hotels; two are bad (a date that is not one, a row cut short) and one
    /// has a line break inside its quoted text.
    static let reviews = """
        id,premises_name,address,postcode,site,date,rating,text
        r1,Seaview Hotel,1 Front Street,CV1 1AA,tripadvisor,2025-02-01,3,"Nobody asked for ID at the desk"
        r2,Seaview Hotel,1 Front Street,CV1 1AA,tripadvisor,2025-02-02,2,"Cash only, they said"
        r3,Seaview Hotel,1 Front Street,CV1 1AA,tripadvisor,not-a-date,2,"Fine"
        r4,Station Inn,4 Rail Road,CV2 2BB,tripadvisor,2025-03-01,8,"Clean and quiet"
        r5,Station Inn,4 Rail Road,CV2 2BB,tripadvisor,2025-03-02
        r6,Station Inn,4 Rail Road,CV2 2BB,tripadvisor,2025-03-03,7,"Good breakfast,
        friendly staff"
        r7,Seaview Hotel,1 Front Street,CV1 1AA,tripadvisor,2025-02-03,4,"Room was ok"

        """

    /// The `--json` summary of a run.
    static func summary(_ result: SafeguardBinary.Result) throws -> [String: Int] {
        let line = try #require(result.stdout.split(separator: "\n").last)
        return try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Int])
    }

    @Test func importLargerThanOneBatchStoresEveryRowOnceAndRejectsTheBadOnes() throws {
        let cli = try SafeguardBinary()
        defer { cli.cleanUp() }
        let file = try cli.write("reviews.csv", Self.reviews)
        let arguments = [
            "import", "reviews", file, "--db", "r.sqlite", "--key-file", "k.key", "--rejects", "rejects.csv",
            "--batch-size", "2", "--json",
        ]
        // When the file is imported two reviews per batch
        let first = try cli.run(arguments)
        // Then every good review is new, the second review of each hotel links to the first's premises,
        // and the two bad rows are rejected with their lines
        #expect(first.status == 0, "\(first.output)")
        #expect(try Self.summary(first) == ["read": 7, "new": 5, "updated": 0, "unchanged": 0, "rejected": 2, "linked": 3])
        let rejects = try String(contentsOfFile: cli.path("rejects.csv"), encoding: .utf8)
        let lines = rejects.split(separator: "\r\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).prefix(4).joined(separator: ",") }
        #expect(lines == ["\(file),4,4,date", "\(file),6,6,"])
        #expect(!rejects.contains("Fine"), "a reject must not carry the review's text")
        // When it is imported again
        let second = try cli.run(arguments)
        // Then nothing is stored twice
        #expect(second.status == 0, "\(second.output)")
        #expect(try Self.summary(second) == ["read": 7, "new": 0, "updated": 0, "unchanged": 5, "rejected": 2, "linked": 0])
    }

    @Test func batchSizeDoesNotChangeWhatIsStored() throws {
        let cli = try SafeguardBinary()
        defer { cli.cleanUp() }
        let file = try cli.write("reviews.csv", Self.reviews)
        // Given the file imported in one batch
        let whole = try cli.run(["import", "reviews", file, "--db", "r.sqlite", "--key-file", "k.key", "--json"])
        #expect(whole.status == 0, "\(whole.output)")
        #expect(try Self.summary(whole)["new"] == 5)
        // When it is imported again in batches of one, with the same key
        let single = try cli.run([
            "import", "reviews", file, "--db", "r.sqlite", "--key-file", "k.key", "--batch-size", "1", "--json",
        ])
        // Then every review is found unchanged: the batches stored the same rows
        #expect(single.status == 0, "\(single.output)")
        #expect(try Self.summary(single) == ["read": 7, "new": 0, "updated": 0, "unchanged": 5, "rejected": 2, "linked": 0])
    }
}
