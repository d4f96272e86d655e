import SafeguardCore

/// A contrast inside a concept match that denies its last word (thirteenth detection pass).
extension SignScanner {
    /// Whether a concept match is divided by a contrast ("but", "though") whose clause denies or doubts
    /// the match's last word: a negation or hypothetical after the contrast (outside the match's words)
    /// reaches that word ("the room next door smelt of weed but nobody was dealing"). A negation before
    /// the contrast, or one that ends before the last word's clause, does not count.
    func isDeniedAfterContrast(
        _ hit: PatternMatcher.Hit, parts: [Range<Int>], index: HitIndex, text: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        guard parts.count > 1, let last = parts.max(by: { $0.lowerBound < $1.lowerBound }),
            let firstEnd = parts.map(\.upperBound).min()
        else { return false }
        func isOutsideParts(_ h: PatternMatcher.Hit) -> Bool {
            !parts.contains(where: { $0.lowerBound < h.end && h.start < $0.upperBound })
        }
        return index.contains(startingIn: firstEnd, last.lowerBound) { trigger in
            let role = self.roles[trigger.pattern]
            guard role == .negationBefore || role == .hypotheticalBefore, trigger.end <= last.lowerBound,
                isOutsideParts(trigger), !self.isUsedUp(trigger, by: hit, index: index)
            else { return false }
            let contrasted = index.contains(startingIn: firstEnd, trigger.start) { word in
                self.roles[word.pattern] == .terminator && word.end <= trigger.start && isOutsideParts(word)
                    && self.isContrast(word, in: text)
            }
            return contrasted
                && self.reaches(
                    from: trigger.end, to: last.lowerBound, window: self.triggers.forwardWindow, clauses: true,
                    negationList: role == .negationBefore ? trigger : nil, index: index, text: text)
        }
    }
}
