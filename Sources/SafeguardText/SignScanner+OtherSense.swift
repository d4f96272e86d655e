/// Where a text reads a sign's words in another sense, for the classifier's hits: a sentence the
/// classifier scores for a sign is not asserted when a `not-this-sense` phrase or concept of that
/// sign matches in it ("a fox screaming", "an escort from the travel company").
extension SignScanner {
    /// A span of `text` read in another sense for a sign.
    public struct OtherSenseSpan: Sendable, Hashable {
        /// The sign id.
        public var sign: String
        /// Start byte offset.
        public var start: Int
        /// End byte offset, exclusive.
        public var end: Int
    }

    /// The `not-this-sense` phrase and concept matches of `text` (UTF-8), byte offsets into `text`.
    public func otherSenseSpans(_ text: UnsafeBufferPointer<UInt8>) -> [OtherSenseSpan] {
        var hits: [PatternMatcher.Hit]
        if !TextNormaliser.needsFolding(text) {
            hits = self.matcher.hits(in: text)
        } else {
            let folded = TextNormaliser.normalise(text)
            let raw = folded.bytes.withUnsafeBufferPointer { self.matcher.hits(in: $0) }
            hits = raw.map { hit in
                PatternMatcher.Hit(pattern: hit.pattern, start: Int(folded.origin[hit.start]), end: Int(folded.origin[hit.end]))
            }
        }
        let concepts = self.conceptMatches(hits, in: text).map(\.hit)
        hits = self.withGapMatches(hits, in: text) + concepts
        let index = HitIndex(hits)
        var spans: [OtherSenseSpan] = []
        for hit in hits {
            if case .otherSense(let s) = self.roles[hit.pattern], !self.isOverriddenByDistress(hit, index: index, text: text) {
                spans.append(OtherSenseSpan(sign: self.signs[s].id, start: hit.start, end: hit.end))
            }
        }
        return spans
    }

    /// Convenience for tests and small inputs.
    public func otherSenseSpans(_ text: String) -> [OtherSenseSpan] {
        var copy = text
        return copy.withUTF8 { self.otherSenseSpans($0) }
    }
}

extension SignClassifier {
    /// The classifier's hits less those whose sentence reads the sign in another sense.
    public static func dropOtherSenses(_ classified: [ClassifiedSign], _ spans: [SignScanner.OtherSenseSpan]) -> [ClassifiedSign] {
        if classified.isEmpty || spans.isEmpty { return classified }
        return classified.filter { c in
            !spans.contains { $0.sign == c.hit.sign && $0.start < c.hit.sentenceEnd && c.hit.sentenceStart < $0.end }
        }
    }
}
