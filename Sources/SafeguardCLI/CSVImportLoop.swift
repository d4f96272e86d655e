import SafeguardImport
import SafeguardStore

extension ImportRun {
    /// Reads one CSV file through `profile` in batches of `batchSize`, saving each batch with `save`.
    func importCSV<P: CSVProfile>(
        _ file: String, profile: P, batchSize: Int, save: ([P.Record]) throws -> ImportSummary
    ) {
        self.begin(file)
        var batch: [P.Record] = []
        batch.reserveCapacity(batchSize)
        var summary = ImportSummary()
        func flush() throws {
            guard !batch.isEmpty else { return }
            summary.add(try save(batch))
            batch.removeAll(keepingCapacity: true)
        }
        let failure = self.guarded(file) {
            try CSVImporter.read(path: file, profile: profile, progress: self.progressHandler, onIssue: { self.report($0) }) {
                record in
                batch.append(record)
                if batch.count >= batchSize { try flush() }
            }
        }
        do { try flush() } catch { self.storeFailed(file, error) }
        self.end(file, summary, failure: failure)
    }
}
