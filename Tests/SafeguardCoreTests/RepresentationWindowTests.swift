import Testing

@testable import SafeguardCore

/// England-and-Wales bank holidays 2024-2028 (GOV.UK bank-holiday data, OGL v3.0), the shape of
/// rules/calendar/bank-holidays-england-wales.csv.
private let holidays = """
    # comment lines are allowed before the header
    date,name,substitute
    2024-01-01,new_year,no
    2024-03-29,good_friday,no
    2024-04-01,easter_monday,no
    2024-12-25,christmas,no
    2024-12-26,boxing_day,no
    2025-01-01,new_year,no
    2026-12-25,christmas,no
    2026-12-28,boxing_day,yes
    2027-01-01,new_year,no
    2027-12-27,christmas,yes
    2027-12-28,boxing_day,yes
    2028-01-03,new_year,yes
    2028-04-14,good_friday,no
    2028-04-17,easter_monday,no
    2028-12-25,christmas,no
    2028-12-26,boxing_day,no
    """

private func day(_ text: String) -> CalendarDay { CalendarDay(iso: text)! }

private func calendar() throws -> BankHolidayCalendar {
    try BankHolidayCalendar.parse(csv: holidays, file: "bank-holidays.csv")
}

private func lastDay(_ kind: LicenceApplication.Kind, _ received: String) throws -> String {
    try RepresentationWindow.of(kind, received: day(received), calendar: calendar()).lastDay.description
}

@Test(arguments: [
    // 28 consecutive days starting the day after receipt: the last day is receipt + 28.
    ("2026-01-31", "2026-02-28"),  // across a month end (non-leap February)
    ("2028-02-01", "2028-02-29"),  // lands on a leap day
    ("2028-01-31", "2028-02-28"),  // across a leap February
    ("2026-12-10", "2027-01-07"),  // across Christmas and New Year: calendar days, holidays count
])
func newApplicationWindowIs28ConsecutiveDays(received: String, expected: String) throws {
    #expect(try lastDay(.newPremisesLicence, received) == expected)
    #expect(try lastDay(.fullVariation, received) == expected)
}

@Test(arguments: [
    ("2026-03-27", "2026-04-10"),  // Friday receipt: two weekends, no holidays
    ("2026-10-26", "2026-11-09"),  // across a month end
    ("2024-03-22", "2024-04-09"),  // Good Friday 29 Mar and Easter Monday 1 Apr skipped
    ("2024-12-18", "2025-01-06"),  // Christmas, Boxing Day and New Year's Day skipped
    ("2026-12-18", "2027-01-06"),  // 2026: Christmas Friday, Boxing Day substitute Monday 28 Dec
    ("2027-12-17", "2028-01-05"),  // 2027: weekend Christmas; substitutes 27, 28 Dec and 3 Jan all skipped
    ("2028-02-22", "2028-03-07"),  // across a leap February (29 Feb is a working day)
])
func minorVariationWindowIs10WorkingDays(received: String, expected: String) throws {
    #expect(try lastDay(.minorVariation, received) == expected)
}

@Test func christmasDayIsNeverAWorkingDayAndSubstituteDaysAreNot() throws {
    let calendar = try calendar()
    #expect(try !calendar.isWorkingDay(day("2027-12-25")))  // Saturday Christmas
    #expect(try !calendar.isWorkingDay(day("2027-12-27")))  // substitute
    #expect(try !calendar.isWorkingDay(day("2027-12-28")))  // substitute
    #expect(try calendar.isWorkingDay(day("2027-12-29")))
    #expect(try calendar.isWorkingDay(day("2028-02-29")))
}

@Test func aDatePastTheFilesLastYearIsAnErrorSayingToUpdateTheFile() throws {
    let calendar = try calendar()
    #expect(calendar.lastYear == 2028)
    let error = #expect(throws: CalendarError.self) {
        _ = try RepresentationWindow.of(.minorVariation, received: day("2028-12-22"), calendar: calendar)
    }
    #expect(error?.description.contains("bank-holidays.csv") == true)
    #expect(error?.description.contains("add the bank holidays of 2029") == true)
    // A 28-day window needs no bank holidays, so it is counted whatever the year.
    #expect(try RepresentationWindow.of(.newPremisesLicence, received: day("2030-01-10"), calendar: calendar).lastDay == day("2030-02-07"))
}

@Test func daysLeftCountTodayAndStopAtZero() throws {
    let window = try RepresentationWindow.of(.newPremisesLicence, received: day("2026-11-01"), calendar: calendar())
    #expect(window.daysLeft(asOf: day("2026-11-29")) == 1)
    #expect(window.daysLeft(asOf: day("2026-11-30")) == 0)
    #expect(window.daysLeft(asOf: day("2026-11-02")) == 28)
}

@Test func aBadHolidayRowIsReportedWithItsLine() {
    let error = #expect(throws: CalendarError.self) {
        _ = try BankHolidayCalendar.parse(csv: "date,name,substitute\n2026-13-01,oops,no\n", file: "h.csv")
    }
    #expect(error?.description.contains("h.csv:2") == true)
}
