import SafeguardCore

/// The whole text pipeline for one document: pseudonymise, then scan the pseudonymised text for
/// signs. Pure: the key and sign list are passed in; no file, clock or network.
public struct TextAnalyser: Sendable {
    /// The pseudonymiser (detector + key).
    public let pseudonymiser: Pseudonymiser
    /// The sign scanner.
    public let scanner: SignScanner
    /// Most evidence items kept for one text (every sign found keeps at least one); the rest are
    /// counted in ``TextAnalysis/omittedEvidence``.
    public var evidenceLimit: Int = TextAnalyser.defaultEvidenceLimit

    /// The default of ``evidenceLimit``.
    public static let defaultEvidenceLimit = 50

    /// The sentence classifier (`rules/models/signs-v1.json`); nil: phrase rules only.
    public let classifier: SignClassifier?
    /// Signs that yield to others in one sentence (see ``SignYield``); nil when none does.
    let yield: SignYield?

    /// Creates an analyser.
    public init(signs: [SignDefinition], key: PseudonymKey, gazetteer: NameGazetteer, classifier: SignClassifier? = nil) {
        self.pseudonymiser = Pseudonymiser(detector: PIIDetector(gazetteer: gazetteer), key: key)
        self.scanner = SignScanner(signs: signs)
        self.classifier = classifier
        self.yield = SignYield(signs: signs)
    }

    /// Pseudonymises and scans `text`. Words of `preserving` (the premises' own name) stay as they are.
    public func analyse(_ text: String, preserving: [String] = []) -> TextAnalysis {
        let (pseudonymised, pii) = self.pseudonymised(text, preserving: preserving)
        var output = pseudonymised
        let classified = self.classified(&output)
        let hits = output.withUTF8 { self.scanner.scan($0) }
        return self.analysis(output, pii: pii, hits: hits, classified: classified)
    }

    /// The analyses of several texts, each exactly what ``analyse(_:preserving:)`` gives for it
    /// (with the words of `preserving[k]` kept in text `k`; nothing kept when `preserving` is
    /// empty), worked out stage by stage over the whole batch: every text is pseudonymised, then
    /// classified, then scanned, so each stage's tables (the name lists, the classifier's
    /// features, the matcher's automaton) stay in the caches from one text to the next.
    public func analyse(batch texts: [String], preserving: [[String]] = []) -> [TextAnalysis] {
        precondition(preserving.isEmpty || preserving.count == texts.count, "one list of preserved words per text")
        var outputs: [String] = []
        var piis: [[PIIToken]] = []
        outputs.reserveCapacity(texts.count)
        piis.reserveCapacity(texts.count)
        for (k, text) in texts.enumerated() {
            let (output, pii) = self.pseudonymised(text, preserving: preserving.isEmpty ? [] : preserving[k])
            outputs.append(output)
            piis.append(pii)
        }
        var classified: [[ClassifiedSign]] = []
        classified.reserveCapacity(texts.count)
        // the classifier reads every word; the hashes of the word runs it passes (all texts' in one
        // array) let the scanner's anchor gate skip its own pass over the bytes
        var runs: [UInt64]? = self.classifier == nil ? nil : []
        var runEnds: [Int] = []
        runEnds.reserveCapacity(texts.count)
        for k in outputs.indices {
            classified.append(self.classified(&outputs[k], runs: &runs))
            runEnds.append(runs?.count ?? 0)
        }
        var hits: [[SignHit]] = []
        hits.reserveCapacity(texts.count)
        if let runs {
            runs.withUnsafeBufferPointer { all in
                for k in outputs.indices {
                    let textRuns = UnsafeBufferPointer(rebasing: all[(k == 0 ? 0 : runEnds[k - 1])..<runEnds[k]])
                    hits.append(outputs[k].withUTF8 { self.scanner.scan($0, runs: textRuns) })
                }
            }
        } else {
            for k in outputs.indices { hits.append(outputs[k].withUTF8 { self.scanner.scan($0) }) }
        }
        return outputs.indices.map { k in
            self.analysis(outputs[k], pii: piis[k], hits: hits[k], classified: classified[k])
        }
    }

    /// The pseudonymised text (`text` itself when it holds no personal data) and its tokens.
    func pseudonymised(_ text: String, preserving: [String]) -> (String, [PIIToken]) {
        var source = text
        let preserved = Pseudonymiser.preservedWords(preserving)
        let (changed, pii) = source.withUTF8 { self.pseudonymiser.pseudonymiseIfNeeded(bytes: $0, preserving: preserved) }
        return (changed.map { String(decoding: $0, as: UTF8.self) } ?? text, pii)
    }

    /// The classifier's signs of the pseudonymised `output`, less those read in another sense.
    func classified(_ output: inout String) -> [ClassifiedSign] {
        var none: [UInt64]? = nil
        return self.classified(&output, runs: &none)
    }

    /// ``classified(_:)``, also appending to `runs` (when not nil and there is a classifier) the
    /// hashes of the text's word runs (see ``SignClassifier/scan(_:runs:)``).
    func classified(_ output: inout String, runs: inout [UInt64]?) -> [ClassifiedSign] {
        output.withUTF8 { out in
            var classified = self.classifier?.scan(out, runs: &runs) ?? []
            if !classified.isEmpty { classified = SignClassifier.dropOtherSenses(classified, self.scanner.otherSenseSpans(out)) }
            return classified
        }
    }

    /// The analysis of the pseudonymised `output` from its phrase-rule hits and classifier signs.
    func analysis(
        _ text: String, pii: [PIIToken], hits phraseHits: [SignHit], classified: [ClassifiedSign]
    ) -> TextAnalysis {
        var output = text
        var omitted = 0
        var signs = Set<String>()
        let evidence: [SignEvidence] = output.withUTF8 { out in
            var (hits, weighed) = SignClassifier.merge(phraseHits, classified)
            if let yield = self.yield, !hits.isEmpty { (hits, weighed) = yield.filter(hits, weighed, in: out) }
            if hits.isEmpty { return [] }
            for hit in hits { signs.insert(hit.sign) }
            let chosen = Self.capped(hits, limit: self.evidenceLimit)
            omitted = hits.count - chosen.count
            // offsets in scalars, counted once along the text (hits are in order of start)
            var scalars = 0
            var counted = 0
            func scalarOffset(_ byte: Int) -> Int {
                if byte < counted {
                    return Self.scalarOffset(out, byte)
                }
                for k in counted..<byte where out[k] & 0xC0 != 0x80 { scalars += 1 }
                counted = byte
                return scalars
            }
            return chosen.map { k in
                let hit = hits[k]
                let start = scalarOffset(hit.start)
                return SignEvidence(
                    sign: hit.sign, snippet: Self.snippet(out, hit), start: start,
                    end: start + Self.scalarCount(out, hit.start, hit.end), weighed: weighed[k],
                    concept: hit.concept.isEmpty ? nil : hit.concept,
                    matched: hit.parts.isEmpty
                        ? nil : hit.parts.map { String(decoding: UnsafeBufferPointer(rebasing: out[$0]), as: UTF8.self) })
            }
        }
        return TextAnalysis(text: output, signs: signs.sorted(), evidence: evidence, pii: pii, omittedEvidence: omitted)
    }

    /// The indices of at most `limit` hits, in text order: the first hit of every sign, then the
    /// earliest others.
    /// A hostile text that repeats a phrase a million times yields bounded evidence, and no sign
    /// found loses its evidence; ``TextAnalysis/omittedEvidence`` says how many were left out.
    static func capped(_ hits: [SignHit], limit: Int) -> [Int] {
        guard hits.count > limit else { return Array(hits.indices) }
        var keep = [Bool](repeating: false, count: hits.count)
        var seen = Set<String>()
        var count = 0
        for (k, hit) in hits.enumerated() where seen.insert(hit.sign).inserted {
            keep[k] = true
            count += 1
        }
        for k in hits.indices where count < limit && !keep[k] {
            keep[k] = true
            count += 1
        }
        return hits.indices.filter { keep[$0] }
    }

    /// Number of Unicode scalars in `bytes[from..<to]`.
    static func scalarCount(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Int {
        var count = 0
        for k in from..<to where bytes[k] & 0xC0 != 0x80 { count += 1 }
        return count
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
