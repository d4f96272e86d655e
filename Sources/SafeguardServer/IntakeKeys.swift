import Crypto
import Foundation
import SafeguardStore

/// The intake's secret keys, all derived (HKDF-SHA256) from one key file kept outside the
/// database: AES-GCM for text at rest, HMAC for receipt codes, CSRF tokens and partner tokens.
public struct IntakeKeys: Sendable {
    let seal: SymmetricKey
    let receipt: SymmetricKey
    let csrf: SymmetricKey
    /// HMACs already keyed (the key's inner and outer pads hashed once, not per request).
    let receiptMAC: HMAC<SHA256>
    let csrfMAC: HMAC<SHA256>
    let token: SymmetricKey
    /// A hex HMAC of a fixed label: recorded in the database so another or a lost key is noticed.
    public let fingerprint: String

    /// Derives the keys from the key file's bytes.
    public init(master bytes: [UInt8]) {
        let master = SymmetricKey(data: bytes)
        func derive(_ label: String) -> SymmetricKey {
            HKDF<SHA256>.deriveKey(
                inputKeyMaterial: master, salt: Data("safeguard-intake".utf8), info: Data(label.utf8), outputByteCount: 32)
        }
        self.seal = derive("seal.v1")
        self.receipt = derive("receipt.v1")
        self.csrf = derive("csrf.v1")
        self.token = derive("partner-token.v1")
        self.receiptMAC = HMAC<SHA256>(key: self.receipt)
        self.csrfMAC = HMAC<SHA256>(key: self.csrf)
        let check = HMAC<SHA256>.authenticationCode(for: Data("fingerprint.v1".utf8), using: derive("fingerprint.v1"))
        self.fingerprint = Data(check).prefix(8).map { String(format: "%02x", $0) }.joined()
    }

    /// Loads the key file for `store`, creating it only when the store holds no sealed report.
    ///
    /// - Throws: `ServerError` "server.key.lost" when the file is missing but the database holds
    ///   reports sealed with a key, "server.key.wrong" when the file holds another key.
    public static func load(path: String, for store: any IntakeStore) throws(ServerError) -> IntakeKeys {
        let recorded: String?
        do {
            recorded = try store.intakeKeyFingerprint()
        } catch {
            throw ServerError(code: "server.store", message: "cannot read the database: \(error)")
        }
        let keys: IntakeKeys
        if FileManager.default.fileExists(atPath: path) {
            keys = IntakeKeys(master: try SecretKeyFile.read(path: path))
        } else if let recorded {
            throw ServerError(
                code: "server.key.lost",
                message: "the intake key file \(path) is missing, but the database holds reports sealed with key "
                    + "\(recorded). Restore the key file from your backup (or pass --intake-key-file): without it "
                    + "those reports cannot be read, and a new key will not be created over them.")
        } else {
            keys = IntakeKeys(master: try SecretKeyFile.create(path: path))
        }
        if let recorded, recorded != keys.fingerprint {
            throw ServerError(
                code: "server.key.wrong",
                message: "the intake key file \(path) holds key \(keys.fingerprint), but the database's reports were "
                    + "sealed with key \(recorded). Point --intake-key-file at the right key file.")
        }
        if recorded == nil {
            do {
                try store.recordIntakeKeyFingerprint(keys.fingerprint)
            } catch {
                throw ServerError(code: "server.store", message: "cannot write the database: \(error)")
            }
        }
        return keys
    }

    /// AES-GCM seals `plaintext`, bound to `context` (the report reference): nonce, ciphertext, tag.
    func seal(_ plaintext: [UInt8], context: String) throws -> [UInt8] {
        let box = try AES.GCM.seal(plaintext, using: self.seal, authenticating: Data(context.utf8))
        return [UInt8](box.combined!)
    }

    /// Opens what `seal` sealed for the same `context`.
    ///
    /// - Throws: when the key or context differ or the bytes were altered.
    func open(_ sealed: [UInt8], context: String) throws -> [UInt8] {
        let box = try AES.GCM.SealedBox(combined: sealed)
        return [UInt8](try AES.GCM.open(box, using: self.seal, authenticating: Data(context.utf8)))
    }

    /// The keyed hash under which a receipt code is stored (of its normalised form).
    func receiptHash(_ code: ReceiptCode) -> [UInt8] {
        var mac = self.receiptMAC
        mac.update(data: Array(code.normalised.utf8))
        return [UInt8](mac.finalize())
    }

    /// The keyed hash under which a partner's bearer token is stored.
    public func tokenHash(_ token: String) -> [UInt8] {
        [UInt8](HMAC<SHA256>.authenticationCode(for: Data(token.utf8), using: self.token))
    }

    /// The CSRF form token for a cookie value.
    func csrfToken(forCookie cookie: String) -> String {
        var mac = self.csrfMAC
        mac.update(data: Array(cookie.utf8))
        return Base32.encode([UInt8](mac.finalize()).prefix(20))
    }
}
