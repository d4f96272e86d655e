import Crypto
import CryptoExtras
import Foundation

/// Hashes and checks officers' passwords with scrypt (RFC 7914, memory-hard). A hash carries its
/// own parameters and salt ("scrypt$N$r$p$salt$hash", hex), so raising the parameters in the
/// configuration leaves earlier hashes checkable.
public struct PasswordHasher: Sendable {
    let cost: Int
    let blockSize: Int
    let parallelism: Int

    /// A hasher with the parameters of `configuration`.
    public init(configuration: OfficerConfiguration) {
        self.cost = configuration.scryptCost
        self.blockSize = configuration.scryptBlockSize
        self.parallelism = configuration.scryptParallelism
    }

    /// The shortest password accepted.
    public static let minimumLength = 12

    /// A new hash of `password` with a fresh 16-byte salt.
    public func hash(_ password: String) throws -> String {
        var generator = SystemRandomNumberGenerator()
        let salt = (0..<16).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let key = try Self.derive(password, salt: salt, cost: self.cost, blockSize: self.blockSize, parallelism: self.parallelism)
        return "scrypt$\(self.cost)$\(self.blockSize)$\(self.parallelism)$\(Self.hex(salt))$\(Self.hex(key))"
    }

    /// Whether `password` matches `stored` (constant-time comparison); false for a malformed hash.
    public func verify(_ password: String, against stored: String) -> Bool {
        let parts = stored.split(separator: "$").map(String.init)
        guard parts.count == 6, parts[0] == "scrypt", let cost = Int(parts[1]), let blockSize = Int(parts[2]),
            let parallelism = Int(parts[3]), let salt = Self.bytes(hex: parts[4]), let expected = Self.bytes(hex: parts[5]),
            let key = try? Self.derive(password, salt: salt, cost: cost, blockSize: blockSize, parallelism: parallelism)
        else { return false }
        return key.constantTimeEquals(expected)
    }

    static func derive(_ password: String, salt: [UInt8], cost: Int, blockSize: Int, parallelism: Int) throws -> [UInt8] {
        let key = try KDF.Scrypt.deriveKey(
            from: Array(password.utf8), salt: salt, outputByteCount: 32, rounds: cost, blockSize: blockSize,
            parallelism: parallelism, maxMemory: 256 * 1024 * 1024)
        return key.withUnsafeBytes { Array($0) }
    }

    static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { String(format: "%02x", $0) }.joined()
    }

    static func bytes(hex: String) -> [UInt8]? {
        let characters = Array(hex.utf8)
        guard characters.count % 2 == 0 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(characters.count / 2)
        var index = 0
        while index < characters.count {
            guard let byte = UInt8(String(decoding: characters[index..<index + 2], as: UTF8.self), radix: 16) else { return nil }
            out.append(byte)
            index += 2
        }
        return out
    }
}
