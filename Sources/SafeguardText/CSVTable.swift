/// A small RFC 4180 CSV reader over bytes: quoted fields with doubled quotes, commas and
/// newlines inside quotes, CRLF or LF line ends. Each row carries its 1-based physical line number.
public enum CSVTable {
    /// One parsed row.
    public struct Row: Sendable, Hashable {
        /// Physical line (1-based) where the row starts.
        public var line: Int
        /// The fields.
        public var fields: [String]
    }

    /// Parses all rows (the header included).
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> [Row] {
        var parser = Parser()
        var rows: [Row] = []
        parser.parse(bytes, into: &rows)
        parser.finish(into: &rows)
        return rows
    }

    /// Parses a file fed in chunks of any size (a chunk may end inside a field, a quote pair or a
    /// CRLF), giving the same rows as `parse` over the whole file; each row comes out as soon as
    /// its line end is read, so memory stays flat however large the file is.
    public struct Parser: Sendable {
        private var fields: [String] = []
        private var field: [UInt8] = []
        private var line = 1
        private var rowLine = 1
        private var inQuotes = false
        private var fieldStarted = false
        /// Inside quotes, the last chunk ended on a quote: it closes the field unless the next byte
        /// is a quote too (a doubled quote).
        private var quoteAtEnd = false
        /// The last chunk ended on a CR that ended a row: an LF first in the next chunk belongs to it.
        private var skipLF = false

        /// A parser at the start of a file.
        public init() {}

        /// Parses the next chunk, appending the rows it completes to `rows`.
        public mutating func parse(_ bytes: UnsafeBufferPointer<UInt8>, into rows: inout [Row]) {
            let n = bytes.count
            guard n > 0 else { return }
            var i = 0
            if self.skipLF {
                self.skipLF = false
                if bytes[0] == 0x0A { i = 1 }
            }
            if self.quoteAtEnd, i < n {
                self.quoteAtEnd = false
                if bytes[i] == 0x22 {
                    self.field.append(0x22)
                    i += 1
                } else {
                    self.inQuotes = false
                }
            }
            while i < n {
                if self.inQuotes {
                    // Copy the run up to the next quote in one go, counting the line ends inside it.
                    var j = i
                    while j < n {
                        let b = bytes[j]
                        if b == 0x22 { break }
                        if b == 0x0A { self.line += 1 }
                        j += 1
                    }
                    if j > i { self.field.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<j])) }
                    i = j
                    guard i < n else { break }
                    if i + 1 < n {
                        if bytes[i + 1] == 0x22 {
                            self.field.append(0x22)
                            i += 2
                            continue
                        }
                        self.inQuotes = false
                    } else {
                        self.quoteAtEnd = true
                    }
                    i += 1
                    continue
                }
                let b = bytes[i]
                switch b {
                case 0x22 where self.field.isEmpty && !self.fieldStarted:
                    self.inQuotes = true
                    self.fieldStarted = true
                case 0x2C:
                    self.fields.append(String(decoding: self.field, as: UTF8.self))
                    self.field.removeAll(keepingCapacity: true)
                    self.fieldStarted = false
                case 0x0A, 0x0D:
                    if b == 0x0D {
                        if i + 1 < n {
                            if bytes[i + 1] == 0x0A { i += 1 }
                        } else {
                            self.skipLF = true
                        }
                    }
                    self.endRow(into: &rows)
                default:
                    // An unquoted run: up to the next comma or line end (quotes inside are literal).
                    var j = i + 1
                    while j < n {
                        let c = bytes[j]
                        if c == 0x2C || c == 0x0A || c == 0x0D { break }
                        j += 1
                    }
                    self.field.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<j]))
                    self.fieldStarted = true
                    i = j
                    continue
                }
                i += 1
            }
        }

        /// Ends the file: a last row without a line end is appended to `rows`.
        public mutating func finish(into rows: inout [Row]) {
            if self.quoteAtEnd {
                self.quoteAtEnd = false
                self.inQuotes = false
            }
            self.skipLF = false
            if self.fieldStarted || !self.field.isEmpty || !self.fields.isEmpty {
                self.fields.append(String(decoding: self.field, as: UTF8.self))
                rows.append(Row(line: self.rowLine, fields: self.fields))
                self.fields.removeAll(keepingCapacity: true)
                self.field.removeAll(keepingCapacity: true)
                self.fieldStarted = false
            }
        }

        private mutating func endRow(into rows: inout [Row]) {
            self.fields.append(String(decoding: self.field, as: UTF8.self))
            self.field.removeAll(keepingCapacity: true)
            self.fieldStarted = false
            if !(self.fields.count == 1 && self.fields[0].isEmpty) {
                rows.append(Row(line: self.rowLine, fields: self.fields))
            }
            self.fields.removeAll(keepingCapacity: true)
            self.line += 1
            self.rowLine = self.line
        }
    }
}
