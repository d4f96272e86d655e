import Crypto
import Foundation
import SafeguardCore

/// The secret key behind pseudonym tokens: `[PERSON-7f3a9c2b]` is the type tag plus the first
/// four bytes of HMAC-SHA256(key, tag ‖ 0 ‖ normalised value), in hex.
///
/// The same value gets the same token in every document and run under one key (linkage without
/// disclosure); without the key a token cannot be reversed by hashing guessed names. The key is
/// passed in by the caller (the CLI reads it from `--key-file`); it is never stored with the data.
public struct PseudonymKey: Sendable {
    /// The smallest key accepted, in bytes.
    public static let minimumLength = 16

    let key: SymmetricKey

    /// Creates a key from raw bytes (at least ``minimumLength``).
    public init(bytes: [UInt8]) throws(TextError) {
        guard bytes.count >= Self.minimumLength else {
            throw TextError(
                code: "key-too-short",
                message: "The pseudonymisation key has \(bytes.count) bytes; it needs at least \(Self.minimumLength). "
                    + "Delete the key file to have a new random 32-byte key created, or supply a longer one.")
        }
        self.key = SymmetricKey(data: bytes)
    }

    /// A new random 32-byte key (the CLI writes it to the key file with mode 0600).
    public static func random() -> (key: PseudonymKey, bytes: [UInt8]) {
        let raw = SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) }
        // A 32-byte key always satisfies the minimum length.
        return (try! PseudonymKey(bytes: raw), raw)
    }

    /// The token for one normalised value of one type, e.g. `[EMAIL-1c0ffee5]`.
    public func token(for type: PersonalDataType, normalisedValue: String) -> String {
        var message = Array(type.tokenTag.utf8)
        message.append(0)
        message.append(contentsOf: normalisedValue.utf8)
        let mac = HMAC<SHA256>.authenticationCode(for: message, using: self.key)
        var hex = ""
        hex.reserveCapacity(8)
        let digits = Array("0123456789abcdef".utf8)
        for byte in mac.prefix(4) {
            hex.unicodeScalars.append(UnicodeScalar(digits[Int(byte >> 4)]))
            hex.unicodeScalars.append(UnicodeScalar(digits[Int(byte & 0x0F)]))
        }
        return "[\(type.tokenTag)-\(hex)]"
    }
}
