import Testing
@testable import SafeguardImport

@Suite struct ImportPipelineTests {
    static func issue(_ record: Int) -> ImportIssue {
        ImportIssue(
            code: "test", severity: .rejected, file: "f.csv", line: record + 1, record: record, message: "bad row")
    }

    @Test func storesEveryRecordInFileOrderWithItsIssues() throws {
        var stored: [Int] = []
        var issueRecords: [Int] = []
        var batches = 0
        let failure = try ImportPipeline.run(batchSize: 7, depth: 2) { (sink: ImportBatchSink<Int>) in
            for value in 0..<1000 {
                if value % 100 == 0 { sink.issue(Self.issue(value)) }
                try sink.record(value)
            }
        } store: { batch in
            batches += 1
            #expect(batch.records.count <= 7)
            // An issue travels with the batch its record would have been in.
            for issue in batch.issues { #expect(batch.records.contains(issue.record)) }
            stored += batch.records
            issueRecords += batch.issues.map(\.record)
        }
        #expect(failure == nil)
        #expect(stored == Array(0..<1000))
        #expect(issueRecords == Array(stride(from: 0, to: 1000, by: 100)))
        #expect(batches == 143)
    }

    @Test func keepsRecordsReadBeforeTheReaderFails() throws {
        struct Cut: Error {}
        var stored: [Int] = []
        let failure = try ImportPipeline.run(batchSize: 10) { (sink: ImportBatchSink<Int>) in
            for value in 0..<25 { try sink.record(value) }
            throw Cut()
        } store: { batch in
            stored += batch.records
        }
        #expect(failure is Cut)
        #expect(stored == Array(0..<25))
    }

    @Test func stopsTheReaderWhenTheStoreFails() {
        struct DiskFull: Error {}
        let reads = Counter()
        #expect(throws: DiskFull.self) {
            _ = try ImportPipeline.run(batchSize: 10, depth: 1) { (sink: ImportBatchSink<Int>) in
                for value in 0..<1_000_000 {
                    reads.add()
                    try sink.record(value)
                }
            } store: { batch in
                if batch.records.first == 20 { throw DiskFull() }
            }
        }
        // The reader was stopped within a few batches, not left to read the whole file.
        #expect(reads.value < 100)
    }
}

/// A counter the reader thread writes and the test reads after the pipeline has joined it.
final class Counter: @unchecked Sendable {
    private(set) var value = 0
    func add() { self.value += 1 }
}
