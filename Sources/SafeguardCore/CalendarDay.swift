/// A calendar date without a time of day or a time zone (a licence expiry, a review date).
///
/// Stored as the count of days since 1970-01-01 so that comparison and `days_since`
/// arithmetic are integer operations. Core never reads the clock: "today" is passed in.
public struct CalendarDay: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Days since 1970-01-01 (negative before it).
    public var daysSinceEpoch: Int

    /// Creates a day from its count of days since 1970-01-01.
    public init(daysSinceEpoch: Int) {
        self.daysSinceEpoch = daysSinceEpoch
    }

    /// Creates a day from a proleptic Gregorian year, month (1-12) and day (1-31); nil when invalid.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= CalendarDay.daysIn(month: month, year: year) else {
            return nil
        }
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        self.daysSinceEpoch = era * 146_097 + doe - 719_468
    }

    /// Parses `YYYY-MM-DD` (optionally followed by `T…`, which is ignored); nil when malformed.
    public init?(iso string: some StringProtocol) {
        self.init(iso: String(string))
    }

    /// Parses `YYYY-MM-DD` (optionally followed by `T…`, which is ignored); nil when malformed.
    /// (The concrete overload: imports parse millions of dates, so no generic or array on the way.)
    public init?(iso string: String) {
        var string = string
        guard let parts = string.withUTF8({ Self.parse($0) }) else { return nil }
        self.init(year: parts.year, month: parts.month, day: parts.day)
    }

    private static func parse(_ utf8: UnsafeBufferPointer<UInt8>) -> (year: Int, month: Int, day: Int)? {
        guard utf8.count >= 10, utf8[4] == UInt8(ascii: "-"), utf8[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let byte = utf8[index]
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        return (year, month, day)
    }

    /// The (year, month, day) of this date.
    public var components: (year: Int, month: Int, day: Int) {
        let z = self.daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    /// A month index (year * 12 + month - 1), used to count distinct months of evidence.
    public var monthIndex: Int {
        let parts = self.components
        return parts.year * 12 + parts.month - 1
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        let parts = self.components
        // Years 0-9999 the common way, digit by digit (imports format a date per record).
        guard (0...9999).contains(parts.year) else {
            func pad(_ value: Int, _ width: Int) -> String {
                let text = String(value)
                return String(repeating: "0", count: max(0, width - text.count)) + text
            }
            return "\(pad(parts.year, 4))-\(pad(parts.month, 2))-\(pad(parts.day, 2))"
        }
        return String(unsafeUninitializedCapacity: 10) { buffer in
            func digit(_ value: Int) -> UInt8 { UInt8(48 + value % 10) }
            buffer[0] = digit(parts.year / 1000)
            buffer[1] = digit(parts.year / 100)
            buffer[2] = digit(parts.year / 10)
            buffer[3] = digit(parts.year)
            buffer[4] = UInt8(ascii: "-")
            buffer[5] = digit(parts.month / 10)
            buffer[6] = digit(parts.month)
            buffer[7] = UInt8(ascii: "-")
            buffer[8] = digit(parts.day / 10)
            buffer[9] = digit(parts.day)
            return 10
        }
    }

    /// The day `days` later (or earlier when negative).
    public func adding(days: Int) -> CalendarDay {
        CalendarDay(daysSinceEpoch: self.daysSinceEpoch + days)
    }

    /// Whole days from `other` to `self` (positive when `self` is later).
    public func days(since other: CalendarDay) -> Int {
        self.daysSinceEpoch - other.daysSinceEpoch
    }

    public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool {
        lhs.daysSinceEpoch < rhs.daysSinceEpoch
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let day = CalendarDay(iso: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(text)' is not a date: write it as YYYY-MM-DD")
        }
        self = day
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(self.description)
    }
}
