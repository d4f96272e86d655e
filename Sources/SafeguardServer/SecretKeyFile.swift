import Foundation
import SafeguardCore

/// Reads and creates secret key files: 32 random bytes written as hex, mode 0600, created with
/// `O_EXCL` so a key is never overwritten.
public enum SecretKeyFile {
    /// The key bytes in `path`.
    ///
    /// - Throws: `ServerError` ("server.key.unreadable", "server.key.format") naming the file.
    public static func read(path: String) throws(ServerError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ServerError(code: "server.key.unreadable", message: "cannot read the key file \(path); check its permissions")
        }
        guard let bytes = HexText.decode(String(decoding: data, as: UTF8.self), minimumDigits: 32) else {
            throw ServerError(
                code: "server.key.format",
                message: "the key file \(path) is not a Safeguard key (expected at least 32 hex digits); restore it from your backup")
        }
        return bytes
    }

    /// Creates `path` holding 32 new random bytes as hex, mode 0600; returns the bytes.
    ///
    /// - Throws: `ServerError` ("server.key.create") when the file exists or cannot be written.
    public static func create(path: String) throws(ServerError) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let hex = bytes.map { String(format: "%02x", $0) }.joined() + "\n"
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else {
            throw ServerError(
                code: "server.key.create",
                message: "cannot create the key file \(path) (errno \(errno)); check the directory exists and is writable")
        }
        defer { close(fd) }
        let written = hex.utf8CString.withUnsafeBufferPointer { write(fd, $0.baseAddress, hex.utf8.count) }
        guard written == hex.utf8.count else {
            throw ServerError(code: "server.key.create", message: "could not write the key file \(path)")
        }
        return bytes
    }

    /// The bytes of `path`, creating the file when it does not exist.
    public static func loadOrCreate(path: String) throws(ServerError) -> [UInt8] {
        FileManager.default.fileExists(atPath: path) ? try self.read(path: path) : try self.create(path: path)
    }
}
