import Foundation
import SafeguardCore

/// Times as the intake keeps them: UTC, anonymous reports to the hour.
enum IntakeClock {
    /// "2026-12-06T16:00Z": the hour `date` falls in.
    static func hour(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        return Self.format(seconds: seconds - seconds % 3_600, minutes: false)
    }

    /// "2026-12-06T16:42Z": to the minute (officers' actions).
    static func minute(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        return Self.format(seconds: seconds - seconds % 60, minutes: true)
    }

    static func day(_ date: Date) -> CalendarDay {
        CalendarDay(daysSinceEpoch: Int((date.timeIntervalSince1970 / 86_400).rounded(.down)))
    }

    /// Acknowledge within 24 hours (report 8.4.3), from the hour received.
    static func acknowledgeBy(receivedHour date: Date) -> String {
        Self.hour(date.addingTimeInterval(24 * 3_600))
    }

    /// Feedback within 5 working days (Monday to Friday; bank holidays not counted out).
    static func feedbackBy(receivedHour date: Date) -> String {
        var day = Self.day(date)
        var added = 0
        while added < 5 {
            day = CalendarDay(daysSinceEpoch: day.daysSinceEpoch + 1)
            // 1970-01-01 was a Thursday: 0 = Thursday, 2 = Saturday, 3 = Sunday.
            let weekday = ((day.daysSinceEpoch % 7) + 7) % 7
            if weekday != 2, weekday != 3 { added += 1 }
        }
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        return Self.format(seconds: day.daysSinceEpoch * 86_400 + (seconds % 86_400) / 3_600 * 3_600, minutes: false)
    }

    private static func format(seconds: Int, minutes: Bool) -> String {
        let day = CalendarDay(daysSinceEpoch: seconds / 86_400)
        let secondOfDay = seconds % 86_400
        let hh = secondOfDay / 3_600
        let mm = (secondOfDay % 3_600) / 60
        let hour = hh < 10 ? "0\(hh)" : "\(hh)"
        let minute = minutes ? (mm < 10 ? "0\(mm)" : "\(mm)") : "00"
        return "\(day.description)T\(hour):\(minute)Z"
    }
}
