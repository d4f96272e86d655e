/// A 64-bit FNV-1a hash of a record's fields, stored to tell "unchanged" from "updated" on re-import.
package struct ContentHash {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    package init() {}

    package mutating func add(_ text: String?) {
        guard let text else {
            self.mix(0xff)
            return
        }
        // Same bytes as iterating `text.utf8`, but over contiguous storage (no per-byte decode).
        var value = self.value
        var contiguous = text
        contiguous.withUTF8 { bytes in
            for byte in bytes { value = (value ^ UInt64(byte)) &* 0x100_0000_01b3 }
        }
        self.value = value
        self.mix(0x1f)
    }

    /// The same as `add(String)` of the text these UTF-8 bytes spell.
    package mutating func add(bytes: UnsafeBufferPointer<UInt8>) {
        var value = self.value
        for byte in bytes { value = (value ^ UInt64(byte)) &* 0x100_0000_01b3 }
        self.value = value
        self.mix(0x1f)
    }

    package mutating func add(_ number: Int?) { self.add(number.map { String($0) }) }
    package mutating func add(_ number: Double?) { self.add(number.map { String($0) }) }
    package mutating func add(_ flag: Bool?) { self.add(flag.map { $0 ? "1" : "0" }) }

    private mutating func mix(_ byte: UInt8) {
        self.value = (self.value ^ UInt64(byte)) &* 0x100_0000_01b3
    }

    /// The hash as SQLite stores it.
    package var int64: Int64 { Int64(bitPattern: self.value) }
}
