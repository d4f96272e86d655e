#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A byte-level RFC 4180 CSV reader that streams a file in chunks, so memory stays flat.
///
/// Quoted fields may hold commas, doubled quotes and line breaks; records end with CRLF, LF or CR;
/// a UTF-8 byte-order mark is skipped; blank lines are skipped. Fields are decoded as UTF-8, or as
/// Windows-1252 when they are not valid UTF-8 (`CSVRecord.usedFallbackEncoding` tells the caller
/// to warn). A quote left open at the end of the file is an `ImportError` (`csv.unclosed-quote`):
/// the file was cut short or is not CSV.
public final class CSVReader {
    /// The name of the file for messages.
    public let fileName: String
    private let descriptor: Int32?
    private var buffer: [UInt8]
    private var filled = 0
    private var atEOF = false
    private let chunkSize: Int
    /// Bytes read from the source so far (for progress bars).
    public private(set) var bytesRead = 0

    /// Opens a file for streaming.
    ///
    /// - Throws: `ImportError` `file.missing` / `file.unreadable`.
    public init(path: String, displayName: String? = nil, chunkSize: Int = 1 << 20) throws {
        self.fileName = displayName ?? path
        try FileCheck.readable(path, as: self.fileName)
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw ImportError(code: "file.unreadable", file: self.fileName, message: "cannot open the file for reading")
        }
        self.descriptor = descriptor
        self.chunkSize = max(chunkSize, 16)
        self.buffer = [UInt8](repeating: 0, count: self.chunkSize * 2)
    }

    /// Reads CSV held in memory (tests, fuzzing).
    public init(bytes: [UInt8], name: String) {
        self.fileName = name
        self.descriptor = nil
        self.buffer = bytes
        self.filled = bytes.count
        self.atEOF = true
        self.chunkSize = max(bytes.count, 16)
    }

    deinit {
        if let descriptor { close(descriptor) }
    }

    /// Calls `body` with each record in order (the header is record 0).
    ///
    /// The record is only valid inside the call. Throwing from `body` stops reading.
    public func forEachRecord(_ body: (CSVRecord) throws -> Void) throws {
        var starts: [Int] = []
        var ends: [Int] = []
        var flags: [UInt8] = []
        starts.reserveCapacity(64)
        ends.reserveCapacity(64)
        flags.reserveCapacity(64)
        var position = 0
        var line = 1
        var number = 0
        try self.fill(keepingFrom: &position)
        if self.filled >= 3, self.buffer[0] == 0xEF, self.buffer[1] == 0xBB, self.buffer[2] == 0xBF { position = 3 }
        while true {
            if position >= self.filled {
                if self.atEOF { return }
                try self.fill(keepingFrom: &position)
                if position >= self.filled { return }
            }
            starts.removeAll(keepingCapacity: true)
            ends.removeAll(keepingCapacity: true)
            flags.removeAll(keepingCapacity: true)
            let outcome = self.buffer.withUnsafeBufferPointer { bytes in
                Self.scanRecord(bytes, from: position, filled: self.filled, atEOF: self.atEOF, &starts, &ends, &flags)
            }
            switch outcome {
            case .needMore:
                try self.fill(keepingFrom: &position)
                continue
            case .unclosedQuote:
                throw ImportError(
                    code: "csv.unclosed-quote", file: self.fileName, line: line, element: "field \(starts.count + 1)",
                    message: "a quoted field opened on this line is never closed; the file was cut short or a "
                        + "quote is missing", recordsBefore: max(0, number - 1))
            case .record(let next, let newlines):
                let isBlank = starts.count == 1 && ends[0] == starts[0] && flags[0] == 0
                if !isBlank {
                    try self.buffer.withUnsafeBufferPointer { bytes in
                        let record = CSVRecord(
                            bytes: bytes, start: position, end: next, starts: starts, ends: ends, flags: flags,
                            line: line, number: number)
                        try body(record)
                    }
                    number += 1
                }
                line += newlines
                position = next
            }
        }
    }

    enum ScanOutcome {
        case record(next: Int, newlines: Int)
        case needMore
        case unclosedQuote
    }

    /// Scans one record starting at `from`; field bounds go to the arrays (flags: 1 quoted, 2 doubled quotes).
    static func scanRecord(
        _ bytes: UnsafeBufferPointer<UInt8>, from: Int, filled: Int, atEOF: Bool, _ starts: inout [Int],
        _ ends: inout [Int], _ flags: inout [UInt8]
    ) -> ScanOutcome {
        let base = bytes.baseAddress!
        var index = from
        var newlines = 0
        let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        while true {
            // Start of a field.
            if index < filled, base[index] == quote {
                var flag: UInt8 = 1
                let contentStart = index + 1
                var cursor = contentStart
                var contentEnd = -1
                while cursor < filled {
                    guard let hit = memchr(base + cursor, Int32(quote), filled - cursor) else {
                        cursor = filled
                        break
                    }
                    let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if at + 1 < filled, base[at + 1] == quote {
                        flag = 3
                        cursor = at + 2
                        continue
                    }
                    if at + 1 >= filled, !atEOF { return .needMore }
                    contentEnd = at
                    cursor = at + 1
                    break
                }
                if contentEnd < 0 { return atEOF ? .unclosedQuote : .needMore }
                for offset in contentStart..<contentEnd where base[offset] == lf { newlines += 1 }
                // Lenient: text after the closing quote up to the delimiter is ignored.
                while cursor < filled, base[cursor] != comma, base[cursor] != lf, base[cursor] != cr { cursor += 1 }
                starts.append(contentStart)
                ends.append(contentEnd)
                flags.append(flag)
                index = cursor
            } else {
                let fieldStart = index
                while index < filled {
                    let byte = base[index]
                    if byte == comma || byte == lf || byte == cr { break }
                    index += 1
                }
                starts.append(fieldStart)
                ends.append(index)
                flags.append(0)
            }
            if index >= filled {
                if !atEOF { return .needMore }
                return .record(next: filled, newlines: newlines)
            }
            let byte = base[index]
            if byte == comma {
                index += 1
                continue
            }
            // End of record: LF, CR or CRLF.
            newlines += 1
            if byte == cr {
                if index + 1 >= filled, !atEOF { return .needMore }
                if index + 1 < filled, base[index + 1] == lf { index += 1 }
            }
            return .record(next: index + 1, newlines: newlines)
        }
    }

    /// Moves the unread tail to the front and reads the next chunk after it.
    private func fill(keepingFrom position: inout Int) throws {
        guard let descriptor, !self.atEOF else { return }
        let keep = self.filled - position
        if keep > 0, position > 0 {
            self.buffer.withUnsafeMutableBufferPointer { bytes in
                _ = memmove(bytes.baseAddress!, bytes.baseAddress! + position, keep)
            }
        }
        self.filled = keep
        position = 0
        if self.buffer.count - self.filled < self.chunkSize {
            self.buffer.append(contentsOf: repeatElement(0, count: self.buffer.count))
        }
        let want = self.buffer.count - self.filled
        let got = self.buffer.withUnsafeMutableBufferPointer { bytes in
            read(descriptor, bytes.baseAddress! + self.filled, want)
        }
        guard got >= 0 else {
            throw ImportError(code: "file.read", file: self.fileName, message: "reading the file failed (errno \(errno))")
        }
        if got == 0 { self.atEOF = true }
        self.filled += got
        self.bytesRead += got
    }
}
