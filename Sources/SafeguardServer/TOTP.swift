import Crypto
import Foundation

/// Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP): the second factor an admin can
/// require (`safeguard users totp NAME`). Codes are 6 digits over 30-second steps with HMAC-SHA1,
/// what authenticator apps expect; a code from the step before or after is accepted for clock drift.
public struct TOTP: Sendable {
    /// The shared secret.
    public let secret: [UInt8]
    /// Digits in a code.
    public var digits: Int = 6
    /// Seconds per step.
    public var period: Int = 30

    /// A TOTP over `secret`.
    public init(secret: [UInt8], digits: Int = 6, period: Int = 30) {
        self.secret = secret
        self.digits = digits
        self.period = period
    }

    /// A new random 160-bit secret.
    public static func randomSecret() -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<20).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }

    /// The code for time `date` (RFC 6238 with SHA-1).
    public func code(at date: Date) -> String {
        self.code(counter: UInt64(max(0, date.timeIntervalSince1970) / Double(self.period)))
    }

    /// The HOTP value for `counter` (RFC 4226 section 5.3, dynamic truncation).
    public func code(counter: UInt64) -> String {
        let message = withUnsafeBytes(of: counter.bigEndian) { Data($0) }
        let mac = Array(HMAC<Insecure.SHA1>.authenticationCode(for: message, using: SymmetricKey(data: self.secret)))
        let offset = Int(mac[mac.count - 1] & 0x0f)
        let binary =
            (UInt32(mac[offset] & 0x7f) << 24) | (UInt32(mac[offset + 1]) << 16) | (UInt32(mac[offset + 2]) << 8)
            | UInt32(mac[offset + 3])
        var modulus: UInt32 = 1
        for _ in 0..<self.digits { modulus *= 10 }
        let value = String(binary % modulus)
        return String(repeating: "0", count: self.digits - value.count) + value
    }

    /// Whether `code` is right at `date`, or one step either side.
    public func verify(_ code: String, at date: Date) -> Bool {
        let typed = code.filter { !$0.isWhitespace }
        let step = Int64(max(0, date.timeIntervalSince1970) / Double(self.period))
        return (step - 1...step + 1).contains { candidate in
            candidate >= 0 && Array(self.code(counter: UInt64(candidate)).utf8).constantTimeEquals(Array(typed.utf8))
        }
    }

    /// The RFC 4648 base32 form of the secret (what authenticator apps take).
    public var base32Secret: String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        var out = ""
        var buffer = 0
        var bits = 0
        for byte in self.secret {
            buffer = (buffer << 8) | Int(byte)
            bits += 8
            while bits >= 5 {
                out.append(alphabet[(buffer >> (bits - 5)) & 31])
                bits -= 5
            }
        }
        if bits > 0 { out.append(alphabet[(buffer << (5 - bits)) & 31]) }
        return out
    }

    /// Reads an RFC 4648 base32 secret; nil when malformed.
    public static func secret(base32 text: String) -> [UInt8]? {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        var out: [UInt8] = []
        var buffer = 0
        var bits = 0
        for character in text.uppercased() where character != "=" {
            guard let value = alphabet.firstIndex(of: character) else { return nil }
            buffer = (buffer << 5) | value
            bits += 5
            if bits >= 8 {
                out.append(UInt8((buffer >> (bits - 8)) & 0xff))
                bits -= 8
            }
        }
        return out
    }
}
