import Crypto
import Foundation
import SafeguardCore
import SafeguardStore
import Testing

@testable import SafeguardServer

/// The keyed hashes the intake stores and checks stay standard HMAC-SHA256 under the derived
/// keys (receipts stored by an earlier version must still open), however they are computed.
@Suite struct IntakeKeysTests {
    let keys = IntakeKeys(master: Array(0..<32))

    @Test func receiptHashIsTheHMACOfTheNormalisedCode() {
        for _ in 0..<20 {
            let code = ReceiptCode.random()
            let expected = [UInt8](HMAC<SHA256>.authenticationCode(for: Data(code.normalised.utf8), using: self.keys.receipt))
            #expect(self.keys.receiptHash(code) == expected)
        }
    }

    @Test func csrfTokenIsTheTruncatedHMACOfTheCookie() {
        for cookie in ["0123456789ABCDEFGHJKMNPQRS", "ZZZZZZZZZZZZZZZZZZZZZZZZZZ"] {
            let mac = [UInt8](HMAC<SHA256>.authenticationCode(for: Data(cookie.utf8), using: self.keys.csrf))
            #expect(self.keys.csrfToken(forCookie: cookie) == Base32.encode(mac.prefix(20)))
            // Asking twice gives the same token (the keyed HMAC is copied, never consumed).
            #expect(self.keys.csrfToken(forCookie: cookie) == self.keys.csrfToken(forCookie: cookie))
        }
        #expect(self.keys.csrfToken(forCookie: "0123456789ABCDEFGHJKMNPQRS") != self.keys.csrfToken(forCookie: "ZZZZZZZZZZZZZZZZZZZZZZZZZZ"))
    }
}
