import SafeguardCore

/// The word-by-word pass of ``PIIDetector``: walks the text once, remembers the two words
/// before the current one in the same sentence (a cue never reaches across `.`, `!`, `?`, `;` or
/// a line break) and whether a sentence just started, and hands each word start to the detector
/// for its first byte (digit, capital, lower-case cue word, `+`/`(`).
struct WordScanner {
    struct Word {
        var start: Int
        var end: Int
        static let none = Word(start: -1, end: -1)
        var exists: Bool { self.start >= 0 }
    }

    let text: UnsafeBufferPointer<UInt8>
    let gazetteer: NameGazetteer
    let preserving: ByteWordSet?
    /// Spans found before this pass (e-mails, handles), skipped here.
    let fixed: [PIISpan]
    var found: [PIISpan] = []
    var previous = Word.none
    var beforePrevious = Word.none
    var sentenceStart = true
    /// Where the last person name found ends (-1: none yet): "Priya and Ffion" reads Ffion as
    /// Priya's list partner even though the recorded name is no longer `previous`.
    var lastPersonEnd = -1

    init(text: UnsafeBufferPointer<UInt8>, detector: PIIDetector, preserving: ByteWordSet?, fixed: [PIISpan]) {
        self.text = text
        self.gazetteer = detector.gazetteer
        self.preserving = preserving
        self.fixed = fixed
    }


    /// The byte class table, held here so the hot loop does not re-check a global's initialisation.
    let table: [UInt8] = ByteClass.table

    @inline(__always) func cls(_ i: Int) -> UInt8 { self.table[Int(self.text[i])] }
    @inline(__always) func isWord(_ i: Int) -> Bool { i >= 0 && i < self.text.count && (self.cls(i) & ByteClass.word) != 0 }

    /// End of the word starting at `i` (letters, digits, non-ASCII; inner `'` or `-` before a letter).
    @inline(__always) func wordEnd(_ i: Int) -> Int {
        var e = i
        let n = self.text.count
        while e < n {
            let b = self.text[e]
            if (self.table[Int(b)] & ByteClass.word) != 0 {
                e += 1
            } else if (b == 0x27 || b == 0x2D) && e + 1 < n && (self.table[Int(self.text[e + 1])] & ByteClass.letter) != 0
                && e > i
            {
                e += 1
            } else {
                break
            }
        }
        return e
    }

    /// The word after position `end` if only spaces (at most two) separate them.
    func nextWord(after end: Int) -> Word {
        var s = end
        var spaces = 0
        while s < self.text.count && self.text[s] == 0x20 && spaces < 3 {
            s += 1
            spaces += 1
        }
        guard spaces >= 1, spaces <= 2, s < self.text.count, (self.cls(s) & ByteClass.word) != 0 else { return .none }
        return Word(start: s, end: self.wordEnd(s))
    }

    /// Whether `word` equals the ASCII lower-case `literal` (case-insensitively).
    @inline(__always) func word(_ word: Word, is literal: StaticString) -> Bool {
        guard word.exists, word.end - word.start == literal.utf8CodeUnitCount else { return false }
        let p = literal.utf8Start
        for k in 0..<literal.utf8CodeUnitCount where ByteClass.lowercase[Int(self.text[word.start + k])] != p[k] {
            return false
        }
        return true
    }

    /// The gazetteer lists an existing word is in (one probe of the combined table).
    @inline(__always) func flags(_ word: Word) -> WordFlagTable.Flags {
        self.gazetteer.wordFlags.flags(hash: ByteWordSet.hash(self.text, word.start, word.end))
    }

    @inline(__always) func contains(_ set: ByteWordSet, _ word: Word) -> Bool {
        word.exists && set.contains(self.text, word.start, word.end)
    }

    mutating func run() {
        let n = self.text.count
        var i = 0
        var fixedIndex = 0
        while i < n {
            if fixedIndex < self.fixed.count && i >= self.fixed[fixedIndex].start {
                i = max(i, self.fixed[fixedIndex].end)
                fixedIndex += 1
                self.previous = .none
                self.beforePrevious = .none
                continue
            }
            let b = self.text[i]
            let c = self.table[Int(b)]
            if (c & ByteClass.word) == 0 {
                switch b {
                case 0x2E, 0x21, 0x3F, 0x0A, 0x0D, 0x3B:
                    // a sentence ends: cue words before it ("no questions asked.") say nothing
                    // about the next sentence's first word ("The", "Will", "Young"); only a
                    // question for a name ("What's your name? Maria") reaches across
                    self.sentenceStart = true
                    if !(b == 0x3F && (self.word(self.previous, is: "name") || self.word(self.previous, is: "surname"))) {
                        self.previous = .none
                        self.beforePrevious = .none
                    }
                case 0x3A, 0x22:
                    self.sentenceStart = true
                case 0x2B, 0x28:
                    if i + 1 < n && ByteClass.isDigit(self.text[i + 1]) && !self.isWord(i - 1),
                        let span = self.phone(at: i)
                    {
                        self.record(span)
                        i = span.end
                        continue
                    }
                default:
                    break
                }
                i += 1
                continue
            }
            let end = self.wordEnd(i)
            let current = Word(start: i, end: end)
            var span: PIISpan?
            if (c & ByteClass.digit) != 0 {
                span = self.phone(at: i) ?? self.address(at: i)
            } else if (c & ByteClass.upper) != 0 || (b >= 0xC3 && b <= 0xC5) {
                span = self.plate(at: i, end: end) ?? self.postcode(at: i, end: end) ?? self.licenceCode(at: i, end: end)
                    ?? self.northernIrelandPlate(at: i) ?? self.capitalisedLicenceCue(current)
                    ?? self.handleAfterPlatform(current) ?? self.person(current)
            } else if (c & ByteClass.lower) != 0 {
                span = self.lowerCaseWord(current)
            }
            if let span, span.end > i {
                self.record(span)
                i = span.end
                continue
            }
            self.beforePrevious = self.previous
            self.previous = current
            self.sentenceStart = false
            i = end
        }
    }

    mutating func record(_ span: PIISpan) {
        self.found.append(span)
        if span.type == .person { self.lastPersonEnd = span.end }
        self.previous = .none
        self.beforePrevious = .none
        self.sentenceStart = false
    }

    /// A capitalised badge/plate/registration cue ("Badge 1234", "Reg: AB12 CDE").
    func capitalisedLicenceCue(_ word: Word) -> PIISpan? {
        let length = word.end - word.start
        guard length == 3 || length == 4 || length == 5 || length == 7 || length == 12 else { return nil }
        return self.licenceNumber(after: word)
    }

    /// Lower-case words: badge/plate cues, lower-case plates and postcodes, names after a cue.
    func lowerCaseWord(_ word: Word) -> PIISpan? {
        let length = word.end - word.start
        let first = self.text[word.start]
        if (length == 3 || length == 4 || length == 5 || length == 7 || length == 12)
            && (first == 0x62 || first == 0x70 || first == 0x6C || first == 0x72 || first == 0x74 || first == 0x63 || first == 0x76)
        {
            if let span = self.licenceNumber(after: word) { return span }
        }
        if length <= 4 {
            var digit = false
            for k in word.start..<word.end where ByteClass.isDigit(self.text[k]) { digit = true }
            if digit, let span = self.plate(at: word.start, end: word.end) ?? self.postcode(at: word.start, end: word.end) {
                return span
            }
        }
        return self.handleAfterPlatform(word) ?? self.person(word)
    }
}
