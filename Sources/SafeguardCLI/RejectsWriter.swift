import ArgumentParser
import Foundation
import SafeguardCore
import SafeguardImport

/// Writes rejected records as CSV: `file,line,record,field,code,reason,original_record`.
/// A failed write (full disk) is remembered and thrown by `close()`, so the import fails with it.
final class RejectsWriter {
    private let handle: FileHandle
    private let path: String
    private var failure: (any Error)?

    init(path: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw CommandError(.output, "--rejects \(path) is a directory", fix: "give a file name, e.g. --rejects \(path)/rejects.csv")
        }
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw CommandError(
                .output, "cannot create the rejects file \(path): \(FileErrorReason.posix(errno))",
                fix: "check the directory exists and is writable, or choose another --rejects path")
        }
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw CommandError(.output, "cannot open the rejects file \(path) for writing", fix: "check its permissions")
        }
        self.handle = handle
        self.path = path
        self.append("file,line,record,field,code,reason,original_record\r\n")
    }

    func write(_ issue: ImportIssue) {
        let fields = [
            issue.file, String(issue.line), String(issue.record), issue.field ?? "", issue.code, issue.message,
            issue.originalRecord ?? "",
        ]
        self.append(fields.map(Self.quote).joined(separator: ",") + "\r\n")
    }

    private func append(_ text: String) {
        guard self.failure == nil else { return }
        do {
            try self.handle.write(contentsOf: Data(text.utf8))
        } catch {
            self.failure = error
        }
    }

    /// Closes the file; throws an output error when any write to it failed.
    func close() throws {
        var failure = self.failure
        do {
            try self.handle.close()
        } catch {
            failure = failure ?? error
        }
        if let failure {
            throw CommandError(
                .output, "could not write the rejects file \(self.path): \(FileErrorReason.of(failure))",
                fix: "free some space or choose another --rejects path, then run the import again")
        }
    }

    /// RFC 4180 quoting.
    static func quote(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
