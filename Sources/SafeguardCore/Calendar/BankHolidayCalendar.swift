/// The bank holidays in England and Wales, read from an editable file
/// (`rules/calendar/bank-holidays-england-wales.csv`: `date,name,substitute`), and the working
/// days they make: Licensing Act 2003 s.193, a working day is any day other than a Saturday, a Sunday,
/// Christmas Day, Good Friday or a bank holiday in England and Wales. Christmas Day is never a working
/// day, even in a year when it falls on a weekend and substitute days are given.
///
/// Dates after 2028 are proclaimed year by year, so the file covers a range of years; asking about a
/// day outside it is an error that says to update the file, never a guess.
public struct BankHolidayCalendar: Sendable, Hashable {
    /// The holidays, by day, with their names.
    public let holidays: [CalendarDay: String]
    /// The first and last year the file covers.
    public let firstYear: Int
    public let lastYear: Int
    /// The file it came from, for messages.
    public let file: String

    /// Creates a calendar from holidays covering `firstYear...lastYear`.
    public init(holidays: [CalendarDay: String], firstYear: Int, lastYear: Int, file: String) {
        self.holidays = holidays
        self.firstYear = firstYear
        self.lastYear = lastYear
        self.file = file
    }

    /// Parses the CSV text of the bank-holiday file (`date,name,substitute`; the years it covers are the
    /// years its dates fall in). Every bad row is reported with its line.
    public static func parse(csv: String, file: String) throws(CalendarError) -> BankHolidayCalendar {
        var holidays: [CalendarDay: String] = [:]
        var problems: [String] = []
        var lines = csv.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
        }
        while lines.last?.trimmingWhitespace.isEmpty == true { lines.removeLast() }
        let headerIndex = lines.firstIndex { !$0.trimmingWhitespace.isEmpty && !$0.trimmingWhitespace.hasPrefix("#") } ?? 0
        guard headerIndex < lines.count,
            lines[headerIndex].split(separator: ",").first.map(String.init)?.trimmingWhitespace == "date"
        else {
            throw CalendarError(
                file: file, line: headerIndex + 1,
                message: "the first line (after # comments) must be the header `date,name,substitute`")
        }
        for (index, line) in lines.enumerated().dropFirst(headerIndex + 1) {
            let trimmed = line.trimmingWhitespace
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let cells = trimmed.split(separator: ",", omittingEmptySubsequences: false).map {
                String($0).trimmingWhitespace
            }
            guard let day = CalendarDay(iso: cells[0]), cells[0].count == 10 else {
                problems.append("\(file):\(index + 1): `\(cells[0])` is not a date: write it as YYYY-MM-DD")
                continue
            }
            holidays[day] = cells.count > 1 && !cells[1].isEmpty ? cells[1] : "bank holiday"
        }
        if !problems.isEmpty {
            throw CalendarError(file: file, line: nil, message: problems.joined(separator: "\n"))
        }
        let years = holidays.keys.map(\.components.year)
        guard let first = years.min(), let last = years.max() else {
            throw CalendarError(file: file, line: nil, message: "the file lists no bank holidays; add one row per holiday")
        }
        return BankHolidayCalendar(holidays: holidays, firstYear: first, lastYear: last, file: file)
    }

    /// The day of the week, 0 = Monday ... 6 = Sunday.
    public static func weekday(_ day: CalendarDay) -> Int {
        // 1970-01-01 was a Thursday (3).
        ((day.daysSinceEpoch % 7) + 7 + 3) % 7
    }

    /// Whether `day` is a working day (s.193).
    ///
    /// - Throws: `CalendarError` when the day's year is outside the years the file covers.
    public func isWorkingDay(_ day: CalendarDay) throws(CalendarError) -> Bool {
        let parts = day.components
        guard parts.year >= self.firstYear, parts.year <= self.lastYear else {
            throw CalendarError(
                file: self.file, line: nil,
                message: "\(day) is outside the years the bank-holiday file covers (\(self.firstYear)-\(self.lastYear)): "
                    + "add the bank holidays of \(parts.year) for England and Wales (GOV.UK publishes them) to \(self.file)")
        }
        if Self.weekday(day) >= 5 { return false }
        if parts.month == 12 && parts.day == 25 { return false }
        return self.holidays[day] == nil
    }

    /// The `count`-th working day after `day` (the first counted day is the day after).
    public func workingDay(_ count: Int, after day: CalendarDay) throws(CalendarError) -> CalendarDay {
        var current = day
        var found = 0
        while found < count {
            current = current.adding(days: 1)
            if try self.isWorkingDay(current) { found += 1 }
        }
        return current
    }
}

/// A calendar question the bank-holiday file cannot answer, or a bad file.
public struct CalendarError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The bank-holiday file.
    public var file: String
    /// The line at fault, when one is.
    public var line: Int?
    /// What is wrong and how to fix it.
    public var message: String

    /// Creates a calendar error.
    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        if let line { return "\(self.file):\(line): \(self.message)" }
        return self.message.hasPrefix(self.file) ? self.message : "\(self.file): \(self.message)"
    }
}
