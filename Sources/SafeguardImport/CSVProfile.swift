import SafeguardCore

/// A column a CSV profile reads: its canonical name and the other header spellings accepted.
///
/// Header names match case-insensitively, ignoring spaces, underscores, hyphens and punctuation
/// (`CaseReference`, `case_reference` and `Case Reference` are the same column).
public struct CSVColumn: Sendable, Hashable {
    /// The canonical name, used in messages and documentation.
    public var name: String
    /// Other accepted spellings.
    public var aliases: [String]
    /// Whether the header must have the column for the file to be read at all.
    public var required: Bool

    /// Creates a column.
    public init(_ name: String, aliases: [String] = [], required: Bool = false) {
        self.name = name
        self.aliases = aliases
        self.required = required
    }

    /// The comparison key of a header cell.
    public static func key(_ header: String) -> String {
        String(header.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) })
    }
}

/// A mapping from one real CSV layout to a Core record.
public protocol CSVProfile: Sendable {
    /// The record type produced.
    associatedtype Record: Sendable
    /// The profile's name (the `--format` value).
    var name: String { get }
    /// The columns it reads, in the order `MappedRow.values` holds them.
    var columns: [CSVColumn] { get }
    /// Builds a record from a row, or throws `RowProblem` to reject it.
    func record(from row: MappedRow) throws(RowProblem) -> Record
}

/// Why a row is rejected: the field and a message that says how to fix it.
public struct RowProblem: Error, Sendable, Hashable {
    /// Stable code ("csv.date", "csv.required", "csv.choice").
    public var code: String
    /// The column at fault.
    public var field: String
    /// What is wrong and how to fix it.
    public var message: String

    /// Creates a row problem.
    public init(code: String, field: String, message: String) {
        self.code = code
        self.field = field
        self.message = message
    }
}

/// A CSV row with its values in profile-column order (trimmed; empty or absent columns are nil).
public struct MappedRow: Sendable {
    /// Values by profile column index.
    public var values: [String?]
    /// Column names by profile column index (for messages).
    public var names: [String]
    /// The line the row starts on.
    public var line: Int

    /// The text of column `index`, nil when empty or absent.
    public func text(_ index: Int) -> String? { self.values[index] }

    /// The text of a column that must have a value.
    public func required(_ index: Int) throws(RowProblem) -> String {
        guard let value = self.values[index] else {
            throw RowProblem(
                code: "csv.required", field: self.names[index],
                message: "\(self.names[index]) is empty; every row needs one")
        }
        return value
    }

    /// A date written YYYY-MM-DD or DD/MM/YYYY; nil when empty.
    public func date(_ index: Int) throws(RowProblem) -> CalendarDay? {
        guard let value = self.values[index] else { return nil }
        if let day = Self.parseDate(value) { return day }
        throw RowProblem(
            code: "csv.date", field: self.names[index],
            message: "'\(value)' in \(self.names[index]) is not a date; write it as YYYY-MM-DD (or DD/MM/YYYY)")
    }

    /// Parses YYYY-MM-DD (optionally with a time after it) or D/M/YYYY.
    public static func parseDate(_ value: String) -> CalendarDay? {
        if let day = CalendarDay(iso: value) { return day }
        let parts = value.split(separator: " ").first.map { $0.split(separator: "/") } ?? []
        guard parts.count == 3, let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]),
            parts[2].count == 4
        else { return nil }
        return CalendarDay(year: year, month: month, day: day)
    }

    /// One of an enum's raw values (case-insensitive, spaces and underscores read as hyphens); nil when empty.
    public func choice<E: RawRepresentable & CaseIterable>(_ index: Int, _ type: E.Type) throws(RowProblem) -> E?
    where E.RawValue == String {
        guard let value = self.values[index] else { return nil }
        let key = value.lowercased().replacingOccurrences(of: " ", with: "-").replacingOccurrences(of: "_", with: "-")
        if let match = E(rawValue: key) { return match }
        let allowed = E.allCases.map(\.rawValue).joined(separator: ", ")
        throw RowProblem(
            code: "csv.choice", field: self.names[index],
            message: "'\(value)' is not a valid \(self.names[index]); use one of: \(allowed)")
    }

    /// yes/no (also true/false, y/n, 1/0); nil when empty.
    public func yesNo(_ index: Int) throws(RowProblem) -> Bool? {
        guard let value = self.values[index] else { return nil }
        switch value.lowercased() {
        case "yes", "y", "true", "1": return true
        case "no", "n", "false", "0": return false
        default:
            throw RowProblem(
                code: "csv.boolean", field: self.names[index],
                message: "'\(value)' in \(self.names[index]) is not yes or no")
        }
    }
}
