import SafeguardCore

/// The whole text pipeline for one document: pseudonymise, then scan the pseudonymised text for
/// signs. Pure: the key and sign list are passed in; no file, clock or network.
public struct TextAnalyser: Sendable {
    /// The pseudonymiser (detector + key).
    public let pseudonymiser: Pseudonymiser
    /// The sign scanner.
    public let scanner: SignScanner
    /// The sentence classifier (`rules/models/signs-v1.json`); nil: phrase rules only.
    public let classifier: SignClassifier?

    /// Creates an analyser.
    public init(signs: [SignDefinition], key: PseudonymKey, gazetteer: NameGazetteer, classifier: SignClassifier? = nil) {
        self.pseudonymiser = Pseudonymiser(detector: PIIDetector(gazetteer: gazetteer), key: key)
        self.scanner = SignScanner(signs: signs)
        self.classifier = classifier
    }

    /// Pseudonymises and scans `text`. Words of `preserving` (the premises' own name) stay as they are.
    public func analyse(_ text: String, preserving: [String] = []) -> TextAnalysis {
        var source = text
        let preserved = Pseudonymiser.preservedWords(preserving)
        let (changed, pii) = source.withUTF8 { self.pseudonymiser.pseudonymiseIfNeeded(bytes: $0, preserving: preserved) }
        var output = changed.map { String(decoding: $0, as: UTF8.self) } ?? text
        let evidence: [SignEvidence] = output.withUTF8 { out in
            let (hits, weighed) = SignClassifier.merge(self.scanner.scan(out), self.classifier?.scan(out) ?? [])
            if hits.isEmpty { return [] }
            var ascii = true
            for b in out where b >= 0x80 {
                ascii = false
                break
            }
            return hits.enumerated().map { k, hit in
                SignEvidence(
                    sign: hit.sign, snippet: Self.snippet(out, hit),
                    start: ascii ? hit.start : Self.scalarOffset(out, hit.start),
                    end: ascii ? hit.end : Self.scalarOffset(out, hit.end), weighed: weighed[k])
            }
        }
        var signs: [String] = []
        for e in evidence where !signs.contains(e.sign) { signs.append(e.sign) }
        signs.sort()
        return TextAnalysis(text: output, signs: signs, evidence: evidence, pii: pii)
    }

    /// Number of Unicode scalars before byte `offset`.
    static func scalarOffset(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int) -> Int {
        var count = 0
        for k in 0..<offset where bytes[k] & 0xC0 != 0x80 { count += 1 }
        return count
    }

    /// The sentence holding the hit, clipped to about 240 bytes around it at word and character boundaries.
    static func snippet(_ bytes: UnsafeBufferPointer<UInt8>, _ hit: SignHit) -> String {
        var s = hit.sentenceStart
        var e = hit.sentenceEnd
        if e - s > 240 {
            s = max(s, hit.start - 110)
            e = min(e, hit.end + 110)
            while s > hit.sentenceStart && s < hit.start && bytes[s - 1] != 0x20 { s += 1 }
            while e < hit.sentenceEnd && e > hit.end && bytes[e] != 0x20 { e -= 1 }
        }
        while s < e && (bytes[s] == 0x20 || bytes[s] & 0xC0 == 0x80) { s += 1 }
        while e > s && bytes[e - 1] == 0x20 { e -= 1 }
        while e < hit.sentenceEnd && e < bytes.count && bytes[e] & 0xC0 == 0x80 { e += 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[s..<e]), as: UTF8.self)
    }
}
