/// Text folded for matching, with a map from every folded byte back to the source byte it came from.
public struct NormalisedText: Sendable {
    /// Folded UTF-8 bytes.
    public var bytes: [UInt8]
    /// `origin[i]` is the source byte offset of folded byte `i`; `origin[bytes.count]` is the source length.
    public var origin: [Int32]
}

/// Folds UTF-8 text for phrase matching at byte level: ASCII and Latin-1 capitals to lower
/// case; the compatibility forms that NFKC would fold and that occur in reviews (full-width
/// ASCII, `ﬁ`/`ﬂ` ligatures, no-break and other Unicode spaces); curly quotes and primes to
/// `'`/`"`, dashes to `-`, `…` to `.`; letters elongated three or more times ("sooo",
/// "dirtyyy") to one (two for `e`/`o`, as in "sheets", "room"). Every folded byte maps back to
/// its source offset, so spans found in folded text point into the original.
///
/// Common misspellings and apostrophe-less contractions are handled by the matcher, which
/// compiles variant spellings of each phrase (see ``PhraseVariants``).
public enum TextNormaliser {
    /// Whether `text` needs folding before matching: it has non-ASCII bytes or a letter three
    /// times in a row. Plain ASCII is matched as it is (the matcher folds ASCII case itself).
    public static func needsFolding(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = text.count
        var i = 0
        var previous: UInt8 = 0
        var run = 0
        while i < n {
            let b = text[i] | 0x20
            if text[i] >= 0x80 { return true }
            if b == previous {
                run &+= 1
                if run >= 2 && ByteClass.isLower(b) { return true }
            } else {
                run = 0
                previous = b
            }
            i &+= 1
        }
        return false
    }

    /// Folds `text`.
    public static func normalise(_ text: UnsafeBufferPointer<UInt8>) -> NormalisedText {
        let n = text.count
        var out = [UInt8](repeating: 0, count: n + 8)
        var origin = [Int32](repeating: 0, count: n + 9)
        var o = 0
        out.withUnsafeMutableBufferPointer { out in
            origin.withUnsafeMutableBufferPointer { origin in
                var i = 0
                @inline(__always) func emit(_ b: UInt8, _ from: Int) {
                    if o >= out.count - 4 { return }
                    out[o] = b
                    origin[o] = Int32(truncatingIfNeeded: from)
                    o += 1
                }
                while i < n {
                    let b = text[i]
                    if b < 0x80 {
                        let l = ByteClass.lowercase[Int(b)]
                        if ByteClass.isLower(l) && i + 2 < n && ByteClass.lowercase[Int(text[i + 1])] == l
                            && ByteClass.lowercase[Int(text[i + 2])] == l
                        {
                            var j = i + 3
                            while j < n && ByteClass.lowercase[Int(text[j])] == l { j += 1 }
                            emit(l, i)
                            if l == 0x65 || l == 0x6F { emit(l, i) }
                            i = j
                            continue
                        }
                        emit(l, i)
                        i += 1
                        continue
                    }
                    let b1: UInt8 = i + 1 < n ? text[i + 1] : 0
                    let b2: UInt8 = i + 2 < n ? text[i + 2] : 0
                    switch b {
                    case 0xC2 where b1 == 0xA0:
                        emit(0x20, i)
                        i += 2
                    case 0xC3 where b1 >= 0x80 && b1 <= 0x9E && b1 != 0x97:
                        emit(0xC3, i)
                        emit(b1 | 0x20, i)
                        i += 2
                    case 0xE2 where b1 == 0x80:
                        switch b2 {
                        case 0x98, 0x99, 0x9B, 0xB2: emit(0x27, i)
                        case 0x9C, 0x9D, 0x9E, 0xB3: emit(0x22, i)
                        case 0x90...0x95: emit(0x2D, i)
                        case 0xA6: emit(0x2E, i)
                        case 0x80...0x8A, 0xAF: emit(0x20, i)
                        default:
                            emit(b, i)
                            emit(b1, i)
                            emit(b2, i)
                        }
                        i += 3
                    case 0xEF where (b1 == 0xBC && b2 >= 0x81) || (b1 == 0xBD && b2 <= 0x9E):
                        let ascii: UInt8 = b1 == 0xBC ? (b2 - 0x80) + 0x20 : (b2 - 0x80) + 0x60
                        emit(ByteClass.lowercase[Int(ascii)], i)
                        i += 3
                    case 0xEF where b1 == 0xAC && b2 >= 0x80 && b2 <= 0x84:
                        let expansions: [[UInt8]] = [[0x66, 0x66], [0x66, 0x69], [0x66, 0x6C], [0x66, 0x66, 0x69], [0x66, 0x66, 0x6C]]
                        for e in expansions[Int(b2 - 0x80)] { emit(e, i) }
                        i += 3
                    default:
                        emit(b, i)
                        i += 1
                    }
                }
                origin[o] = Int32(truncatingIfNeeded: n)
            }
        }
        out.removeSubrange(o...)
        origin.removeSubrange((o + 1)...)
        return NormalisedText(bytes: out, origin: origin)
    }

    /// Folds a phrase the same way as text (for compiling the matcher).
    public static func normalise(_ phrase: String) -> [UInt8] {
        var copy = phrase
        return copy.withUTF8 { Self.normalise($0).bytes }
    }
}
