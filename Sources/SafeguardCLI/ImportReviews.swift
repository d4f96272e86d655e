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
            Rejected records go to --rejects with the reason (never with their text). The file is read \
            and stored in batches, each in its own transaction, so memory stays flat however large it is; \
            a run cut short is completed by running it again.

            Example: safeguard import reviews ../shared/data/reviews/booking-hotel-reviews.csv --db safeguard.sqlite
            """
    )

    @Argument(help: ArgumentHelp("Review files (.csv or .jsonl).", valueName: "file"))
    var files: [String]

    @OptionGroup var options: ImportOptions

    @OptionGroup var text: TextOptions

    /// Bytes read from the file at a time.
    static let chunkSize = 1 << 20

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
                guard let handle = FileHandle(forReadingAtPath: file) else {
                    throw ImportError(code: "import.unreadable", file: file, message: "cannot read the file; check the path and permissions")
                }
                defer { try? handle.close() }
                let lowered = file.lowercased()
                var reader = ReviewStreamReader(
                    file: file, format: lowered.hasSuffix(".jsonl") || lowered.hasSuffix(".ndjson") ? .jsonl : .csv)
                // The file is read in chunks and stored in batches of --batch-size reviews, each in its
                // own transaction: each batch is pseudonymised and scanned over the cores (in order)
                // while the batch before it is stored, so memory stays flat and the cores busy. Each
                // core gets two large chunks of a batch, analysed stage by stage (as in `scan`).
                let pipeline = BatchPipeline<ReviewInput, ReviewRecord>(
                    chunksPerBatch: 2 * max(1, ProcessInfo.processInfo.activeProcessorCount),
                    chunkTransform: { builder.reviews($0) })
                let batchSize = max(1, self.options.batchSize)
                var pending: [ReviewInput] = []
                func take(_ batch: ReviewBatch) throws {
                    for issue in batch.issues { run.report(issue.importIssue(code: "review.rejected")) }
                    pending += batch.reviews
                    while pending.count >= batchSize {
                        let next = Array(pending.prefix(batchSize))
                        pending.removeFirst(batchSize)
                        try pipeline.submit(next) { summary.add(try store.saveReviews($0)) }
                    }
                }
                var bytesRead = 0
                while true {
                    let chunk: Data
                    do {
                        guard let data = try handle.read(upToCount: Self.chunkSize), !data.isEmpty else { break }
                        chunk = data
                    } catch {
                        throw ImportError(code: "import.unreadable", file: file, message: "reading failed after \(bytesRead) bytes; check the file and run the import again")
                    }
                    bytesRead += chunk.count
                    try take(chunk.withUnsafeBytes { reader.read($0.bindMemory(to: UInt8.self)) })
                    run.progressHandler?(bytesRead)
                }
                try take(reader.finish())
                if !pending.isEmpty { try pipeline.submit(pending) { summary.add(try store.saveReviews($0)) } }
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
