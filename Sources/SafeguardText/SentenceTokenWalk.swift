/// The sentences of a text, each with its words, in one pass over the bytes: exactly the ranges
/// ``SignFeatures/sentences(_:into:)`` splits and, for each, the tokens
/// ``SignFeatures/tokens(_:_:scratch:into:)`` reads from it, so the classifier reads the text once
/// rather than once to split it and again per sentence for its words.
///
/// The two agree because a sentence boundary is always a byte that is not part of a word (`.`, `!`,
/// `?`, `;`, a line break or a space), so no word runs across one, and an apostrophe inside a word
/// needs a letter after it, which a boundary byte is not.
struct SentenceTokenWalk {
    let text: UnsafeBufferPointer<UInt8>
    /// The next byte to read.
    private var position = 0
    /// Where the sentence being read starts.
    private var sentenceStart = 0

    init(_ text: UnsafeBufferPointer<UInt8>) {
        self.text = text
    }

    /// The next sentence, with its words in `tokens` (emptied first); nil after the last.
    /// `scratch` must hold at least 64 bytes.
    mutating func next(scratch: UnsafeMutableBufferPointer<UInt8>, into tokens: inout [SignFeatures.Token]) -> Range<Int>? {
        var none: [UInt64]? = nil
        return self.next(scratch: scratch, into: &tokens, runs: &none)
    }

    /// ``next(scratch:into:)``, also appending to `runs` (when not nil) the hashes of the word runs
    /// read, as ``SignAnchorGate/runs(_:)`` gives them: a run of word bytes, lower-cased, FNV-1a. A
    /// token is one run unless it holds an apostrophe (two runs) or is longer than the 64 bytes its
    /// hash covers; only those few are hashed again.
    mutating func next(
        scratch: UnsafeMutableBufferPointer<UInt8>, into tokens: inout [SignFeatures.Token], runs: inout [UInt64]?
    ) -> Range<Int>? {
        tokens.removeAll(keepingCapacity: true)
        let text = self.text
        let n = text.count
        var i = self.position
        var s = self.sentenceStart
        while i < n {
            let b = text[i]
            if SignFeatures.isWordByte(b) {
                var apostrophe = false
                let start = i
                i = SignFeatures.appendToken(text, from: i, end: n, scratch: scratch, into: &tokens, apostrophe: &apostrophe)
                if runs != nil {
                    if !apostrophe && i - start <= 64 {
                        runs!.append(tokens[tokens.count - 1].word)
                    } else {
                        Self.appendRuns(text, start..<i, to: &runs!)
                    }
                }
                continue
            }
            if SignFeatures.isSentenceBoundary(text, at: i) {
                if i > s {
                    self.position = i + 1
                    self.sentenceStart = i + 1
                    return s..<i
                }
                s = i + 1
            }
            i += 1
        }
        self.position = n
        self.sentenceStart = n
        return n > s ? s..<n : nil
    }

    /// The hashes of the runs of word bytes in `text[range]`.
    static func appendRuns(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, to runs: inout [UInt64]) {
        var i = range.lowerBound
        while i < range.upperBound {
            if !SignFeatures.isWordByte(text[i]) {
                i += 1
                continue
            }
            var h = SignFeatures.fnvOffset
            while i < range.upperBound && SignFeatures.isWordByte(text[i]) {
                h = (h ^ UInt64(ByteClass.lowercase[Int(text[i])])) &* SignFeatures.fnvPrime
                i += 1
            }
            runs.append(h)
        }
    }
}
