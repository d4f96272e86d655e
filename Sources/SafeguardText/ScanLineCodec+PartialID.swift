extension ScanLineCodec {
    /// The raw `id` of a line that ``parse(_:)`` rejected, when the line got as far as a complete
    /// `"id": value` field before its fault (e.g. `{"id": 7}` with no text), so the error record
    /// can name the record; `nil` when no id could be read.
    public static func partialID(_ line: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var p = JSONCursor(bytes: line)
        p.skipSpace()
        guard p.peek == 0x7B else { return nil }
        p.i += 1
        while true {
            p.skipSpace()
            guard p.peek == 0x22, let key = try? p.string() else { return nil }
            p.skipSpace()
            guard p.peek == 0x3A else { return nil }
            p.i += 1
            p.skipSpace()
            let start = p.i
            guard (try? p.skipValue()) != nil else { return nil }
            if key == "id" { return Array(UnsafeBufferPointer(rebasing: line[start..<p.i])) }
            p.skipSpace()
            guard p.peek == 0x2C else { return nil }
            p.i += 1
        }
    }
}
