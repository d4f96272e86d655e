import NIOCore

/// Rows in the text format of `COPY … FROM STDIN`: fields separated by tabs, rows ended by a
/// newline, `\N` for NULL, and backslash, tab, newline and carriage return escaped. Text goes in
/// as whole runs of bytes between the characters that need escaping, not byte by byte.
struct CopyTextWriter {
    /// What has been written so far.
    private(set) var buffer: ByteBuffer
    private var atRowStart = true

    /// A writer with room for about `capacity` bytes.
    init(capacity: Int) {
        self.buffer = ByteBufferAllocator().buffer(capacity: capacity)
    }

    /// Ends the current row.
    mutating func endRow() {
        self.buffer.writeInteger(UInt8(ascii: "\n"))
        self.atRowStart = true
    }

    /// The next field: a text, or NULL.
    mutating func field(_ value: String?) {
        guard var value else { return self.null() }
        value.withUTF8 { self.field(bytes: $0) }
    }

    /// The next field: a text given as UTF-8 bytes.
    mutating func field(bytes: UnsafeBufferPointer<UInt8>) {
        self.separate()
        var start = 0
        for index in bytes.indices {
            let escaped: StaticString
            switch bytes[index] {
            case UInt8(ascii: "\\"): escaped = "\\\\"
            case UInt8(ascii: "\t"): escaped = "\\t"
            case UInt8(ascii: "\n"): escaped = "\\n"
            case UInt8(ascii: "\r"): escaped = "\\r"
            default: continue
            }
            self.buffer.writeBytes(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[start..<index])))
            self.buffer.writeStaticString(escaped)
            start = index + 1
        }
        self.buffer.writeBytes(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[start...])))
    }

    /// The next field: a whole number, or NULL.
    mutating func field<Number: BinaryInteger>(_ value: Number?) {
        guard let value else { return self.null() }
        self.separate()
        self.buffer.writeString(String(value))
    }

    /// The next field: a floating-point number (its shortest exact form), or NULL.
    mutating func field(_ value: Double?) {
        guard let value else { return self.null() }
        self.separate()
        self.buffer.writeString(value.description)
    }

    /// The next field: NULL.
    mutating func null() {
        self.separate()
        self.buffer.writeStaticString("\\N")
    }

    private mutating func separate() {
        if self.atRowStart {
            self.atRowStart = false
        } else {
            self.buffer.writeInteger(UInt8(ascii: "\t"))
        }
    }
}
