import ArgumentParser
import Foundation

/// `--rules DIR`, defaulting to `$SAFEGUARD_RULES` or `./rules`: the one rules-directory option of
/// every command that reads rules or the sign list (`TextOptions` includes it).
struct RulesDirectoryOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The rules directory (default: $SAFEGUARD_RULES or ./rules).", valueName: "dir"))
    var rules: String?

    /// The directory to load, checked to exist.
    func directory() throws -> URL {
        try Self.resolve(self.rules)
    }

    /// Resolves an explicit path, else `$SAFEGUARD_RULES`, else `./rules`.
    static func resolve(_ explicit: String?) throws -> URL {
        let path = explicit ?? ProcessInfo.processInfo.environment["SAFEGUARD_RULES"] ?? "rules"
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CommandError(
                .rules, "no rules directory at \(path)",
                fix: "run from the repository root, pass the rules directory (e.g. rules/) or set SAFEGUARD_RULES")
        }
        guard isDirectory.boolValue else {
            throw CommandError(
                .rules, "\(path) is a file, not a rules directory",
                fix: "pass the directory holding the rule files (e.g. rules/), not one file in it")
        }
        return URL(fileURLWithPath: path, isDirectory: true)
    }
}
