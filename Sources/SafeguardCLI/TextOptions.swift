import ArgumentParser
import Foundation
import SafeguardCore
import SafeguardRules
import SafeguardText

/// Options shared by the commands that pseudonymise and scan text (`scan`, `import reviews`,
/// `import reports`, `bench text`).
struct TextOptions: ParsableArguments {
    @Option(
        name: .customLong("key-file"),
        help: "Secret key for pseudonym tokens; created with mode 0600 when absent. Keep it out of the database and of git.")
    var keyFile: String = "safeguard.key"

    /// `--rules DIR` (or `$SAFEGUARD_RULES`), the directory holding `hotels/signs.yaml`.
    @OptionGroup var rules: RulesDirectoryOptions

    @Option(help: "Sign classifier weights, relative to the rules directory (skipped when the file is absent).")
    var model: String = "models/signs-v1.json"

    @Flag(help: "Phrase rules only: do not load the sign classifier.")
    var noClassifier = false

    /// The sign classifier from `<rules>/<model>`, or nil when absent or switched off.
    func loadClassifier() throws -> SignClassifier? {
        if self.noClassifier { return nil }
        let url = try self.rules.directory().appendingPathComponent(self.model)
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        do {
            return try SignClassifier(model: JSONDecoder().decode(SignModelFile.self, from: data))
        } catch let error as TextError {
            throw ValidationError("\(url.path): \(error.message)")
        } catch {
            throw ValidationError("\(url.path) is not a sign model file (\(error)); retrain it with `safeguard model train`.")
        }
    }

    /// The sign definitions from `<rules>/hotels/signs.yaml`.
    func loadSigns() throws -> [SignDefinition] {
        let url = try self.rules.directory().appendingPathComponent("hotels/signs.yaml")
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw CommandError(
                .rules, "no sign list at \(url.path)", fix: "pass --rules DIR (or set SAFEGUARD_RULES) where DIR/hotels/signs.yaml exists")
        }
        do {
            return try SignListLoader.load(file: url)
        } catch {
            throw CommandError(.rules, "\(error)", fix: "run `safeguard rules check` and fix what it lists")
        }
    }

    /// The analyser: signs, key (created if absent) and the bundled gazetteer.
    func makeAnalyser() throws -> TextAnalyser {
        let signs = try self.loadSigns()
        let key = try KeyFile.loadOrCreate(path: self.keyFile)
        let gazetteer: NameGazetteer
        do {
            gazetteer = try NameGazetteer.bundled()
        } catch {
            throw CommandError(.input, error.message)
        }
        return TextAnalyser(signs: signs, key: key, gazetteer: gazetteer, classifier: try self.loadClassifier())
    }
}

/// Reads the pseudonymisation key file, or creates one with 32 random bytes (hex) and mode 0600.
enum KeyFile {
    static func loadOrCreate(path: String) throws -> PseudonymKey {
        if !FileManager.default.fileExists(atPath: path) {
            let (key, bytes) = PseudonymKey.random()
            let hex = bytes.map { String(format: "%02x", $0) }.joined() + "\n"
            let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
            guard fd >= 0 else {
                throw CommandError(
                    .output, "cannot create the key file \(path): \(FileErrorReason.posix(errno))",
                    fix: "check the directory exists and is writable, or pass --key-file PATH")
            }
            defer { close(fd) }
            let written = hex.utf8CString.withUnsafeBufferPointer { write(fd, $0.baseAddress, hex.utf8.count) }
            guard written == hex.utf8.count else {
                let reason = written < 0 ? FileErrorReason.posix(errno) : "a short write"
                unlink(path)
                throw CommandError(.output, "cannot write the key file \(path): \(reason)", fix: "free some space or pass --key-file PATH elsewhere")
            }
            FileHandle.standardError.write(Data("safeguard: created a new pseudonymisation key in \(path) (mode 0600). Keep it: tokens are only comparable under the same key.\n".utf8))
            return key
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandError(.input, "cannot read the key file \(path)", fix: "check it is a file and its permissions, or pass --key-file PATH")
        }
        if let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let mode = attributes[.posixPermissions] as? Int, mode & 0o077 != 0
        {
            FileHandle.standardError.write(Data("safeguard: warning: key file \(path) is readable by others; run chmod 600 \(path).\n".utf8))
        }
        // a hex key file (what `safeguard` writes) or, failing that, the raw bytes
        let bytes = HexText.decode(String(decoding: data, as: UTF8.self), minimumDigits: 32) ?? [UInt8](data)
        do {
            return try PseudonymKey(bytes: bytes)
        } catch {
            throw CommandError(.input, "key file \(path): \(error.message)")
        }
    }
}
