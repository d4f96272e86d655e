import Foundation
import SafeguardCore
import SafeguardImport
import SafeguardStore
import SafeguardStorePostgres
import Testing

/// Several officers and an import writing at the same time, each through a store of its own (as
/// separate server and command processes would), lose no update and resolve no premises twice:
/// SQLite always, PostgreSQL when `SAFEGUARD_TEST_POSTGRES_URL` is set (`. .ci/postgres`).
@Suite struct ConcurrentWritersTests {
    /// `count` stores on one fresh database of `backend`, all for the same authority.
    static func stores(_ backend: StoreBackend, count: Int) throws -> [any SafeguardStore & IntakeStore & OfficerStore] {
        switch backend {
        case .sqlite:
            let path = try temporaryStore().path
            return try (0..<count).map { _ in try SQLiteStore(path: path) }
        case .postgres:
            let database = try PostgresTestDatabase.create()
            return try (0..<count).map { _ in try database.store(authority: "coventry") }
        }
    }

    /// The real FHRS establishments of the import fixtures (97 records, several sharing a postcode).
    static func fixtureEstablishments() throws -> [FHRSEstablishment] {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../SafeguardImportTests/Fixtures/fhrs").standardized
        var establishments: [FHRSEstablishment] = []
        for file in try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() where file.hasSuffix(".xml") {
            try FHRSReader().readRows(path: directory.appendingPathComponent(file).path, onIssue: { _ in }) { row in
                establishments.append(FHRSEstablishment(row))
            }
        }
        return establishments
    }

    @Test(arguments: StoreBackend.available) func officersAndAnImportAtTheSameTimeLoseNothing(backend: StoreBackend) throws {
        let establishments = try Self.fixtureEstablishments()
        #expect(establishments.count == 97)
        // The entities the report and one import alone make, for comparison.
        let alone = try IntakeStoreTests.intakeStore(backend)
        try alone.saveIntakeReports([IntakeStoreTests.submission("WEB-1", hashByte: 1)])
        try alone.recordEstablishments(establishments, extractDate: CalendarDay(iso: "2026-12-07"))
        let entitiesAlone = try #require(try alone.tableCounts()["entity"])

        // Given one database with a report and two officers' accounts,
        let stores = try Self.stores(backend, count: 4)
        try stores[0].saveIntakeReports([IntakeStoreTests.submission("WEB-1", hashByte: 1)])
        for name in ["olivia", "bob"] {
            try stores[0].addOfficerUser(
                username: name, displayName: name, role: .officer, authorityID: "local", passwordHash: "scrypt$x",
                at: "2026-12-07T09:00Z")
        }
        let bob = try #require(try stores[0].officerUser(username: "bob"))
        let rounds = 12
        let failures = FailureList()
        // when two imports of the same feed (one re-run while the first is still going), an officer
        // replying and allocating, and sign-ins failing against another account all run at once,
        DispatchQueue.concurrentPerform(iterations: 4) { worker in
            do {
                let store = stores[worker]
                switch worker {
                case 0, 1:
                    // In batches, as the importer commits them, so the imports interleave.
                    for start in stride(from: 0, to: establishments.count, by: 10) {
                        let batch = Array(establishments[start..<min(start + 10, establishments.count)])
                        try store.recordEstablishments(batch, extractDate: CalendarDay(iso: "2026-12-07"))
                    }
                case 2:
                    for round in 0..<rounds {
                        try store.addOfficerReply(
                            reference: "WEB-1", officer: "olivia", at: "2026-12-07T10:\(10 + round)Z", sealed: [UInt8(round)])
                        try store.allocateReport(
                            reference: "WEB-1", to: round.isMultiple(of: 2) ? "olivia" : "bob", by: "olivia",
                            at: "2026-12-07T10:\(10 + round)Z")
                    }
                default:
                    for round in 0..<rounds {
                        _ = try store.recordFailedSignIn(
                            userID: bob.id, lockAfter: 1_000, lockUntil: 0, at: "2026-12-07T11:\(10 + round)Z")
                    }
                }
            } catch {
                failures.append("worker \(worker): \(error)")
            }
        }
        // no writer failed,
        #expect(failures.items.isEmpty)
        let after = stores[0]
        // every reply is there, in order, and the last allocation holds;
        let report = try #require(try after.intakeReport(reference: "WEB-1"))
        #expect(report.messages.map(\.sealed) == (0..<rounds).map { [UInt8($0)] })
        #expect(try after.reportAllocations()["WEB-1"] == ((rounds - 1).isMultiple(of: 2) ? "olivia" : "bob"))
        // every failed sign-in was counted (no increment lost) and audited;
        #expect(try after.officerUser(id: bob.id)?.failedAttempts == rounds)
        #expect(try after.officerAudit().filter { $0.action == "sign-in-failed" }.count == rounds)
        // and the two imports together made the entities one import makes: no premises twice.
        let counts = try after.tableCounts()
        #expect(counts["entity"] == entitiesAlone)
        #expect(counts["fhrs_establishment"] == 97)
    }
}

/// Errors collected from concurrent workers.
private final class FailureList: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var items: [String] = []

    func append(_ item: String) {
        self.lock.withLock { self.items.append(item) }
    }
}
