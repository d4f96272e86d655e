/// One CSV record, valid only inside `CSVReader.forEachRecord`'s callback.
public struct CSVRecord {
    let bytes: UnsafeBufferPointer<UInt8>
    let start: Int
    let end: Int
    let starts: [Int]
    let ends: [Int]
    let flags: [UInt8]
    /// The 1-based line where the record starts.
    public let line: Int
    /// The record number: 0 for the header, then 1, 2, ...
    public let number: Int

    /// How many fields the record has.
    public var count: Int { self.starts.count }

    /// Whether field `index` is empty.
    public func isEmpty(_ index: Int) -> Bool { self.starts[index] == self.ends[index] }

    /// The field as raw bytes (quotes not yet unescaped).
    public func withRawField<T>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
        try body(UnsafeBufferPointer(rebasing: self.bytes[self.starts[index]..<self.ends[index]]))
    }

    /// Field `index` decoded: doubled quotes unescaped, UTF-8 or else Windows-1252.
    public func field(_ index: Int) -> String {
        self.decode(index).text
    }

    /// Field `index` decoded, and whether the Windows-1252 fallback was needed.
    public func decode(_ index: Int) -> (text: String, fallback: Bool) {
        let slice = UnsafeBufferPointer(rebasing: self.bytes[self.starts[index]..<self.ends[index]])
        if self.flags[index] & 2 == 0 {
            return TextDecoding.decode(slice)
        }
        var unescaped: [UInt8] = []
        unescaped.reserveCapacity(slice.count)
        var skip = false
        for byte in slice {
            if skip {
                skip = false
                continue
            }
            unescaped.append(byte)
            if byte == UInt8(ascii: "\"") { skip = true }
        }
        return unescaped.withUnsafeBufferPointer { TextDecoding.decode($0) }
    }

    /// True when any field is not valid UTF-8 (and will be read as Windows-1252).
    public var usedFallbackEncoding: Bool {
        for index in 0..<self.count where !TextDecoding.isValidUTF8(
            UnsafeBufferPointer(rebasing: self.bytes[self.starts[index]..<self.ends[index]]))
        {
            return true
        }
        return false
    }

    /// The record's original text (for a rejects file), without its line ending.
    public var rawText: String {
        var stop = self.end
        while stop > self.start, self.bytes[stop - 1] == 0x0A || self.bytes[stop - 1] == 0x0D { stop -= 1 }
        return TextDecoding.decode(UnsafeBufferPointer(rebasing: self.bytes[self.start..<stop])).text
    }
}
