extension SignClassifier {
    /// Phrase-rule hits plus the classifier's, in text order: a classifier hit is dropped where a
    /// phrase rule already found its sign in the same sentence. Returns the hits and, per hit, the
    /// words that weighed most (nil for phrase hits).
    public static func merge(_ phrases: [SignHit], _ classified: [ClassifiedSign]) -> ([SignHit], [[String]?]) {
        if classified.isEmpty { return (phrases, [[String]?](repeating: nil, count: phrases.count)) }
        var items: [(SignHit, [String]?)] = phrases.map { ($0, nil) }
        for c in classified {
            let covered = phrases.contains {
                $0.sign == c.hit.sign && $0.start < c.hit.sentenceEnd && c.hit.sentenceStart < $0.end
            }
            if !covered { items.append((c.hit, c.words)) }
        }
        items.sort { ($0.0.start, $0.0.sign) < ($1.0.start, $1.0.sign) }
        return (items.map(\.0), items.map(\.1))
    }
}
