import Foundation
import SafeguardCore

/// Reviews and rejected records read from one part of a review file.
public struct ReviewBatch: Sendable {
    /// The reviews read, in file order.
    public var reviews: [ReviewInput] = []
    /// The records that could not be read, in file order.
    public var issues: [RecordIssue] = []

    /// A batch of these reviews and issues (empty by default).
    public init(reviews: [ReviewInput] = [], issues: [RecordIssue] = []) {
        self.reviews = reviews
        self.issues = issues
    }
}

/// Reads a review file fed in chunks of any size (CSV in either layout, or JSON Lines), giving
/// the reviews and issues of each chunk as soon as their records end, so an import holds one
/// chunk and one batch in memory however large the file is. The records are the same as
/// `ReviewFileReader.readCSV` / `readJSONL` give for the whole file.
public struct ReviewStreamReader {
    /// The layout of the file.
    public enum Format: Sendable {
        /// Safeguard's review CSV or the Booking.com layout (detected from the header).
        case csv
        /// Safeguard review JSON Lines.
        case jsonl
    }

    private let file: String
    private let format: Format
    private var parser = CSVTable.Parser()
    private var rows: [CSVTable.Row] = []
    private var header: ReviewCSVHeader?
    /// The header was read and lacks columns: the rest of the file is not read.
    private var headerFailed = false
    private var sawHeader = false
    /// Data rows read so far (the Booking.com review id is the 1-based data row).
    private var dataRows = 0
    private var postcodes = PostcodeMemo()
    /// JSON Lines: the bytes of a line not yet ended, and the lines read so far.
    private var partialLine: [UInt8] = []
    private var lines = 0

    /// A reader at the start of `file` (the name is only used in issues).
    public init(file: String, format: Format) {
        self.file = file
        self.format = format
    }

    /// Reads the next chunk of the file.
    public mutating func read(_ bytes: UnsafeBufferPointer<UInt8>) -> ReviewBatch {
        var batch = ReviewBatch()
        switch self.format {
        case .csv:
            self.parser.parse(bytes, into: &self.rows)
            self.take(&batch)
        case .jsonl:
            var start = 0
            for k in 0..<bytes.count where bytes[k] == 0x0A {
                if self.partialLine.isEmpty {
                    self.readLine(UnsafeBufferPointer(rebasing: bytes[start..<k]), into: &batch)
                } else {
                    self.partialLine.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<k]))
                    let line = self.partialLine
                    self.partialLine.removeAll(keepingCapacity: true)
                    line.withUnsafeBufferPointer { self.readLine($0, into: &batch) }
                }
                start = k + 1
            }
            if start < bytes.count {
                self.partialLine.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
            }
        }
        return batch
    }

    /// Ends the file: the last record when it has no line end, and the issue of an empty CSV file.
    public mutating func finish() -> ReviewBatch {
        var batch = ReviewBatch()
        switch self.format {
        case .csv:
            self.parser.finish(into: &self.rows)
            self.take(&batch)
            if !self.sawHeader {
                batch.issues.append(
                    RecordIssue(
                        file: self.file, line: 1, field: nil, message: "the file is empty; expected a header row"))
            }
        case .jsonl:
            if !self.partialLine.isEmpty {
                let line = self.partialLine
                self.partialLine = []
                line.withUnsafeBufferPointer { self.readLine($0, into: &batch) }
            }
        }
        return batch
    }

    /// Turns the CSV rows parsed so far into reviews and issues.
    private mutating func take(_ batch: inout ReviewBatch) {
        defer { self.rows.removeAll(keepingCapacity: true) }
        var rest = self.rows[...]
        if !self.sawHeader, let first = rest.first {
            self.sawHeader = true
            rest = rest.dropFirst()
            self.header = ReviewCSVHeader.read(first, file: self.file, issues: &batch.issues)
            self.headerFailed = self.header == nil
        }
        guard !self.headerFailed, let header = self.header else { return }
        for row in rest {
            self.dataRows += 1
            header.review(row, number: self.dataRows, file: self.file, postcodes: &self.postcodes, into: &batch)
        }
    }

    /// Reads one JSON line (without its LF).
    private mutating func readLine(_ bytes: UnsafeBufferPointer<UInt8>, into batch: inout ReviewBatch) {
        self.lines += 1
        var end = bytes.count
        if end > 0, bytes[end - 1] == 0x0D { end -= 1 }
        let line = UnsafeBufferPointer(rebasing: bytes[..<end])
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return }
        ReviewFileReader.readJSONLine(Data(line), line: self.lines, file: self.file, into: &batch)
    }
}

/// The columns of a review CSV's header: which layout, and where each field is.
struct ReviewCSVHeader {
    let file: String
    let booking: Bool
    let fieldCount: Int
    let column: [String: Int]
    // Booking.com layout
    let negative: Int?, positive: Int?, reviewDate: Int?, hotelName: Int?, hotelAddress: Int?, reviewerScore: Int?

    /// Reads the header row: its columns, or nil with the issue of a header lacking some.
    static func read(_ row: CSVTable.Row, file: String, issues: inout [RecordIssue]) -> ReviewCSVHeader? {
        let names = row.fields.map {
            $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\u{FEFF}"))
        }
        var column: [String: Int] = [:]
        for (k, name) in names.enumerated() { column[name] = k }
        let booking = column["Negative_Review"] != nil && column["Positive_Review"] != nil
        let required =
            booking ? ["Hotel_Name", "Hotel_Address", "Review_Date"] : ["id", "premises_name", "date", "text"]
        let missing = required.filter { column[$0] == nil }
        guard missing.isEmpty else {
            let expected =
                booking ? "the Booking.com layout" : "id,premises_name,address,postcode,site,date,rating,text"
            issues.append(
                RecordIssue(
                    file: file, line: row.line, field: nil,
                    message: "header lacks \(missing.joined(separator: ", ")); expected \(expected)"))
            return nil
        }
        return ReviewCSVHeader(
            file: file, booking: booking, fieldCount: names.count, column: column,
            negative: column["Negative_Review"], positive: column["Positive_Review"], reviewDate: column["Review_Date"],
            hotelName: column["Hotel_Name"], hotelAddress: column["Hotel_Address"],
            reviewerScore: column["Reviewer_Score"])
    }

    /// Reads data row number `number` (1-based) into a review or an issue.
    func review(
        _ row: CSVTable.Row, number: Int, file: String, postcodes: inout PostcodeMemo, into batch: inout ReviewBatch
    ) {
        guard row.fields.count == self.fieldCount else {
            batch.issues.append(
                RecordIssue(
                    file: file, line: row.line, field: nil,
                    message: "has \(row.fields.count) fields, the header has \(self.fieldCount); check quoting"))
            return
        }
        func value(_ k: Int?) -> String {
            guard let k else { return "" }
            return row.fields[k].trimmingWhitespace
        }
        if self.booking {
            let negative = value(self.negative)
            let positive = value(self.positive)
            let parts = [negative == "No Negative" ? "" : negative, positive == "No Positive" ? "" : positive].filter {
                !$0.isEmpty
            }
            let dateText = value(self.reviewDate)
            guard let date = ReviewFileReader.usDate(dateText) else {
                batch.issues.append(
                    RecordIssue(
                        file: file, line: row.line, field: "Review_Date",
                        message: "\"\(dateText)\" is not a date M/D/YYYY"))
                return
            }
            let address = value(self.hotelAddress)
            batch.reviews.append(
                ReviewInput(
                    id: String(number), premisesName: value(self.hotelName), address: address,
                    postcode: postcodes.postcode(in: address), site: "booking.com", date: date,
                    rating: Double(value(self.reviewerScore)), text: parts.joined(separator: ". "), line: row.line))
        } else {
            if let review = ReviewFileReader.safeguardReview(
                { value(self.column[$0]) }, line: row.line, file: file, issues: &batch.issues)
            {
                batch.reviews.append(review)
            }
        }
    }
}

/// The postcode at the end of each address seen lately: a review file repeats its hotels'
/// addresses, and finding the postcode (a regular expression) cost more than the rest of a row.
struct PostcodeMemo {
    private var found: [String: String?] = [:]

    /// `ReviewFileReader.postcode(in:)`, remembered per address.
    mutating func postcode(in address: String) -> String? {
        if let hit = self.found[address] { return hit }
        let postcode = ReviewFileReader.postcode(in: address)
        if self.found.count >= 4096 { self.found.removeAll(keepingCapacity: true) }
        self.found[address] = .some(postcode)
        return postcode
    }
}
