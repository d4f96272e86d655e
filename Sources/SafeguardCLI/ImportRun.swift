import ArgumentParser
import Foundation
import SafeguardImport
import SafeguardStore

/// The bookkeeping of one `safeguard import` invocation: per-file summaries, the rejects file,
/// warnings on stderr, the progress bar and the exit status.
final class ImportRun {
    let json: Bool
    let wantsHotels: Bool
    var total = ImportSummary()
    private var rejects: RejectsWriter?
    private let rejectsPath: String?
    private var failures: [String] = []
    private var storeFailures: [String] = []
    private var warnings = 0
    private var rejected = 0
    private var progress: ProgressBar?
    private var file = ""
    private var given = 0

    init(options: ImportOptions, wantsHotels: Bool = false) throws {
        self.json = options.json
        self.wantsHotels = wantsHotels
        if wantsHotels {
            self.total.hotels = 0
            self.total.hotelsByName = 0
        }
        self.rejectsPath = options.rejects
    }

    /// The files worth opening: each one missing, a directory or unreadable is reported (no summary
    /// line) and left out, as is one that `check` rejects (e.g. a header of another format). When
    /// none is left, throws before anything (database, rejects file) is created; otherwise opens
    /// the rejects file.
    func readableFiles(_ files: [String], check: (String) throws -> Void = { _ in }) throws -> [String] {
        var readable: [String] = []
        self.given = files.count
        for file in files {
            do {
                try FileCheck.readable(file, as: file)
                try check(file)
                readable.append(file)
            } catch {
                Self.printError("error: \(self.importError(file, error).description)")
                self.failures.append(file)
            }
        }
        guard !readable.isEmpty else {
            throw CommandError(
                .input, files.count == 1 ? "nothing was imported" : "none of the \(files.count) files could be read; nothing was imported",
                fix: "fix the path or the file named above and run the import again")
        }
        if let path = self.rejectsPath {
            self.rejects = try RejectsWriter(path: path)
        }
        return readable
    }

    func begin(_ file: String) {
        self.file = file
        self.rejected = 0
        self.progress = ProgressBar(file: file)
    }

    /// Progress callback for readers (bytes consumed).
    var progressHandler: ((Int) -> Void)? {
        guard let progress = self.progress else { return nil }
        return { progress.update(bytes: $0) }
    }

    /// Records a per-record issue: rejects go to the rejects file, warnings to stderr (the first 20).
    func report(_ issue: ImportIssue) {
        switch issue.severity {
        case .rejected:
            self.rejected += 1
            self.rejects?.write(issue)
            if self.rejects == nil, self.rejected <= 20 {
                Self.printError("rejected: \(issue.location): \(issue.message)")
            }
        case .warning:
            self.warnings += 1
            if self.warnings <= 20 { Self.printError("warning: \(issue.location): \(issue.message)") }
        }
    }

    /// Runs a file's reading, turning a fatal read error into a reported failure.
    func guarded(_ file: String, _ body: () throws -> Void) -> ImportError? {
        do {
            try body()
            return nil
        } catch {
            return self.importError(file, error)
        }
    }

    /// A read error as the `ImportError` reported for the file.
    func importError(_ file: String, _ error: any Error) -> ImportError {
        error as? ImportError ?? ImportError(code: "import.failed", file: file, message: "\(error)")
    }

    func storeFailed(_ file: String, _ error: any Error) {
        Self.printError("error: \(file): storing failed: \(error)")
        self.storeFailures.append(file)
    }

    func end(_ file: String, _ summary: ImportSummary, failure: ImportError?) {
        self.progress?.finish()
        var summary = summary
        summary.rejected += self.rejected
        summary.read += self.rejected
        self.total.add(summary)
        if let failure {
            Self.printError("error: \(failure.description)")
            self.failures.append(file)
        }
        if !self.json {
            print(Self.describe(summary, file: file, hotels: self.wantsHotels))
        }
    }

    /// Prints the totals (JSON when asked) and fails when a file could not be read to its end.
    func finish() throws {
        try self.rejects?.close()
        if self.warnings > 20 { Self.printError("… and \(self.warnings - 20) more warnings") }
        if self.json {
            var object: [String: Int] = [
                "read": self.total.read, "new": self.total.new, "updated": self.total.updated,
                "unchanged": self.total.unchanged, "rejected": self.total.rejected, "linked": self.total.linked,
            ]
            if self.wantsHotels { object["hotels"] = self.total.hotels ?? 0 }
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            print(String(decoding: data, as: UTF8.self))
        }
        if self.total.uncertain > 0, !self.json {
            print("\(self.total.uncertain) uncertain matches wait for an officer: safeguard links review")
        }
        if !self.storeFailures.isEmpty {
            throw CommandError(
                .database, "\(self.storeFailures.count) file(s) could not be stored to the end; batches before the fault were kept",
                fix: "see the error above, then run the import again: it completes what is missing")
        }
        if !self.failures.isEmpty {
            throw CommandError(
                .input, "\(self.failures.count) of \(self.given) file(s) could not be read, or not to the end; records before a fault were kept",
                fix: "fix the file(s) named above and run the import again")
        }
    }

    static func describe(_ summary: ImportSummary, file: String, hotels: Bool) -> String {
        var text = "\(file): read \(summary.read), new \(summary.new), updated \(summary.updated), "
            + "unchanged \(summary.unchanged), rejected \(summary.rejected), linked \(summary.linked)"
        if hotels {
            text += ", hotels \(summary.hotels ?? 0)"
            if let byName = summary.hotelsByName, byName > 0 { text += " (+\(byName) by name under other types)" }
        }
        return text
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
