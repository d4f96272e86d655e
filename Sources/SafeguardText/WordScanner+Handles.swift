/// Social-media usernames written without an `@`, named by the platform before them:
/// "on Snapchat as jayz_22", "Snap: lilxo2009", "insta kayleigh.x". Whistle-blowers report how
/// adults contact children this way; the username identifies a person as surely as a name.
extension WordScanner {
    /// Platform names a username follows.
    static let platforms = ByteWordSet([
        "snapchat", "snap", "insta", "instagram", "ig", "tiktok", "twitter", "kik", "telegram", "facebook", "fb",
        "discord", "threads",
    ])

    /// Words between the platform and the username ("on Snapchat as …", "snap is …").
    static let handleLinks = ByteWordSet(["as", "is", "its", "it's", "name", "called", "username", "handle", "id"])

    /// The username after `word` when `word` is a platform name, or nil.
    func handleAfterPlatform(_ word: Word) -> PIISpan? {
        // on every word's path: the first letter of a platform name (s, i, t, k, f, d) before any hashing
        let length = word.end - word.start
        let first = self.text[word.start] | 0x20
        guard length >= 2 && length <= 9,
            first == 0x73 || first == 0x69 || first == 0x74 || first == 0x6B || first == 0x66 || first == 0x64,
            self.contains(Self.platforms, word)
        else { return nil }
        var next = self.wordAfterPunctuation(word.end)
        var links = 0
        while next.exists && links < 2 && self.contains(Self.handleLinks, next) {
            next = self.wordAfterPunctuation(next.end)
            links += 1
        }
        guard next.exists else { return nil }
        // the username runs over letters, digits, "_" and inner "."
        var end = next.start
        var letters = 0
        var marks = 0
        while end < self.text.count && end - next.start <= 30 {
            let b = self.text[end]
            if ByteClass.isAlpha(b) {
                letters += 1
            } else if ByteClass.isDigit(b) || b == 0x5F {
                marks += 1
            } else if b == 0x2E && end + 1 < self.text.count && ByteClass.isAlnum(self.text[end + 1]) {
                marks += 1
            } else {
                break
            }
            end += 1
        }
        guard letters > 0, end - next.start >= 3 else { return nil }
        if end < self.text.count && (self.table[Int(self.text[end])] & ByteClass.word) != 0 { return nil }
        // a plain word after the platform ("on Snapchat as well", "Instagram posts") is no username
        if marks == 0 {
            let core = Word(start: next.start, end: end)
            let f = self.flags(core)
            if f.contains(.common) || f.contains(.ordinary) || f.contains(.place) { return nil }
        }
        return PIISpan(type: .handle, start: next.start, end: end)
    }

    /// The next word after `end`, across spaces and one ":" or "-".
    func wordAfterPunctuation(_ end: Int) -> Word {
        var s = end
        var marks = 0
        while s < self.text.count && (self.text[s] == 0x20 || ((self.text[s] == 0x3A || self.text[s] == 0x2D) && marks < 1)) {
            if self.text[s] != 0x20 { marks += 1 }
            s += 1
        }
        guard s > end, s < self.text.count, (self.table[Int(self.text[s])] & ByteClass.word) != 0 else { return .none }
        return Word(start: s, end: self.wordEnd(s))
    }
}
