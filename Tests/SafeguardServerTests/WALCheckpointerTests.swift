import Foundation
import SafeguardCore
import SafeguardStore
import Testing

/// The intake server checkpoints the WAL from a background connection, so the group-commit writer
/// does not copy pages and sync the database file inside a submission's commit.
@Suite struct WALCheckpointerTests {
    private func submissions(_ count: Int, from first: Int) -> [IntakeSubmission] {
        (first..<(first + count)).map { index in
            let record = ReportRecord(
                receiptID: "WEB-\(index)", received: CalendarDay(daysSinceEpoch: 20_000), role: .public, seen: "",
                text: "", signs: ["young-people"], place: PlaceReference(premises: "Lodge \(index)", postcode: "CV1 4AB"),
                when: nil, apparentAgeBand: nil, dangerNow: false, contact: nil)
            return IntakeSubmission(
                reference: record.receiptID, receiptHash: Array("receipt-\(index)".utf8), receivedHour: "2026-12-06T16:00Z",
                record: record, sealed: Array(repeating: 7, count: 2_000), band: "routine", score: 0, firedRules: [],
                acknowledgeBy: "", feedbackBy: "", expires: CalendarDay(daysSinceEpoch: 20_400), channel: "web")
        }
    }

    private func fileSize(_ path: String) throws -> Int {
        try #require(FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
    }

    @Test func committedPagesReachTheDatabaseFileWithoutTheWriterCheckpointing() async throws {
        let fixture = try ServerFixture()
        let path = fixture.store.path
        // Below the writer's automatic checkpoint (8,192 pages), commits stay in the WAL only.
        try fixture.store.saveIntakeReports(self.submissions(200, from: 0))
        let before = try self.fileSize(path)
        try fixture.store.saveIntakeReports(self.submissions(200, from: 200))
        #expect(try self.fileSize(path) == before, "without the checkpointer the database file does not grow")

        let checkpointer = try fixture.store.checkpointInBackground(every: .milliseconds(20))
        defer { checkpointer.stop() }
        var grown = false
        for _ in 0..<250 where !grown {
            try await Task.sleep(for: .milliseconds(20))
            grown = try self.fileSize(path) > before
        }
        #expect(grown, "the background checkpoint copied the committed pages into the database file")

        // Once the checkpoints have caught up, the next transaction starts the WAL again from its
        // beginning instead of growing the file. (That the writer-side step keeps this true under a
        // steady stream of commits is shown by bench/intake/run.sh, not here.)
        try await Task.sleep(for: .milliseconds(300))
        let walSize = try self.fileSize(path + "-wal")
        try fixture.store.saveIntakeReports(self.submissions(200, from: 400))
        #expect(try self.fileSize(path + "-wal") == walSize, "the WAL restarted instead of growing")
        #expect(try fixture.store.intakeReports().count == 600)
    }
}
