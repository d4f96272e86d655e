/// The raw hits of one text sorted by start, for look-ups near a position: every scoping question
/// (does a trigger reach this phrase, does a longer phrase cover this trigger) asks only about hits
/// within a few words or one pattern length, so a binary search and a short walk answer it and a
/// text with many hits scans in time linear in its length and number of hits.
struct HitIndex {
    /// The hits, sorted by start (then end).
    let hits: [PatternMatcher.Hit]
    /// The longest hit, in bytes: a hit that covers or overlaps a position starts at most this far before it.
    let maximumLength: Int

    init(_ hits: [PatternMatcher.Hit]) {
        self.hits = hits.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
        var longest = 0
        for hit in hits where hit.end - hit.start > longest { longest = hit.end - hit.start }
        self.maximumLength = longest
    }

    /// The index of the first hit starting at or after `position`.
    func firstIndex(startingAtOrAfter position: Int) -> Int {
        var low = 0
        var high = self.hits.count
        while low < high {
            let mid = (low + high) / 2
            if self.hits[mid].start < position { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Whether a hit starting in `from..<to` satisfies `predicate`.
    func contains(startingIn from: Int, _ to: Int, where predicate: (PatternMatcher.Hit) -> Bool) -> Bool {
        var k = self.firstIndex(startingAtOrAfter: from)
        while k < self.hits.count && self.hits[k].start < to {
            if predicate(self.hits[k]) { return true }
            k += 1
        }
        return false
    }

    /// Whether a hit covering `start..<end` (starting at or before it, ending at or after it) satisfies `predicate`.
    func containsCovering(_ start: Int, _ end: Int, where predicate: (PatternMatcher.Hit) -> Bool) -> Bool {
        self.contains(startingIn: end - self.maximumLength, start + 1) { $0.end >= end && predicate($0) }
    }

    /// Whether a hit overlapping `start..<end` satisfies `predicate`.
    func containsOverlapping(_ start: Int, _ end: Int, where predicate: (PatternMatcher.Hit) -> Bool) -> Bool {
        self.contains(startingIn: start - self.maximumLength, end) { $0.end > start && predicate($0) }
    }
}
