import Foundation
import Testing

/// Runs the built `safeguard` command as a user would: arguments, a working directory, and its
/// exit status, standard output and standard error. The binary is the one `swift build` put
/// beside the test bundle (or `$SAFEGUARD_BIN`).
struct SafeguardBinary {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        /// Both streams, for messages that may go to either.
        var output: String { self.stdout + self.stderr }
    }

    /// The repository root (for `rules/`, `corpus/` and the test fixtures).
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The small real FHRS extract committed for the tests (Open Government Licence v3.0).
    static let fhrsFixture = repositoryRoot.appendingPathComponent("Tests/SafeguardImportTests/Fixtures/fhrs/FHRS898en-GB.xml").path

    static let executable: URL? = {
        if let path = ProcessInfo.processInfo.environment["SAFEGUARD_BIN"] { return URL(fileURLWithPath: path) }
        var directory = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("safeguard")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return nil
    }()

    /// A fresh empty working directory, removed by the caller with `cleanUp`.
    let directory: URL

    init() throws {
        self.directory = FileManager.default.temporaryDirectory.appendingPathComponent("safeguard-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: self.directory, withIntermediateDirectories: true)
    }

    func cleanUp() {
        try? FileManager.default.removeItem(at: self.directory)
    }

    /// The path of `name` inside the working directory.
    func path(_ name: String) -> String { self.directory.appendingPathComponent(name).path }

    /// Writes `text` to `name` in the working directory and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let url = self.directory.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// Runs `safeguard arguments` in the working directory with the repository's rules; standard
    /// output goes to `stdoutPath` when given (e.g. /dev/full).
    func run(_ arguments: [String], stdoutPath: String? = nil) throws -> Result {
        let executable = try #require(Self.executable, "no built safeguard binary beside the tests; run swift build first")
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = self.directory
        var environment = ProcessInfo.processInfo.environment
        environment["SAFEGUARD_RULES"] = Self.repositoryRoot.appendingPathComponent("rules").path
        environment.removeValue(forKey: "SAFEGUARD_DB")
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        if let stdoutPath {
            process.standardOutput = FileHandle(forWritingAtPath: stdoutPath)
        } else {
            process.standardOutput = out
        }
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both pipes to their ends before waiting, so a full pipe cannot stall the child.
        let errors = Collected()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { errors.data = err.fileHandleForReading.readDataToEndOfFile() }
        let outData = stdoutPath == nil ? out.fileHandleForReading.readDataToEndOfFile() : Data()
        process.waitUntilExit()
        group.wait()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errors.data, as: UTF8.self))
    }

    /// Standard error, filled on another thread while standard output is read on this one.
    private final class Collected: @unchecked Sendable {
        var data = Data()
    }

    /// Whether anything but `except` exists in the working directory (a database, a rejects file).
    func created(except: Set<String>) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: self.directory.path).filter { !except.contains($0) }.sorted()
    }
}
