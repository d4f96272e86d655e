import Foundation
import SafeguardCore

/// Reads one whole input file (a report to submit, a labelled set), failing as an input
/// `CommandError` that says whether the path is missing, a directory or unreadable.
enum InputFile {
    /// The bytes of `path`.
    static func read(_ path: String, what: String) throws -> Data {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CommandError(.input, "\(path): no such file", fix: "check the path of the \(what)")
        }
        if isDirectory.boolValue {
            throw CommandError(.input, "\(path) is a directory, not a file", fix: "give the \(what) file itself")
        }
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw CommandError(.input, "\(path): cannot read the file: \(FileErrorReason.of(error))", fix: "check its permissions")
        }
    }
}
