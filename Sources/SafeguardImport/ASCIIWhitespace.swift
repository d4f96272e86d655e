/// Trimming of ASCII whitespace (space, tab, CR, LF) around field texts, for `String`s and for
/// the byte ranges the FHRS reader works on.
enum ASCIIWhitespace {
    static func contains(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    /// `range` of `bytes` without leading and trailing whitespace (empty when all of it is).
    static func trimmed<C: Collection<UInt8>>(_ range: Range<C.Index>, in bytes: C) -> Range<C.Index> {
        var start = range.lowerBound
        var end = range.upperBound
        while start < end, Self.contains(bytes[start]) { start = bytes.index(after: start) }
        while end > start, Self.contains(bytes[bytes.index(end, offsetBy: -1)]) { end = bytes.index(end, offsetBy: -1) }
        return start..<end
    }
}

extension StringProtocol {
    /// The text without leading and trailing ASCII whitespace.
    func trimmingWhitespace() -> String {
        let utf8 = self.utf8
        let range = ASCIIWhitespace.trimmed(utf8.startIndex..<utf8.endIndex, in: utf8)
        return String(self[range])
    }
}

extension String {
    /// The string without leading and trailing ASCII whitespace (no copy when there is none: the
    /// CSV importer calls this on every field).
    func trimmingWhitespace() -> String {
        guard let first = self.utf8.first, let last = self.utf8.last else { return self }
        if !ASCIIWhitespace.contains(first), !ASCIIWhitespace.contains(last) { return self }
        return String(self[ASCIIWhitespace.trimmed(self.utf8.startIndex..<self.utf8.endIndex, in: self.utf8)])
    }
}
