/// Sentence features of the sign classifier: lower-cased words, crude stems (so "loitering",
/// "loitered", "loiters" meet), the first five letters of words of six or more (so "pornographic"
/// and "porno", "identification" and "identity" meet), stem bigrams and skip-bigrams (one word
/// between), each hashed with FNV-1a so that scanning builds no strings. Training names the same
/// features as readable text ("w:loitering", "s:loiter", "p:loite", "b:hang about", "k:men around")
/// that hash to the same values.
public enum SignFeatures {
    /// A word of a sentence: byte range in the text and the hashes of the word and its stem.
    public struct Token: Sendable {
        /// Start byte offset.
        public var start: Int
        /// End byte offset, exclusive.
        public var end: Int
        var word: UInt64
        var stem: UInt64
        /// Hash of the first ``prefixLength`` bytes, or 0 for a word shorter than ``prefixMinimum``.
        var prefix: UInt64 = 0
    }

    /// Bytes of a word's prefix feature (`p:`).
    static let prefixLength = 5
    /// Words shorter than this have no prefix feature (their word and stem say it all).
    static let prefixMinimum = 6

    static let fnvOffset: UInt64 = 0xcbf2_9ce4_8422_2325
    static let fnvPrime: UInt64 = 0x0000_0100_0000_01b3

    @inline(__always) static func fnv(_ bytes: UnsafeBufferPointer<UInt8>, count: Int) -> UInt64 {
        var h = Self.fnvOffset
        for k in 0..<count { h = (h ^ UInt64(bytes[k])) &* Self.fnvPrime }
        return h
    }

    static func fnv(_ text: String) -> UInt64 {
        var h = Self.fnvOffset
        for b in text.utf8 { h = (h ^ UInt64(b)) &* Self.fnvPrime }
        return h
    }

    /// Combines part hashes with a feature kind tag (1 word, 2 stem, 3 bigram, 4 skip-bigram, 5 prefix).
    @inline(__always) static func mix(_ a: UInt64, _ b: UInt64, tag: UInt64) -> UInt64 {
        var h = (a &* 0x9E37_79B9_7F4A_7C15) ^ (b &+ tag &* 0xFF51_AFD7_ED55_8CCD)
        h ^= h >> 29
        h = h &* 0xBF58_476D_1CE4_E5B9
        h ^= h >> 32
        return h == 0 ? 1 : h
    }

    /// Length of the stem of a lower-cased word of `n` bytes.
    @inline(__always) static func stemLength(_ w: UnsafeBufferPointer<UInt8>, _ n: Int) -> Int {
        func ends(_ s: StaticString) -> Bool {
            let m = s.utf8CodeUnitCount
            guard n >= m else { return false }
            let p = s.utf8Start
            for k in 0..<m where w[n - m + k] != p[k] { return false }
            return true
        }
        if n > 5 && ends("ing") { return n - 3 }
        if n > 4 && ends("ies") { return n - 3 }
        if n > 4 && ends("ed") { return n - 2 }
        if n > 4 && ends("es") { return n - 2 }
        if n > 5 && ends("ly") { return n - 2 }
        if n > 3 && ends("s") && !ends("ss") { return n - 1 }
        return n
    }

    @inline(__always) static func isWordByte(_ b: UInt8) -> Bool {
        ByteClass.table[Int(b)] & ByteClass.word != 0
    }

    /// The words of `text[range]` (apostrophes inside a word are dropped: "didn't" is "didnt").
    /// `scratch` must hold at least 64 bytes; words are cut at 64 bytes.
    static func tokens(
        _ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, scratch: UnsafeMutableBufferPointer<UInt8>,
        into tokens: inout [Token]
    ) {
        tokens.removeAll(keepingCapacity: true)
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            if !Self.isWordByte(text[i]) {
                i += 1
                continue
            }
            var apostrophe = false
            i = Self.appendToken(text, from: i, end: end, scratch: scratch, into: &tokens, apostrophe: &apostrophe)
        }
    }

    /// Reads the word starting at `start` (a word byte) and ending before `end` at the latest, appends
    /// its token and returns where it ends; `apostrophe` is set when the word holds one.
    @inline(__always) static func appendToken(
        _ text: UnsafeBufferPointer<UInt8>, from start: Int, end: Int, scratch: UnsafeMutableBufferPointer<UInt8>,
        into tokens: inout [Token], apostrophe: inout Bool
    ) -> Int {
        var i = start
        var n = 0
        // FNV-1a runs once along the word: the stem's and the prefix's hashes are its state after
        // their last byte (the stem drops at most 3 bytes, so the last 4 states are kept)
        var h = Self.fnvOffset
        var states: (UInt64, UInt64, UInt64, UInt64) = (h, h, h, h)
        var prefix: UInt64 = h
        while i < end {
            let b = text[i]
            if Self.isWordByte(b) {
                if n < 64 {
                    let l = ByteClass.lowercase[Int(b)]
                    scratch[n] = l
                    h = (h ^ UInt64(l)) &* Self.fnvPrime
                    n += 1
                    states = (states.1, states.2, states.3, h)
                    if n == Self.prefixLength { prefix = h }
                }
            } else if b == 0x27 && i + 1 < end && ByteClass.isAlpha(text[i + 1]) && i > start {
                // apostrophe inside a word
                apostrophe = true
            } else {
                break
            }
            i += 1
        }
        let view = UnsafeBufferPointer(scratch)
        let stem: UInt64
        switch n - Self.stemLength(view, n) {
        case 0: stem = states.3
        case 1: stem = states.2
        case 2: stem = states.1
        default: stem = states.0
        }
        tokens.append(Token(start: start, end: i, word: h, stem: stem, prefix: n >= Self.prefixMinimum ? prefix : 0))
        return i
    }

    /// The feature hashes of token `i` (1-5 of them) passed to `body`.
    @inline(__always) static func features(_ tokens: [Token], _ i: Int, _ body: (UInt64) -> Void) {
        Self.features(tokens, i) { h, _ in body(h) }
    }

    /// The feature hashes of token `i` with the other token a pair feature spans (`i - 1` for a
    /// bigram, `i - 2` for a skip pair) or `i` itself for a one-word feature.
    @inline(__always) static func features(_ tokens: [Token], _ i: Int, _ body: (UInt64, Int) -> Void) {
        let t = tokens[i]
        body(Self.mix(t.word, 0, tag: 1), i)
        body(Self.mix(t.stem, 0, tag: 2), i)
        if i >= 1 { body(Self.mix(tokens[i - 1].stem, t.stem, tag: 3), i - 1) }
        if i >= 2 { body(Self.mix(tokens[i - 2].stem, t.stem, tag: 4), i - 2) }
        if t.prefix != 0 { body(Self.mix(t.prefix, 0, tag: 5), i) }
    }

    /// Readable feature names of a sentence, for training (same features as ``features(_:_:_:)``).
    public static func names(_ sentence: String) -> [String] {
        var bytes = Array(sentence.utf8)
        var words: [(word: String, stem: String)] = []
        bytes.withUnsafeMutableBufferPointer { text in
            var scratch = [UInt8](repeating: 0, count: 64)
            var tokens: [Token] = []
            scratch.withUnsafeMutableBufferPointer { s in
                Self.tokens(UnsafeBufferPointer(text), 0..<text.count, scratch: s, into: &tokens)
            }
            for t in tokens {
                var w: [UInt8] = []
                var k = t.start
                while k < t.end {
                    let b = text[k]
                    if Self.isWordByte(b) && w.count < 64 { w.append(ByteClass.lowercase[Int(b)]) }
                    k += 1
                }
                let stem = w.withUnsafeBufferPointer { Self.stemLength($0, w.count) }
                words.append((String(decoding: w, as: UTF8.self), String(decoding: w[0..<stem], as: UTF8.self)))
            }
        }
        var names: [String] = []
        for (i, t) in words.enumerated() {
            names.append("w:" + t.word)
            names.append("s:" + t.stem)
            if i >= 1 { names.append("b:" + words[i - 1].stem + " " + t.stem) }
            if i >= 2 { names.append("k:" + words[i - 2].stem + " " + t.stem) }
            if t.word.utf8.count >= Self.prefixMinimum {
                names.append("p:" + String(decoding: Array(t.word.utf8.prefix(Self.prefixLength)), as: UTF8.self))
            }
        }
        return names
    }

    /// The hash of a readable feature name, or nil if it is not one.
    public static func hash(name: String) -> UInt64? {
        guard name.count > 2, let colon = name.firstIndex(of: ":") else { return nil }
        let kind = name[..<colon]
        let parts = name[name.index(after: colon)...].split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        switch (kind, parts.count) {
        case ("w", 1): return Self.mix(Self.fnv(parts[0]), 0, tag: 1)
        case ("s", 1): return Self.mix(Self.fnv(parts[0]), 0, tag: 2)
        case ("b", 2): return Self.mix(Self.fnv(parts[0]), Self.fnv(parts[1]), tag: 3)
        case ("k", 2): return Self.mix(Self.fnv(parts[0]), Self.fnv(parts[1]), tag: 4)
        case ("p", 1): return Self.mix(Self.fnv(parts[0]), 0, tag: 5)
        default: return nil
        }
    }

    /// Whether the byte at `k` ends a sentence: `.`/`!`/`?`/`;`/newline (a full stop only before a
    /// space or the end, and not in "e.g."), or a space between a lower-case word and a capitalised
    /// one in punctuation-stripped dumps.
    @inline(__always)
    static func isSentenceBoundary(_ text: UnsafeBufferPointer<UInt8>, at k: Int) -> Bool {
        let n = text.count
        switch text[k] {
        case 0x0A, 0x0D, 0x21, 0x3F, 0x3B:
            return true
        case 0x2E:
            return (k + 1 >= n || text[k + 1] == 0x20 || text[k + 1] == 0x0A) && !(k >= 2 && text[k - 2] == 0x2E)
        case 0x20:
            return k >= 1 && k + 2 < n && ByteClass.isLower(text[k - 1]) && ByteClass.isUpper(text[k + 1])
                && ByteClass.isLower(text[k + 2])
        default:
            return false
        }
    }

    /// Sentence ranges of `text`, split as ``SignScanner`` splits them (`.`/`!`/`?`/`;`/newline,
    /// and before a capitalised word that follows a lower-case one in punctuation-stripped dumps).
    static func sentences(_ text: UnsafeBufferPointer<UInt8>, into ranges: inout [Range<Int>]) {
        ranges.removeAll(keepingCapacity: true)
        let n = text.count
        var s = 0
        var k = 0
        while k < n {
            if Self.isSentenceBoundary(text, at: k) {
                if k > s { ranges.append(s..<k) }
                s = k + 1
            }
            k += 1
        }
        if n > s { ranges.append(s..<n) }
    }

    /// Sentences of a string (for training).
    public static func sentences(_ text: String) -> [(range: Range<Int>, text: String)] {
        var bytes = Array(text.utf8)
        var ranges: [Range<Int>] = []
        bytes.withUnsafeMutableBufferPointer { Self.sentences(UnsafeBufferPointer($0), into: &ranges) }
        return ranges.map { ($0, String(decoding: bytes[$0], as: UTF8.self)) }
    }
}
