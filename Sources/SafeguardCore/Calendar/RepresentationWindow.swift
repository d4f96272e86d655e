/// The period in which a responsible authority may make representations about an application.
///
/// - New premises licence and full variation: 28 consecutive days starting the day after the
///   application was given to the authority (2005 Regulations, reg. 22(b)).
/// - Minor variation: 10 working days starting the day after receipt (s.41A-41C; working days per s.193).
/// - Change of DPS: only the chief officer of police may object, within 14 days starting the day after
///   notice (s.37(5)); the window is shown so the officer can pass concerns to the police in time.
public struct RepresentationWindow: Sendable, Hashable, Codable {
    /// The day the application was received.
    public var received: CalendarDay
    /// The first and last days on which a representation can be made.
    public var firstDay: CalendarDay
    public var lastDay: CalendarDay
    /// How the period is counted ("28 consecutive days", "10 working days").
    public var period: String
    /// The statutory basis.
    public var basis: String
    /// Who may make a representation in this window.
    public var whoMay: String

    /// Computes the window for an application of `kind` received on `received`.
    ///
    /// - Throws: `CalendarError` when counting working days needs a year the bank-holiday file lacks.
    public static func of(
        _ kind: LicenceApplication.Kind, received: CalendarDay, calendar: BankHolidayCalendar
    ) throws(CalendarError) -> RepresentationWindow {
        let first = received.adding(days: 1)
        switch kind {
        case .newPremisesLicence, .fullVariation:
            return RepresentationWindow(
                received: received, firstDay: first, lastDay: received.adding(days: 28), period: "28 consecutive days",
                basis: "Licensing Act 2003 (Premises licences and club premises certificates) Regulations 2005, reg. 22(b)",
                whoMay: "responsible authorities (including the body responsible for the protection of children from harm) and other persons")
        case .minorVariation:
            return RepresentationWindow(
                received: received, firstDay: first, lastDay: try calendar.workingDay(10, after: received),
                period: "10 working days",
                basis: "Licensing Act 2003 s.41A-41C (minor variation); working days as defined in s.193",
                whoMay: "responsible authorities and other persons, to the licensing authority, which decides without a hearing")
        case .dpsChange:
            return RepresentationWindow(
                received: received, firstDay: first, lastDay: received.adding(days: 14), period: "14 consecutive days",
                basis: "Licensing Act 2003 s.37(5) (variation to specify a new designated premises supervisor)",
                whoMay: "the chief officer of police only: pass child-protection concerns to the police in time")
        }
    }

    /// Days left to make a representation as of `day`, counting `day` itself (0 once the window has closed).
    public func daysLeft(asOf day: CalendarDay) -> Int {
        max(0, self.lastDay.days(since: day) + 1)
    }

    /// Whether the window is still open on `day`.
    public func isOpen(on day: CalendarDay) -> Bool {
        day <= self.lastDay
    }

    enum CodingKeys: String, CodingKey {
        case received, firstDay = "first-day", lastDay = "last-day", period, basis, whoMay = "who-may"
    }
}
