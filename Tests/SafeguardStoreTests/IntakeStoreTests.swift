import Foundation
import SafeguardCore
import SafeguardStore
import SafeguardStorePostgres
import Testing

/// The intake of `safeguard serve` (`IntakeStore`) on every backend: SQLite always, PostgreSQL
/// when `SAFEGUARD_TEST_POSTGRES_URL` is set (`. .ci/postgres`).
@Suite struct IntakeStoreTests {
    /// A submission as the intake makes one: text left out of the report row, sealed bytes kept.
    static func submission(
        _ reference: String, hashByte: UInt8, band: String = "routine", expires: String = "2027-06-01",
        channel: String = "web"
    ) -> IntakeSubmission {
        let day = CalendarDay(iso: "2026-12-06")!
        let record = ReportRecord(
            receiptID: reference, received: day, role: .hotelStaff, text: "", signs: ["young-people"],
            evidence: [
                Evidence(
                    sign: "young-people", source: .report, sourceID: reference, date: day,
                    snippet: "[web report \(reference): text sealed, open it in the officers' pages]")
            ],
            place: PlaceReference(premises: "The Grand Hotel", postcode: "FY1 2AB"), dangerNow: band == "urgent")
        return IntakeSubmission(
            reference: reference, receiptHash: [hashByte, 0x00, 0xff, 0x10], receivedHour: "2026-12-06T16:00Z",
            record: record, sealed: [0x00, 0xde, 0xad, hashByte, 0xff], band: band, score: 2.5,
            firedRules: ["triage-young-people", "triage-role"], acknowledgeBy: "2026-12-07T16:00Z",
            feedbackBy: "2026-12-13T16:00Z", expires: CalendarDay(iso: expires)!, channel: channel)
    }

    static func intakeStore(_ backend: StoreBackend, authority: String = "test") throws -> any IntakeStore & SafeguardStore {
        let store = try backend.makeStore(authority: authority)
        return try #require(store as? any IntakeStore & SafeguardStore)
    }

    @Test(arguments: StoreBackend.available) func savesReadsRepliesAndExpiresIntakeReports(backend: StoreBackend) throws {
        let store = try Self.intakeStore(backend)
        // Given two reports, a routine one first, saved in one batch,
        try store.saveIntakeReports([
            Self.submission("WEB-ROUTINE", hashByte: 1, expires: "2026-12-31"),
            Self.submission("WEB-URGENT", hashByte: 2, band: "urgent", channel: "partner:city-cabs"),
        ])
        // each is found by its receipt hash and by its reference, sealed bytes unchanged,
        let routine = try #require(try store.intakeReport(receiptHash: [1, 0x00, 0xff, 0x10]))
        #expect(routine.reference == "WEB-ROUTINE")
        #expect(routine.sealed == [0x00, 0xde, 0xad, 1, 0xff])
        #expect(routine.status == .received)
        #expect(routine.firedRules == ["triage-young-people", "triage-role"])
        #expect(routine.expires == CalendarDay(iso: "2026-12-31"))
        #expect(try store.intakeReport(reference: "WEB-URGENT")?.dangerNow == true)
        #expect(try store.intakeReport(receiptHash: [9, 9]) == nil)
        // the urgent one comes first in the inbox order, and each went the report path (row, link, evidence).
        #expect(try store.intakeReports().map(\.reference) == ["WEB-URGENT", "WEB-ROUTINE"])
        #expect(try store.intakeReportCount() == 2)
        let counts = try store.tableCounts()
        #expect(counts["report"] == 2)
        #expect(counts["evidence"] == 2)
        #expect(counts["entity_link"] == 2)

        // When the reporter adds information and an officer replies,
        try store.addReporterMessage(reference: "WEB-ROUTINE", at: "2026-12-06T17:00Z", sealed: [7, 0, 7])
        try store.addOfficerReply(reference: "WEB-ROUTINE", officer: "A. Officer", at: "2026-12-06T17:42Z", sealed: [8])
        // the messages are kept in order, and the first reply acknowledges the report and starts feedback.
        let replied = try #require(try store.intakeReport(reference: "WEB-ROUTINE"))
        #expect(replied.messages == [
            IntakeMessage(author: "reporter", officer: nil, at: "2026-12-06T17:00Z", sealed: [7, 0, 7]),
            IntakeMessage(author: "officer", officer: "A. Officer", at: "2026-12-06T17:42Z", sealed: [8]),
        ])
        #expect(replied.status == .acknowledged)
        #expect(replied.acknowledgedAt == "2026-12-06T17:42Z")
        #expect(replied.firstFeedbackAt == "2026-12-06T17:42Z")
        try store.setIntakeStatus(reference: "WEB-URGENT", status: .referred, officer: "B. Officer", at: "2026-12-06T18:00Z")
        #expect(try store.intakeReport(reference: "WEB-URGENT")?.status == .referred)
        #expect(try store.intakeReport(reference: "WEB-URGENT")?.acknowledgedAt == "2026-12-06T18:00Z")
        #expect(throws: StoreError.self) {
            try store.addOfficerReply(reference: "WEB-NONE", officer: "A. Officer", at: "2026-12-06T18:00Z", sealed: [1])
        }

        // A batch holding a reference already stored is refused whole: nothing of it is kept.
        #expect(throws: (any Error).self) {
            try store.saveIntakeReports([
                Self.submission("WEB-NEW", hashByte: 3), Self.submission("WEB-ROUTINE", hashByte: 4),
            ])
        }
        #expect(try store.intakeReportCount() == 2)
        #expect(try store.tableCounts()["report"] == 2)

        // When the routine report's retention period has ended, it goes for good with its report
        // row, evidence and links; the urgent one stays, and the audit keeps the deletion.
        #expect(try store.deleteExpiredIntakeReports(today: CalendarDay(iso: "2026-12-30")!, at: "2026-12-30T09:00Z").isEmpty)
        #expect(try store.deleteExpiredIntakeReports(today: CalendarDay(iso: "2026-12-31")!, at: "2026-12-31T09:00Z") == ["WEB-ROUTINE"])
        #expect(try store.intakeReport(receiptHash: [1, 0x00, 0xff, 0x10]) == nil)
        #expect(try store.intakeReports().map(\.reference) == ["WEB-URGENT"])
        let after = try store.tableCounts()
        #expect(after["report"] == 1)
        #expect(after["evidence"] == 1)
        #expect(after["entity_link"] == 1)
        let audit = try store.intakeAudit()
        #expect(audit.map(\.action) == ["submitted", "submitted", "added-information", "replied", "status", "deleted-retention"])
        #expect(audit[1].actor == "partner:city-cabs")
        #expect(audit.last?.detail == "retention period ended 2026-12-31")
    }

    @Test(arguments: StoreBackend.available) func keepsTheFirstKeyFingerprintAndPartnerTokensAsHashes(backend: StoreBackend) throws {
        let store = try Self.intakeStore(backend)
        #expect(try store.intakeKeyFingerprint() == nil)
        try store.recordIntakeKeyFingerprint("aaaa")
        try store.recordIntakeKeyFingerprint("bbbb")
        #expect(try store.intakeKeyFingerprint() == "aaaa")

        try store.addPartnerToken(partner: "city-cabs", tokenHash: [1, 2, 0, 3], at: "2026-12-06T10:00Z")
        #expect(try store.partner(tokenHash: [1, 2, 0, 3]) == "city-cabs")
        #expect(try store.partner(tokenHash: [1, 2, 0]) == nil)
        // A second live token for the same partner is refused until the first is revoked.
        #expect(throws: StoreError.self) {
            try store.addPartnerToken(partner: "city-cabs", tokenHash: [9], at: "2026-12-06T10:01Z")
        }
        #expect(try store.revokePartnerToken(partner: "city-cabs", at: "2026-12-06T11:00Z"))
        #expect(try store.partner(tokenHash: [1, 2, 0, 3]) == nil)
        #expect(try !store.revokePartnerToken(partner: "city-cabs", at: "2026-12-06T11:01Z"))
        try store.addPartnerToken(partner: "city-cabs", tokenHash: [9], at: "2026-12-06T11:02Z")
        #expect(try store.partner(tokenHash: [9]) == "city-cabs")
        #expect(try store.intakeAudit().map(\.action) == ["token-added", "token-revoked", "token-added"])
    }
}

/// One authority cannot read another's intake on PostgreSQL, through the store API or raw SQL.
@Suite(.enabled(if: StoreBackend.adminURL != nil, "set SAFEGUARD_TEST_POSTGRES_URL (e.g. `. .ci/postgres`) to run the PostgreSQL half"))
struct PostgresIntakeIsolationTests {
    @Test func oneAuthorityCannotReadOrChangeAnothersIntakeReports() throws {
        // Given Coventry's report, reply, token and key in a database Warwick shares,
        let database = try PostgresTestDatabase.create()
        let coventry = try database.store(authority: "coventry")
        let warwick = try database.store(authority: "warwick")
        try coventry.saveIntakeReports([IntakeStoreTests.submission("WEB-COV", hashByte: 1)])
        try coventry.addOfficerReply(reference: "WEB-COV", officer: "C. Officer", at: "2026-12-06T17:00Z", sealed: [5])
        try coventry.addPartnerToken(partner: "city-cabs", tokenHash: [4, 4], at: "2026-12-06T10:00Z")
        try coventry.recordIntakeKeyFingerprint("cccc")
        try warwick.saveIntakeReports([IntakeStoreTests.submission("WEB-WAR", hashByte: 2)])
        // then Warwick's store sees only its own, by reference, by receipt hash, by token or in the inbox,
        #expect(try warwick.intakeReport(reference: "WEB-COV") == nil)
        #expect(try warwick.intakeReport(receiptHash: [1, 0x00, 0xff, 0x10]) == nil)
        #expect(try warwick.intakeReports().map(\.reference) == ["WEB-WAR"])
        #expect(try warwick.intakeReportCount() == 1)
        #expect(try warwick.partner(tokenHash: [4, 4]) == nil)
        #expect(try warwick.intakeKeyFingerprint() == nil)
        #expect(try warwick.intakeAudit().map(\.reference) == ["WEB-WAR"])
        // cannot reply to Coventry's report,
        #expect(throws: StoreError.self) {
            try warwick.addOfficerReply(reference: "WEB-COV", officer: "W. Officer", at: "2026-12-06T18:00Z", sealed: [6])
        }
        // and a raw query on Warwick's connection, even naming Coventry, returns none of Coventry's rows.
        #expect(try warwick.rawRows("SELECT reference FROM intake_report") == [["WEB-WAR"]])
        #expect(try warwick.rawRows("SELECT reference FROM intake_report WHERE authority = 'coventry'").isEmpty)
        #expect(try warwick.rawRows("SELECT count(*)::text FROM intake_message") == [["0"]])
        #expect(try warwick.rawRows("SELECT partner FROM partner_token").isEmpty)
        #expect(try warwick.rawRows("SELECT fingerprint FROM intake_key").isEmpty)
        #expect(try warwick.rawRows("SELECT count(*)::text FROM intake_audit WHERE reference = 'WEB-COV'") == [["0"]])
        // Nor can it change Coventry's report or slip a message into it.
        try warwick.rawExecute("UPDATE intake_report SET status = 'closed' WHERE reference = 'WEB-COV'")
        #expect(try coventry.intakeReport(reference: "WEB-COV")?.status == .acknowledged)
        #expect(throws: StoreError.self) {
            try warwick.rawExecute(
                "INSERT INTO intake_message (authority, intake_id, author, at, sealed) "
                    + "SELECT 'coventry', id, 'officer', 'x', '\\x00' FROM intake_report")
        }
        #expect(try coventry.intakeReport(reference: "WEB-COV")?.messages.count == 1)
        // Coventry's own view is whole: its report with its reply.
        #expect(try coventry.intakeReports().map(\.reference) == ["WEB-COV"])
    }

    @Test func oneAuthorityCannotSeeAnothersOfficersSessionsOrAudit() throws {
        let database = try PostgresTestDatabase.create()
        let coventry = try database.store(authority: "coventry")
        let warwick = try database.store(authority: "warwick")
        try coventry.addOfficerUser(
            username: "olivia", displayName: "Olivia", role: .officer, authorityID: "coventry", passwordHash: "h",
            at: "2026-12-06T10:00Z")
        let olivia = try #require(try coventry.officerUser(username: "olivia"))
        try coventry.startOfficerSession(
            OfficerSession(idHash: [7, 7], userID: olivia.id, authorityID: "coventry", createdAt: 1, lastSeenAt: 1),
            at: "2026-12-06T10:01Z")
        // Warwick's store finds neither the user nor the session, by name, by id or by hash,
        #expect(try warwick.officerUser(username: "olivia") == nil)
        #expect(try warwick.officerUser(id: olivia.id) == nil)
        #expect(try warwick.officerSession(idHash: [7, 7]) == nil)
        #expect(try warwick.officerUsers().isEmpty)
        #expect(try warwick.officerAudit().isEmpty)
        // nor does a raw query, and it cannot make itself a user of Coventry's.
        #expect(try warwick.rawRows("SELECT username FROM officer_user").isEmpty)
        #expect(try warwick.rawRows("SELECT count(*)::text FROM officer_session") == [["0"]])
        #expect(throws: StoreError.self) {
            try warwick.rawExecute(
                "INSERT INTO officer_user (authority, username, display_name, role, authority_id, password_hash, created_at) "
                    + "VALUES ('coventry', 'mallory', 'M', 'admin', 'coventry', 'h', 'x')")
        }
        #expect(try coventry.officerUsers().map(\.username) == ["olivia"])
    }
}
