import Testing
@testable import SafeguardCore

@Suite struct CalendarDayTests {
    @Test(arguments: ["1970-01-01", "2000-02-29", "2024-12-31", "1899-03-01", "2026-11-25", "0042-07-09", "9999-12-31"])
    func roundTripsISODates(text: String) throws {
        let day = try #require(CalendarDay(iso: text))
        #expect(day.description == text)
    }

    @Test func rejectsImpossibleDates() {
        #expect(CalendarDay(iso: "2023-02-29") == nil)
        #expect(CalendarDay(iso: "2023-13-01") == nil)
        #expect(CalendarDay(iso: "23-01-01") == nil)
        #expect(CalendarDay(iso: "2023-0a-01") == nil)
    }

    @Test func countsDaysAndMonths() throws {
        let start = try #require(CalendarDay(iso: "2024-01-31"))
        let end = try #require(CalendarDay(iso: "2024-03-01"))
        #expect(end.days(since: start) == 30)
        #expect(end.monthIndex - start.monthIndex == 2)
        #expect(CalendarDay(iso: "1970-01-01")?.daysSinceEpoch == 0)
    }
}
