import Foundation

extension String {
    /// The same as `trimmingCharacters(in: .whitespaces)` (tabs and Unicode space separators off
    /// both ends), without Foundation's bridging when both ends are ASCII: the import trims every
    /// field of every review, and Foundation's version was the largest cost of reading them.
    var trimmingWhitespace: String {
        var text = self
        let trimmed: String?? = text.withUTF8 { bytes in
            var start = 0
            var end = bytes.count
            while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
            while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
            // A non-ASCII end may be a Unicode space (U+00A0, U+2009, …): Foundation decides those.
            if start < end, bytes[start] >= 0x80 || bytes[end - 1] >= 0x80 { return nil }
            if start == 0, end == bytes.count { return .some(nil) }
            return .some(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
        }
        switch trimmed {
        case .none: return self.trimmingCharacters(in: .whitespaces)
        case .some(.none): return self
        case .some(.some(let shorter)): return shorter
        }
    }
}
