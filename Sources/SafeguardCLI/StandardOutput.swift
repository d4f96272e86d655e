// Only the C library here: with Foundation imported too, `stdout` (a C global) is an error under
// Swift 6 strict concurrency; read once at exit, on one thread, it is safe.
#if canImport(Glibc)
    @preconcurrency import Glibc
    private let posixWrite = Glibc.write
#elseif canImport(Darwin)
    @preconcurrency import Darwin
    private let posixWrite = Darwin.write
#endif

/// Checks that everything printed to standard output reached it.
enum StandardOutput {
    /// An output error when flushing standard output fails or an earlier write to it failed.
    static func flushError() -> CommandError? {
        let flushed = fflush(stdout) == 0
        let code = errno
        guard !flushed || ferror(stdout) != 0 else { return nil }
        return CommandError(
            .output, "could not write to standard output: \(Self.reason(flushed ? 0 : code))",
            fix: "check the disk has space and that whatever reads the output (a pipe, a file) is still there")
    }

    static func reason(_ code: Int32) -> String {
        code == 0 ? "a write failed" : String(cString: strerror(code)).lowercased()
    }

    /// Writes `bytes` to file descriptor `fd` in full, or throws an output error naming `name`.
    static func write(_ bytes: UnsafeRawBufferPointer, fd: Int32, name: String) throws {
        var offset = 0
        while offset < bytes.count {
            let n = posixWrite(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0, errno == EINTR { continue }
            guard n > 0 else {
                throw CommandError(
                    .output, "could not write to \(name): \(Self.reason(n < 0 ? errno : 0))",
                    fix: "check the disk has space and that whatever reads the output (a pipe, a file) is still there")
            }
            offset += n
        }
    }
}
