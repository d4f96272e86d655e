/// Fast `YYYY-MM-DD` rendering for explanations (many dates are rendered per second).
enum DayFormat {
    static func iso(_ daysSinceEpoch: Int) -> String {
        let day = CalendarDay(daysSinceEpoch: daysSinceEpoch)
        let parts = day.components
        guard (0...9999).contains(parts.year) else { return day.description }
        return String(unsafeUninitializedCapacity: 10) { buffer in
            buffer[0] = UInt8(48 + parts.year / 1000)
            buffer[1] = UInt8(48 + parts.year / 100 % 10)
            buffer[2] = UInt8(48 + parts.year / 10 % 10)
            buffer[3] = UInt8(48 + parts.year % 10)
            buffer[4] = UInt8(ascii: "-")
            buffer[5] = UInt8(48 + parts.month / 10)
            buffer[6] = UInt8(48 + parts.month % 10)
            buffer[7] = UInt8(ascii: "-")
            buffer[8] = UInt8(48 + parts.day / 10)
            buffer[9] = UInt8(48 + parts.day % 10)
            return 10
        }
    }
}
