import ArgumentParser
import Foundation

/// `--rules DIR`, defaulting to `$SAFEGUARD_RULES` or `./rules`.
struct RulesDirectoryOptions: ParsableArguments {
    @Option(name: .long, help: "The rules directory (default: $SAFEGUARD_RULES or ./rules).")
    var rules: String?

    /// The directory to load, checked to exist.
    func directory() throws -> URL {
        try Self.resolve(self.rules)
    }

    /// Resolves an explicit path, else `$SAFEGUARD_RULES`, else `./rules`.
    static func resolve(_ explicit: String?) throws -> URL {
        let path = explicit ?? ProcessInfo.processInfo.environment["SAFEGUARD_RULES"] ?? "rules"
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError(
                "No rules directory at '\(path)'. Run from the repository root, pass the directory (e.g. `rules/`) or set SAFEGUARD_RULES.")
        }
        return URL(fileURLWithPath: path, isDirectory: true)
    }
}
