import Foundation
import Testing

@testable import SafeguardServer

@Suite struct TOTPTests {
    /// RFC 6238 appendix B, SHA-1 rows (8 digits, secret "12345678901234567890").
    @Test(arguments: [
        (59, "94287082"), (1_111_111_109, "07081804"), (1_111_111_111, "14050471"), (1_234_567_890, "89005924"),
        (2_000_000_000, "69279037"), (20_000_000_000, "65353130"),
    ])
    func rfc6238Vectors(time: Int, expected: String) {
        let totp = TOTP(secret: Array("12345678901234567890".utf8), digits: 8)
        #expect(totp.code(at: Date(timeIntervalSince1970: TimeInterval(time))) == expected)
    }

    @Test func acceptsOneStepOfDriftAndNoMore() {
        let totp = TOTP(secret: Array("12345678901234567890".utf8))
        let now = Date(timeIntervalSince1970: 1_796_000_000)
        #expect(totp.verify(totp.code(at: now.addingTimeInterval(-30)), at: now))
        #expect(totp.verify(totp.code(at: now.addingTimeInterval(30)), at: now))
        #expect(!totp.verify(totp.code(at: now.addingTimeInterval(-90)), at: now))
        #expect(TOTP.secret(base32: totp.base32Secret) == totp.secret)
    }
}
