import Foundation
import SafeguardCore

/// One review as read from a review file, before pseudonymisation (raw text: never stored).
public struct ReviewInput: Sendable, Hashable {
    /// The review id (Safeguard files: the `id` column; Booking.com layout: the 1-based data row number).
    public var id: String
    /// The premises' name as the site gives it.
    public var premisesName: String
    /// The premises' address.
    public var address: String
    /// The premises' postcode, when given or found at the end of the address.
    public var postcode: String?
    /// The review site (`booking.com`, …).
    public var site: String?
    /// The review date.
    public var date: CalendarDay?
    /// The rating (1-10), when given.
    public var rating: Double?
    /// The raw review text.
    public var text: String
    /// The line of the file it came from.
    public var line: Int

    /// Creates a review as read (raw text).
    public init(
        id: String, premisesName: String, address: String, postcode: String?, site: String?, date: CalendarDay?,
        rating: Double?, text: String, line: Int
    ) {
        self.id = id
        self.premisesName = premisesName
        self.address = address
        self.postcode = postcode
        self.site = site
        self.date = date
        self.rating = rating
        self.text = text
        self.line = line
    }
}

/// A record of a review or report file that could not be read, with where and why.
public struct RecordIssue: Sendable, Hashable, CustomStringConvertible {
    /// The file name.
    public var file: String
    /// The 1-based line.
    public var line: Int
    /// The field at fault, when one is.
    public var field: String?
    /// What is wrong and how to fix it.
    public var message: String

    /// `file:line: field: message`.
    public var description: String {
        "\(self.file):\(self.line): " + (self.field.map { "\($0): " } ?? "") + self.message
    }
}

/// Reads review files: Safeguard's CSV/JSONL (`id,premises_name,address,postcode,site,date,rating,text`)
/// and the Booking.com layout (`Hotel_Name`, `Hotel_Address`, `Review_Date` M/D/YYYY,
/// `Negative_Review`, `Positive_Review`, `Reviewer_Score`; "No Negative"/"No Positive" mean empty).
public enum ReviewFileReader {
    /// Reads a CSV file's bytes; the layout is detected from the header.
    public static func readCSV(_ bytes: UnsafeBufferPointer<UInt8>, file: String) -> (reviews: [ReviewInput], issues: [RecordIssue]) {
        var reader = ReviewStreamReader(file: file, format: .csv)
        var batch = reader.read(bytes)
        let last = reader.finish()
        batch.reviews += last.reviews
        batch.issues += last.issues
        return (batch.reviews, batch.issues)
    }

    /// Reads Safeguard review JSON Lines (the CSV's keys).
    public static func readJSONL(_ text: String, file: String) -> (reviews: [ReviewInput], issues: [RecordIssue]) {
        var reader = ReviewStreamReader(file: file, format: .jsonl)
        var bytes = Array(text.utf8)
        var batch = bytes.withUnsafeMutableBufferPointer { reader.read(UnsafeBufferPointer($0)) }
        let last = reader.finish()
        batch.reviews += last.reviews
        batch.issues += last.issues
        return (batch.reviews, batch.issues)
    }

    /// Reads one line of JSON Lines (not blank) into a review or an issue.
    static func readJSONLine(_ data: Data, line: Int, file: String, into batch: inout ReviewBatch) {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            batch.issues.append(RecordIssue(file: file, line: line, field: nil, message: "not a JSON object; each line must be {\"id\": …, \"premises_name\": …, \"date\": …, \"text\": …}"))
            return
        }
        func value(_ name: String) -> String {
            switch object[name] {
            case let s as String: return s.trimmingWhitespace
            case let n as NSNumber: return n.stringValue
            default: return ""
            }
        }
        if let review = Self.safeguardReview(value, line: line, file: file, issues: &batch.issues) { batch.reviews.append(review) }
    }

    static func safeguardReview(_ value: (String) -> String, line: Int, file: String, issues: inout [RecordIssue]) -> ReviewInput? {
        for field in ["id", "premises_name", "text"] where value(field).isEmpty {
            issues.append(RecordIssue(file: file, line: line, field: field, message: "is empty; every review needs it"))
            return nil
        }
        guard let date = CalendarDay(iso: value("date")) else {
            issues.append(RecordIssue(file: file, line: line, field: "date", message: "\"\(value("date"))\" is not a date YYYY-MM-DD"))
            return nil
        }
        var rating: Double?
        if !value("rating").isEmpty {
            guard let r = Double(value("rating")), (0...10).contains(r) else {
                issues.append(RecordIssue(file: file, line: line, field: "rating", message: "\"\(value("rating"))\" is not a number from 1 to 10"))
                return nil
            }
            rating = r
        }
        let postcode = value("postcode")
        return ReviewInput(
            id: value("id"), premisesName: value("premises_name"), address: value("address"),
            postcode: postcode.isEmpty ? Self.postcode(in: value("address")) : postcode,
            site: value("site").isEmpty ? nil : value("site"), date: date, rating: rating, text: value("text"), line: line)
    }

    /// `M/D/YYYY` → day.
    static func usDate(_ s: String) -> CalendarDay? {
        let parts = s.split(separator: "/").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        return CalendarDay(year: parts[2], month: parts[0], day: parts[1])
    }

    /// A UK postcode at the end of an address ("… London E14 9SJ United Kingdom").
    static func postcode(in address: String) -> String? {
        let pattern = #"[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}"#
        guard let range = address.range(of: pattern, options: [.regularExpression, .backwards]) else { return nil }
        return String(address[range])
    }
}
