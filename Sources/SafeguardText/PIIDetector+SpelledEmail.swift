import SafeguardCore

/// E-mail addresses written out to dodge scrapers: `jane dot doe at gmail dot com`,
/// `jane.doe [at] example [dot] co [dot] uk`, `JANE AT HOTMAIL.CO.UK`. People do this in reviews and
/// whistle-blowing reports, and the address is as personal as one written with `@`.
extension PIIDetector {
    /// First domain labels that make a bare `at` an address even with plain dots ("jane at gmail.com").
    static let mailProviders: Set<[UInt8]> = Set(
        ["gmail", "googlemail", "hotmail", "yahoo", "ymail", "outlook", "icloud", "live", "msn", "aol", "btinternet",
         "sky", "protonmail", "proton", "talktalk", "virginmedia", "ntlworld", "mail", "gmx", "zoho"].map { Array($0.utf8) })
    /// Last domain labels accepted.
    static let topLevelDomains: Set<[UInt8]> = Set(
        ["com", "net", "org", "uk", "co", "io", "info", "biz", "me", "ac", "gov", "edu", "eu", "ie", "de", "fr", "es",
         "it", "nl", "pl", "us", "ca", "au", "scot", "wales", "london"].map { Array($0.utf8) })

    /// One word of the text: its byte range, its letters lower-cased, and whether brackets enclose it
    /// (`[at]`, `(dot)`).
    struct SpelledWord {
        var start: Int
        var end: Int
        var folded: [UInt8]
        var bracketed: Bool
    }

    /// The spelled-out e-mail addresses in `text`: a local part, `at` (bare or bracketed), then domain
    /// labels joined by `.` or `dot`, ending in a known top-level domain. A bare `at` needs a spelled
    /// `dot` or a mail provider after it, so "we stayed at booking.com" and "meet at the Crown" are not
    /// addresses. Only the words around each "at" are read, so the cost is one pass over the bytes.
    static func spelledEmails(_ text: UnsafeBufferPointer<UInt8>) -> [PIISpan] {
        var spans: [PIISpan] = []
        var k = 0
        while k + 1 < text.count {
            defer { k += 1 }
            guard text[k] | 0x20 == 0x61, text[k + 1] | 0x20 == 0x74,
                k == 0 || !Self.isLocalPart(text[k - 1]), k + 2 >= text.count || !Self.isLocalPart(text[k + 2])
            else { continue }
            let bracketed = k > 0 && k + 2 < text.count && Self.closes(text[k - 1], text[k + 2])
            // "at the bar", "at night": nothing is copied unless a domain may follow
            guard bracketed || Self.mayStartDomain(after: k + 2, in: text) else { continue }
            let at = SpelledWord(
                start: bracketed ? k - 1 : k, end: bracketed ? k + 3 : k + 2, folded: Self.atWord, bracketed: bracketed)
            // the domain: labels joined by plain dots inside a word or by "dot" words
            var labels: [[UInt8]] = []
            var spelledDot = false
            var end = at.end
            var next = Self.word(from: at.end, in: text)
            while let label = next {
                let parts = label.folded.split(separator: 0x2E, omittingEmptySubsequences: false).map(Array.init)
                guard !label.bracketed, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { ByteClass.isAlnum($0) || $0 == 0x2D } })
                else { break }
                labels.append(contentsOf: parts)
                end = label.end
                // quick way out for "at the bar", "at night": no dot in the word and no "dot" after it
                guard let dot = Self.word(from: label.end, in: text), dot.folded == Self.dotWord else { break }
                spelledDot = true
                next = Self.word(from: dot.end, in: text)
                if next == nil { labels.append([]) }
            }
            guard labels.count >= 2, let last = labels.last, Self.topLevelDomains.contains(last),
                at.bracketed || spelledDot || Self.mailProviders.contains(labels[0])
            else { continue }
            // the local part: a word, or words joined by "dot"
            guard var local = Self.word(before: at.start, in: text), Self.isLocalWord(local) else { continue }
            while let dot = Self.word(before: local.start, in: text), dot.folded == Self.dotWord,
                let previous = Self.word(before: dot.start, in: text), Self.isLocalWord(previous)
            {
                local = previous
            }
            if let previous = spans.last, local.start < previous.end { continue }
            spans.append(PIISpan(type: .email, start: local.start, end: end))
            k = end
        }
        return spans
    }

    static let atWord: [UInt8] = Array("at".utf8)

    /// Whether the word after `position` holds an inner dot ("gmail.com") or a "dot" word follows it
    /// ("gmail dot com", "example [dot] com"), read without copying.
    static func mayStartDomain(after position: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        var k = position
        while k < text.count && text[k] == 0x20 { k += 1 }
        let start = k
        while k < text.count && Self.isLocalPart(text[k]) {
            if text[k] == 0x2E && k > start && k + 1 < text.count && ByteClass.isAlnum(text[k + 1]) { return true }
            k += 1
        }
        guard k > start else { return false }
        while k < text.count && text[k] == 0x20 { k += 1 }
        if k < text.count && Self.opensBracket(text[k]) { k += 1 }
        guard k + 3 <= text.count, text[k] | 0x20 == 0x64, text[k + 1] | 0x20 == 0x6F, text[k + 2] | 0x20 == 0x74
        else { return false }
        return k + 3 == text.count || !Self.isLocalPart(text[k + 3])
    }

    static let dotWord: [UInt8] = Array("dot".utf8)

    /// A local part: letters, digits and `._%+-`, beginning with a letter or digit.
    static func isLocalWord(_ word: SpelledWord) -> Bool {
        guard let first = word.folded.first, ByteClass.isAlnum(first), !word.bracketed else { return false }
        return word.folded.allSatisfy { Self.isLocalPart($0) }
    }

    /// The word starting at or after `position` past spaces only (a run of letters, digits and
    /// `._%+-`, a trailing dot dropped, brackets around it taken in), or nil at any other character.
    static func word(from position: Int, in text: UnsafeBufferPointer<UInt8>) -> SpelledWord? {
        var k = position
        while k < text.count && text[k] == 0x20 { k += 1 }
        guard k < text.count else { return nil }
        let open = text[k]
        let bracketed = Self.opensBracket(open)
        if bracketed { k += 1 }
        let start = k
        while k < text.count && Self.isLocalPart(text[k]) { k += 1 }
        var end = k
        while end > start && text[end - 1] == 0x2E { end -= 1 }
        guard end > start else { return nil }
        if bracketed {
            guard end < text.count, Self.closes(open, text[end]) else { return nil }
            return SpelledWord(start: start - 1, end: end + 1, folded: Self.folded(text[start..<end]), bracketed: true)
        }
        return SpelledWord(start: start, end: end, folded: Self.folded(text[start..<end]), bracketed: false)
    }

    /// The word ending at or before `position` past spaces only, or nil.
    static func word(before position: Int, in text: UnsafeBufferPointer<UInt8>) -> SpelledWord? {
        var k = position
        while k > 0 && text[k - 1] == 0x20 { k -= 1 }
        guard k > 0 else { return nil }
        var end = k
        let close = text[end - 1]
        let bracketed = close == 0x5D || close == 0x29 || close == 0x7D || close == 0x3E
        if bracketed { end -= 1 }
        var start = end
        while start > 0 && Self.isLocalPart(text[start - 1]) { start -= 1 }
        guard end > start else { return nil }
        if bracketed {
            guard start > 0, Self.closes(text[start - 1], close) else { return nil }
            return SpelledWord(start: start - 1, end: end + 1, folded: Self.folded(text[start..<end]), bracketed: true)
        }
        return SpelledWord(start: start, end: end, folded: Self.folded(text[start..<end]), bracketed: false)
    }

    /// `[`, `(`, `{` or `<`.
    static func opensBracket(_ byte: UInt8) -> Bool {
        byte == 0x5B || byte == 0x28 || byte == 0x7B || byte == 0x3C
    }

    static func closes(_ open: UInt8, _ close: UInt8) -> Bool {
        (open == 0x5B && close == 0x5D) || (open == 0x28 && close == 0x29) || (open == 0x7B && close == 0x7D)
            || (open == 0x3C && close == 0x3E)
    }

    static func folded(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> [UInt8] {
        bytes.map { ByteClass.isUpper($0) ? $0 | 0x20 : $0 }
    }
}
