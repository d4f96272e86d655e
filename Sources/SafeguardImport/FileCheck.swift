import Foundation

/// Checks a path before a reader opens it, so a missing file, a directory or an unreadable file
/// gives the same clear message in every reader and command.
public enum FileCheck {
    /// Throws an `ImportError` (`file.missing`, `file.directory`, `file.unreadable`) naming `name`
    /// unless `path` is a readable regular file.
    public static func readable(_ path: String, as name: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ImportError(
                code: "file.missing", file: name, message: "the file does not exist; check the path and spelling")
        }
        guard !isDirectory.boolValue else {
            throw ImportError(code: "file.directory", file: name, message: "this is a directory, not a file; give one of the files inside it")
        }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw ImportError(
                code: "file.unreadable", file: name, message: "the file cannot be read; check its permissions")
        }
    }

    static func size(_ path: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue
    }
}
