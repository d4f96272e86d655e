import Foundation
import Testing

@testable import SafeguardServer

@Suite struct ReceiptCodeTests {
    @Test func codesAreGroupedAndReadBackForgivingly() throws {
        let code = ReceiptCode.random()
        #expect(code.normalised.count == 20)
        #expect(code.grouped.split(separator: "-").map(\.count) == [4, 4, 4, 4, 4])
        #expect(ReceiptCode.parse(code.grouped) == .valid(code))
        #expect(ReceiptCode.parse(" " + code.normalised.lowercased() + " ") == .valid(code))
        let withLetters = code.normalised.replacingOccurrences(of: "0", with: "O").replacingOccurrences(of: "1", with: "l")
        #expect(ReceiptCode.parse(withLetters) == .valid(code))
        #expect(ReceiptCode.parse("hello") == .malformed)
        #expect(ReceiptCode.parse(String(code.normalised.dropLast())) == .malformed)
    }

    @Test func everySingleMistypedCharacterIsCaught() throws {
        for _ in 0..<50 {
            let code = Array(ReceiptCode.random().normalised)
            for position in code.indices {
                for replacement in Base32.alphabet where replacement != code[position] {
                    var typed = code
                    typed[position] = replacement
                    #expect(ReceiptCode.parse(String(typed)) == .mistyped)
                }
            }
        }
    }

    @Test func swappedNeighboursAreAlmostAlwaysCaught() throws {
        var swaps = 0
        var caught = 0
        for _ in 0..<200 {
            let code = Array(ReceiptCode.random().normalised)
            for position in 0..<(code.count - 1) where code[position] != code[position + 1] {
                var typed = code
                typed.swapAt(position, position + 1)
                swaps += 1
                if ReceiptCode.parse(String(typed)) == .mistyped { caught += 1 }
            }
        }
        // Luhn mod 32 misses only the swap of the two symbols 0 and V (values 0 and 31).
        #expect(Double(caught) / Double(swaps) > 0.99)
    }

    @Test func codesCarryAtLeast80BitsAndDoNotRepeat() {
        #expect(ReceiptCode.randomLength * 5 >= 80)
        let codes = Set((0..<10_000).map { _ in ReceiptCode.random() })
        #expect(codes.count == 10_000)
    }

    @Test func serviceClocksCountWorkingDays() throws {
        // Friday 2026-12-04 16:00 UTC: acknowledge by Saturday 16:00, feedback by the next Friday.
        let friday = Date(timeIntervalSince1970: Double(CalendarDayHelper.days("2026-12-04") * 86_400 + 16 * 3_600))
        #expect(IntakeClock.acknowledgeBy(receivedHour: friday) == "2026-12-05T16:00Z")
        #expect(IntakeClock.feedbackBy(receivedHour: friday) == "2026-12-11T16:00Z")
        #expect(IntakeClock.hour(friday.addingTimeInterval(59 * 60 + 59)) == "2026-12-04T16:00Z")
    }
}

enum CalendarDayHelper {
    static func days(_ iso: String) -> Int {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return Int(formatter.date(from: iso)!.timeIntervalSince1970 / 86_400)
    }
}
