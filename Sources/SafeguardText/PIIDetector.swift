import Foundation
import SafeguardCore

/// Finds personal data in UTF-8 text in one pass over the bytes: e-mail addresses and
/// @handles (around each `@`), e-mail addresses spelled out ("jane at gmail dot com"), then
/// phones, addresses, postcodes, number plates, taxi badge/plate numbers and person names word
/// by word.
///
/// Detection is rule- and gazetteer-based (no model), so it is fast and explainable; see
/// `PIIDetector+Person.swift` for how names are told apart from ordinary words and places.
public struct PIIDetector: Sendable {
    /// The word lists used for names.
    public var gazetteer: NameGazetteer

    /// Creates a detector.
    public init(gazetteer: NameGazetteer) {
        self.gazetteer = gazetteer
    }

    /// The spans of personal data in `text`, sorted, not overlapping.
    ///
    /// Words in `preserving` (folded, e.g. the words of the premises' own name) are never taken as names.
    public func detect(_ text: UnsafeBufferPointer<UInt8>, preserving: ByteWordSet? = nil) -> [PIISpan] {
        var spans = self.contactSpans(text)
        let spelled = Self.spelledEmails(text)
        if !spelled.isEmpty {
            for span in spelled where !spans.contains(where: { $0.start < span.end && span.start < $0.end }) {
                spans.append(span)
            }
            spans.sort { $0.start < $1.start }
        }
        var words = WordScanner(text: text, detector: self, preserving: preserving, fixed: spans)
        words.run()
        if words.found.isEmpty { return spans }
        spans.append(contentsOf: words.found)
        spans.sort { $0.start < $1.start }
        var merged: [PIISpan] = []
        merged.reserveCapacity(spans.count)
        for span in spans {
            if let last = merged.last, span.start < last.end { continue }
            merged.append(span)
        }
        return merged
    }

    /// E-mail addresses and @handles, found around each `@`.
    func contactSpans(_ text: UnsafeBufferPointer<UInt8>) -> [PIISpan] {
        var spans: [PIISpan] = []
        guard let base = text.baseAddress, text.count > 0 else { return spans }
        let n = text.count
        var from = 0
        while from < n, let found = memchr(base + from, 0x40, n - from) {
            let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            from = at + 1
            if let last = spans.last, at < last.end { continue }
            if let email = Self.email(text, at: at) {
                spans.append(email)
                from = email.end
            } else if let handle = Self.handle(text, at: at) {
                spans.append(handle)
                from = handle.end
            }
        }
        return spans
    }

    @inline(__always) static func isLocalPart(_ b: UInt8) -> Bool {
        ByteClass.isAlnum(b) || b == 0x2E || b == 0x5F || b == 0x25 || b == 0x2B || b == 0x2D
    }

    static func email(_ text: UnsafeBufferPointer<UInt8>, at: Int) -> PIISpan? {
        var start = at
        while start > 0 && Self.isLocalPart(text[start - 1]) { start -= 1 }
        while start < at && text[start] == 0x2E { start += 1 }
        guard start < at else { return nil }
        var end = at + 1
        var lastDot = -1
        while end < text.count {
            let b = text[end]
            if ByteClass.isAlnum(b) || b == 0x2D {
                end += 1
            } else if b == 0x2E && end + 1 < text.count && ByteClass.isAlnum(text[end + 1]) {
                lastDot = end
                end += 1
            } else {
                break
            }
        }
        guard lastDot > at + 1, end - lastDot - 1 >= 2 else { return nil }
        for k in (lastDot + 1)..<end where !ByteClass.isAlpha(text[k]) { return nil }
        return PIISpan(type: .email, start: start, end: end)
    }

    static func handle(_ text: UnsafeBufferPointer<UInt8>, at: Int) -> PIISpan? {
        if at > 0 && (ByteClass.table[Int(text[at - 1])] & ByteClass.word) != 0 { return nil }
        var end = at + 1
        var letters = 0
        while end < text.count && end - at <= 31 {
            let b = text[end]
            if ByteClass.isAlpha(b) {
                letters += 1
            } else if !(ByteClass.isDigit(b) || b == 0x5F || b == 0x2E) {
                break
            }
            end += 1
        }
        while end > at + 1 && text[end - 1] == 0x2E { end -= 1 }
        guard letters > 0, end - at >= 3 else { return nil }
        return PIISpan(type: .handle, start: at, end: end)
    }
}
