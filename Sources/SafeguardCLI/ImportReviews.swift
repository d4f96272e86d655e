import ArgumentParser
import Foundation
import SafeguardCore
import SafeguardImport
import SafeguardStore
import SafeguardText

/// `safeguard import reviews FILE...`
struct ImportReviews: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reviews",
        abstract: "Import review-site reviews: pseudonymised text and sign evidence only, linked to premises.",
        discussion: """
            Formats (detected from the header): Safeguard's review CSV \
            (id,premises_name,address,postcode,site,date,rating,text; date YYYY-MM-DD, rating 1-10), the same keys \
            as JSON Lines (.jsonl), and the Booking.com dataset layout (Hotel_Name, Hotel_Address, Review_Date M/D/YYYY, \
            Negative_Review, Positive_Review; "No Negative"/"No Positive" are empty; review id = 1-based data row).
            Each text is pseudonymised with the key of --key-file and scanned for the signs of \
            rules/hotels/signs.yaml before anything is stored; raw text is never written to disk. \
            Rejected records go to --rejects with the reason (never with their text).

            Example: safeguard import reviews ../shared/data/reviews/booking-hotel-reviews.csv --db safeguard.sqlite
            """
    )

    @Argument(help: ArgumentHelp("Review files (.csv or .jsonl).", valueName: "file"))
    var files: [String]

    @OptionGroup var options: ImportOptions

    @OptionGroup var text: TextOptions

    func run() throws {
        let run = try ImportRun(options: self.options)
        let files = try run.readableFiles(
            self.files,
            check: InputFormat.check(expected: "a review file (review CSV, review JSON Lines or the Booking.com layout)") {
                [.reviewCSV, .reviewJSONL, .bookingReviews].contains($0)
            })
        let builder = TextRecordBuilder(analyser: try self.text.makeAnalyser())
        let store = try self.options.store.openStore()
        for file in files {
            run.begin(file)
            var summary = ImportSummary()
            let failure = run.guarded(file) {
                guard let data = FileManager.default.contents(atPath: file) else {
                    throw ImportError(code: "import.unreadable", file: file, message: "cannot read the file; check the path and permissions")
                }
                let (reviews, issues) = file.lowercased().hasSuffix(".jsonl") || file.lowercased().hasSuffix(".ndjson")
                    ? ReviewFileReader.readJSONL(String(decoding: data, as: UTF8.self), file: file)
                    : data.withUnsafeBytes { ReviewFileReader.readCSV($0.bindMemory(to: UInt8.self), file: file) }
                for issue in issues { run.report(issue.importIssue(code: "review.rejected")) }
                // each batch is pseudonymised and scanned over the cores (in order) while the batch
                // before it is stored, so the cores are not idle during the store's transaction
                let pipeline = BatchPipeline<ReviewInput, ReviewRecord>(chunkSize: 32) { builder.review($0) }
                var start = 0
                while start < reviews.count {
                    let end = min(reviews.count, start + max(1, self.options.batchSize))
                    try pipeline.submit(Array(reviews[start..<end])) { summary.add(try store.saveReviews($0)) }
                    start = end
                }
                try pipeline.drain { summary.add(try store.saveReviews($0)) }
            }
            run.end(file, summary, failure: failure)
        }
        try run.finish()
    }
}

extension RecordIssue {
    /// As an import issue for the rejects file; the record's raw text is deliberately left out.
    func importIssue(code: String) -> ImportIssue {
        ImportIssue(code: code, severity: .rejected, file: self.file, line: self.line, record: self.line, field: self.field, message: self.message)
    }
}
