import Foundation

/// A short, lower-case reason for a failed file operation ("no such file or directory", "no space
/// left on device"), from the POSIX error under a Foundation error, for messages that name the path
/// themselves. Foundation's own `localizedDescription` on Linux reads "The file “x” doesn't exist.."
public enum FileErrorReason {
    /// The reason for `error`.
    public static func of(_ error: any Error) -> String {
        let error = error as NSError
        if error.domain == NSPOSIXErrorDomain { return Self.posix(Int32(error.code)) }
        if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return Self.posix(Int32(underlying.code))
        }
        if error.domain == NSCocoaErrorDomain {
            switch error.code {
            case 4, 260: return Self.posix(ENOENT)  // fileNoSuchFile, fileReadNoSuchFile
            case 257, 513: return Self.posix(EACCES)  // fileReadNoPermission, fileWriteNoPermission
            case 516: return Self.posix(EEXIST)  // fileWriteFileExists
            case 640: return Self.posix(ENOSPC)  // fileWriteOutOfSpace
            case 642: return Self.posix(EROFS)  // fileWriteVolumeReadOnly
            default: break
            }
        }
        return error.localizedDescription
            .replacingOccurrences(of: "The operation could not be completed. ", with: "")
            .replacingOccurrences(of: "..", with: ".")
    }

    /// The reason for the POSIX error number `code`.
    public static func posix(_ code: Int32) -> String {
        let text = String(cString: strerror(code))
        return text.prefix(1).lowercased() + text.dropFirst()
    }
}
