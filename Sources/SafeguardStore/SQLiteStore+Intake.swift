import Foundation
import GRDB
import SafeguardCore

/// Reports that came in through `safeguard serve` (web form, partner API): stored through the
/// same report path as imported ones (`storeReport`: report row, entity links, evidence), plus
/// the sealed text, the receipt hash, triage, clocks, messages and an audit that outlives them.
extension SQLiteStore {
    /// Stores submissions in one transaction: each becomes a `report` row with its links and
    /// evidence (exactly as `saveReports` stores an imported report) and an `intake_report` row.
    ///
    /// - Throws: `StoreError` ("store.intake.duplicate") when a receipt hash or reference exists.
    public func saveIntakeReports(_ submissions: [IntakeSubmission]) throws {
        try self.writeWithIndex { db, index in
            var summary = ImportSummary()
            for submission in submissions {
                try self.storeReport(
                    submission.record, in: db, index: index, summary: &summary, contentHash: submission.contentHash)
                let reportID = try Int64.fetchOne(
                    db.cachedStatement(sql: "SELECT id FROM report WHERE receipt_id = ?"),
                    arguments: [submission.reference])
                try db.cachedStatement(
                    sql: """
                        INSERT INTO intake_report (reference, report_id, receipt_hash, received_hour, status, band,
                            score, fired_rules, danger_now, acknowledge_by, feedback_by, expires, channel, sealed)
                        VALUES (?, ?, ?, ?, 'received', ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """
                ).execute(
                    arguments: [
                        submission.reference, reportID, Data(submission.receiptHash), submission.receivedHour,
                        submission.band, submission.score, submission.firedRules.joined(separator: ";"),
                        submission.record.dangerNow, submission.acknowledgeBy, submission.feedbackBy,
                        submission.expires.description, submission.channel, Data(submission.sealed),
                    ])
                try Self.audit(
                    at: submission.receivedHour, reference: submission.reference, action: "submitted",
                    actor: submission.channel == "web" ? "reporter" : submission.channel,
                    detail: "band \(submission.band)", in: db)
            }
        }
    }

    /// The report whose receipt hash is `receiptHash`, with its messages; nil when none.
    public func intakeReport(receiptHash: [UInt8]) throws -> IntakeReport? {
        try self.writer.read { db in
            try Self.intakeReport(where: "receipt_hash = ?", Data(receiptHash), in: db)
        }
    }

    /// The report with reference `reference`, with its messages; nil when none.
    public func intakeReport(reference: String) throws -> IntakeReport? {
        try self.writer.read { db in
            try Self.intakeReport(where: "reference = ?", reference, in: db)
        }
    }

    /// Every intake report still held, most urgent first, then oldest first (sealed fields sealed).
    public func intakeReports() throws -> [IntakeReport] {
        try self.writer.read { db in
            let references = try String.fetchAll(
                db,
                sql: """
                    SELECT reference FROM intake_report
                    ORDER BY CASE band WHEN 'urgent' THEN 0 WHEN 'priority' THEN 1 ELSE 2 END, id
                    """)
            return try references.compactMap { try Self.intakeReport(where: "reference = ?", $0, in: db) }
        }
    }

    /// Adds the reporter's further information (sealed) to the report `reference`.
    public func addReporterMessage(reference: String, at hour: String, sealed: [UInt8]) throws {
        try self.writer.write { db in
            let id = try Self.intakeID(reference, in: db)
            try db.execute(
                sql: "INSERT INTO intake_message (intake_id, author, officer, at, sealed) VALUES (?, 'reporter', NULL, ?, ?)",
                arguments: [id, hour, Data(sealed)])
            try Self.audit(at: hour, reference: reference, action: "added-information", actor: "reporter", detail: "", in: db)
        }
    }

    /// Adds an officer's reply (sealed) to the report `reference`: the reporter sees it on the
    /// receipt page. The first reply also acknowledges the report and starts feedback.
    public func addOfficerReply(reference: String, officer: String, at time: String, sealed: [UInt8]) throws {
        try self.writer.write { db in
            let id = try Self.intakeID(reference, in: db)
            try db.execute(
                sql: "INSERT INTO intake_message (intake_id, author, officer, at, sealed) VALUES (?, 'officer', ?, ?, ?)",
                arguments: [id, officer, time, Data(sealed)])
            try db.execute(
                sql: """
                    UPDATE intake_report SET
                        acknowledged_at = COALESCE(acknowledged_at, ?1),
                        first_feedback_at = COALESCE(first_feedback_at, ?1),
                        status = CASE status WHEN 'received' THEN 'acknowledged' ELSE status END
                    WHERE id = ?2
                    """, arguments: [time, id])
            try Self.audit(at: time, reference: reference, action: "replied", actor: officer, detail: "", in: db)
        }
    }

    /// Sets the status of the report `reference` (an officer's action, audited).
    public func setIntakeStatus(reference: String, status: IntakeStatus, officer: String, at time: String) throws {
        try self.writer.write { db in
            let id = try Self.intakeID(reference, in: db)
            try db.execute(
                sql: """
                    UPDATE intake_report SET status = ?, acknowledged_at = COALESCE(acknowledged_at, ?) WHERE id = ?
                    """, arguments: [status.rawValue, status == .received ? nil : time, id])
            try Self.audit(at: time, reference: reference, action: "status", actor: officer, detail: status.rawValue, in: db)
        }
    }

    /// Deletes for good every intake report whose expiry day is on or before `today`: the intake
    /// row, its messages, its `report` row, evidence and entity links, with SQLite's
    /// `secure_delete` on (freed pages zeroed) and the WAL checkpointed and truncated, so the
    /// text is gone from the files. The audit keeps one "deleted-retention" line per report.
    ///
    /// - Returns: the references deleted.
    @discardableResult
    public func deleteExpiredIntakeReports(today: CalendarDay, at time: String) throws -> [String] {
        let deleted: [String] = try self.writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA secure_delete = ON")
            var references: [String] = []
            try db.inTransaction {
                let rows = try Row.fetchAll(
                    db, sql: "SELECT id, reference, expires FROM intake_report WHERE expires <= ?",
                    arguments: [today.description])
                for row in rows {
                    let id: Int64 = row[0]
                    let reference: String = row[1]
                    let expires: String = row[2]
                    try db.execute(sql: "DELETE FROM intake_message WHERE intake_id = ?", arguments: [id])
                    try db.execute(sql: "DELETE FROM intake_report WHERE id = ?", arguments: [id])
                    try db.execute(sql: "DELETE FROM evidence WHERE record_key = ?", arguments: ["report:\(reference)"])
                    try db.execute(
                        sql: "DELETE FROM entity_link WHERE source = 'report' AND source_key = ?", arguments: [reference])
                    try db.execute(sql: "DELETE FROM report WHERE receipt_id = ?", arguments: [reference])
                    try Self.audit(
                        at: time, reference: reference, action: "deleted-retention", actor: "retention",
                        detail: "retention period ended \(expires)", in: db)
                    references.append(reference)
                }
                return .commit
            }
            return references
        }
        if !deleted.isEmpty {
            try self.writer.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
            }
        }
        return deleted
    }

    /// The intake audit, oldest first.
    public func intakeAudit() throws -> [IntakeAuditEntry] {
        try self.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT at, reference, action, actor, detail FROM intake_audit ORDER BY id").map {
                IntakeAuditEntry(at: $0[0], reference: $0[1], action: $0[2], actor: $0[3], detail: $0[4])
            }
        }
    }

    /// The fingerprint of the intake key recorded with the first sealed report (nil before).
    public func intakeKeyFingerprint() throws -> String? {
        try self.writer.read { db in try String.fetchOne(db, sql: "SELECT fingerprint FROM intake_key LIMIT 1") }
    }

    /// Records the intake key's fingerprint, so a later start with another or no key is refused.
    public func recordIntakeKeyFingerprint(_ fingerprint: String) throws {
        try self.writer.write { db in
            try db.execute(sql: "INSERT OR IGNORE INTO intake_key (id, fingerprint) VALUES (1, ?)", arguments: [fingerprint])
        }
    }

    /// How many intake reports are held.
    public func intakeReportCount() throws -> Int {
        try self.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM intake_report") ?? 0 }
    }

    // MARK: - Partner tokens

    /// Stores the hash of a new bearer token for `partner` (replacing a revoked one).
    ///
    /// - Throws: `StoreError` ("store.token.exists") when the partner already has a live token.
    public func addPartnerToken(partner: String, tokenHash: [UInt8], at time: String) throws {
        try self.writer.write { db in
            let live = try Int.fetchOne(
                db, sql: "SELECT count(*) FROM partner_token WHERE partner = ? AND revoked_at IS NULL",
                arguments: [partner]) ?? 0
            guard live == 0 else {
                throw StoreError(
                    code: "store.token.exists",
                    message: "partner '\(partner)' already has a live token; revoke it first (safeguard tokens revoke \(partner))")
            }
            try db.execute(
                sql: "INSERT INTO partner_token (partner, token_hash, created_at) VALUES (?, ?, ?)",
                arguments: [partner, Data(tokenHash), time])
            try Self.audit(at: time, reference: "-", action: "token-added", actor: "admin", detail: partner, in: db)
        }
    }

    /// Revokes the live token of `partner`; returns whether one was revoked.
    @discardableResult
    public func revokePartnerToken(partner: String, at time: String) throws -> Bool {
        try self.writer.write { db in
            try db.execute(
                sql: "UPDATE partner_token SET revoked_at = ? WHERE partner = ? AND revoked_at IS NULL",
                arguments: [time, partner])
            let changed = db.changesCount > 0
            if changed {
                try Self.audit(at: time, reference: "-", action: "token-revoked", actor: "admin", detail: partner, in: db)
            }
            return changed
        }
    }

    /// The partner whose live token hashes to `tokenHash`; nil when none (unknown or revoked).
    public func partner(tokenHash: [UInt8]) throws -> String? {
        try self.writer.read { db in
            try String.fetchOne(
                db, sql: "SELECT partner FROM partner_token WHERE token_hash = ? AND revoked_at IS NULL",
                arguments: [Data(tokenHash)])
        }
    }

    // MARK: - Helpers

    static func audit(
        at time: String, reference: String, action: String, actor: String, detail: String, in db: Database
    ) throws {
        try db.cachedStatement(sql: "INSERT INTO intake_audit (at, reference, action, actor, detail) VALUES (?, ?, ?, ?, ?)")
            .execute(arguments: [time, reference, action, actor, detail])
    }

    static func intakeID(_ reference: String, in db: Database) throws -> Int64 {
        guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM intake_report WHERE reference = ?", arguments: [reference])
        else {
            throw StoreError(code: "store.intake.unknown", message: "no report with reference \(reference) (it may have been deleted at the end of its retention period)")
        }
        return id
    }

    static func intakeReport(where condition: String, _ argument: some DatabaseValueConvertible, in db: Database) throws
        -> IntakeReport?
    {
        guard
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT id, reference, received_hour, status, band, score, fired_rules, danger_now, acknowledge_by,
                        feedback_by, acknowledged_at, first_feedback_at, expires, channel, sealed
                    FROM intake_report WHERE \(condition)
                    """, arguments: [argument])
        else { return nil }
        let id: Int64 = row[0]
        let messages = try Row.fetchAll(
            db, sql: "SELECT author, officer, at, sealed FROM intake_message WHERE intake_id = ? ORDER BY id",
            arguments: [id]
        ).map { message in
            IntakeMessage(author: message[0], officer: message[1], at: message[2], sealed: [UInt8](message[3] as Data))
        }
        let fired: String = row[6]
        let expires: String = row[12]
        return IntakeReport(
            id: id, reference: row[1], receivedHour: row[2], status: IntakeStatus(rawValue: row[3]) ?? .received,
            band: row[4], score: row[5], firedRules: fired.isEmpty ? [] : fired.split(separator: ";").map(String.init),
            dangerNow: row[7], acknowledgeBy: row[8], feedbackBy: row[9], acknowledgedAt: row[10],
            firstFeedbackAt: row[11], expires: CalendarDay(iso: expires) ?? CalendarDay(daysSinceEpoch: 0),
            channel: row[13], sealed: [UInt8](row[14] as Data), messages: messages)
    }
}
