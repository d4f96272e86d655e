import ArgumentParser
import Foundation
import SafeguardImport

/// Writes rejected records as CSV: `file,line,record,field,code,reason,original_record`.
final class RejectsWriter {
    private let handle: FileHandle

    init(path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw ValidationError("cannot create the rejects file '\(path)'; check the directory exists and is writable")
        }
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw ValidationError("cannot write the rejects file '\(path)'")
        }
        self.handle = handle
        self.handle.write(Data("file,line,record,field,code,reason,original_record\r\n".utf8))
    }

    func write(_ issue: ImportIssue) {
        let fields = [
            issue.file, String(issue.line), String(issue.record), issue.field ?? "", issue.code, issue.message,
            issue.originalRecord ?? "",
        ]
        self.handle.write(Data((fields.map(Self.quote).joined(separator: ",") + "\r\n").utf8))
    }

    func close() {
        try? self.handle.close()
    }

    /// RFC 4180 quoting.
    static func quote(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
