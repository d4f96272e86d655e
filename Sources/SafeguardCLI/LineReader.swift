import Foundation
import SafeguardCore
import SafeguardImport

/// Reads a file (or standard input for `-`) in 1 MiB chunks and hands out lines as byte buffers,
/// without building a `String` per line.
struct LineReader {
    let fd: Int32
    let name: String

    init(path: String) throws {
        if path == "-" {
            self.fd = 0
            self.name = "standard input"
        } else {
            try FileCheck.readable(path, as: path)
            let fd = open(path, O_RDONLY)
            guard fd >= 0 else {
                throw CommandError(.input, "\(path): cannot open the file: \(FileErrorReason.posix(errno))", fix: "check the path and its permissions")
            }
            self.fd = fd
            self.name = path
        }
    }

    /// Calls `body` with each line (without its newline or a trailing `\r`) and its 1-based number.
    func forEachLine(_ body: (UnsafeBufferPointer<UInt8>, Int) throws -> Void) throws {
        defer { if self.fd != 0 { close(self.fd) } }
        var pending: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        var lineNumber = 0
        while true {
            let count = chunk.withUnsafeMutableBytes { read(self.fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw CommandError(.input, "\(self.name): reading failed after line \(lineNumber): \(FileErrorReason.posix(errno))")
            }
            if count == 0 { break }
            try chunk.withUnsafeBufferPointer { buffer in
                var start = 0
                for i in 0..<count where buffer[i] == 0x0A {
                    lineNumber += 1
                    if pending.isEmpty {
                        try body(Self.trimCR(UnsafeBufferPointer(rebasing: buffer[start..<i])), lineNumber)
                    } else {
                        pending.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start..<i]))
                        try pending.withUnsafeBufferPointer { try body(Self.trimCR($0), lineNumber) }
                        pending.removeAll(keepingCapacity: true)
                    }
                    start = i + 1
                }
                pending.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start..<count]))
            }
        }
        if !pending.isEmpty {
            lineNumber += 1
            try pending.withUnsafeBufferPointer { try body(Self.trimCR($0), lineNumber) }
        }
    }

    static func trimCR(_ line: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        if let last = line.last, last == 0x0D { return UnsafeBufferPointer(rebasing: line.dropLast()) }
        return line
    }
}

/// Buffered writes to a file descriptor (standard output by default); a failed write (full disk,
/// closed pipe) throws an output `CommandError`.
struct OutputBuffer {
    var bytes: [UInt8] = []
    let fd: Int32
    let name: String

    init(fd: Int32 = 1, name: String = "standard output") {
        self.fd = fd
        self.name = name
        self.bytes.reserveCapacity(1 << 20)
    }

    mutating func flushIfLarge() throws {
        if self.bytes.count >= 1 << 20 { try self.flush() }
    }

    mutating func flush() throws {
        defer { self.bytes.removeAll(keepingCapacity: true) }
        try self.bytes.withUnsafeBytes { try StandardOutput.write($0, fd: self.fd, name: self.name) }
    }
}

/// An I/O error with a message for the user.
struct TextIOError: Error, CustomStringConvertible {
    var message: String
    var description: String { self.message }
}
