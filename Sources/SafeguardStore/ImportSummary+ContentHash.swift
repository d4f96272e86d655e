extension ImportSummary {
    /// Counts one record read against the content hash already stored for it (nil when new) and
    /// says whether it must be written: unchanged records are counted and skipped, so a re-run
    /// of the same file writes nothing.
    package mutating func needsWrite(stored: Int64?, hash: Int64) -> Bool {
        self.read += 1
        if stored == hash {
            self.unchanged += 1
            return false
        }
        if stored == nil { self.new += 1 } else { self.updated += 1 }
        return true
    }
}
