import Foundation
import Logging
import PostgresNIO
import SafeguardCore
import SafeguardStore

/// The intake of `safeguard serve` on PostgreSQL (migration `webapp-postgres-intake-v1`): the
/// same behaviour as `SQLiteStore+Intake.swift`, one authority's rows under row-level security.
///
/// Writes go through `write` (one transaction, serialised per authority like SQLite's single
/// writer), so two officers replying at once and the intake's group commit lose no update.
/// Sealed text stays sealed (`bytea`); receipt codes and tokens are held only as keyed hashes.
extension PostgresStore: IntakeStore {
    /// The columns `intakeReport(from:)` reads, in its order.
    static let intakeColumns = """
        id, reference, received_hour, status, band, score, fired_rules, danger_now, acknowledge_by,
        feedback_by, acknowledged_at, first_feedback_at, expires, channel, sealed
        """

    /// Stores submissions in one transaction, each as a `report` row linked to its premises,
    /// vehicle and driver with its evidence (the import's path), an intake row and an audit line.
    ///
    /// - Throws: `StoreError` ("store.intake.duplicate") when a reference or receipt hash exists.
    public func saveIntakeReports(_ submissions: [IntakeSubmission]) throws {
        guard !submissions.isEmpty else { return }
        try self.write { db, logger in
            for submission in submissions {
                let report = submission.record
                let dangerNow: Int64 = report.dangerNow ? 1 : 0
                let reportRows = try await Self.fetch(
                    """
                    INSERT INTO report (receipt_id, received, role, seen, text, signs, premises, address, postcode,
                        vehicle, badge, when_text, apparent_age_band, danger_now, contact_name, contact_phone,
                        contact_email, content_hash)
                    VALUES (\(report.receiptID), \(report.received.description), \(report.role.rawValue),
                        \(report.seen), \(report.text), \(report.signs.joined(separator: ";")),
                        \(report.place.premises), \(report.place.address), \(report.place.postcode),
                        \(report.place.vehicle), \(report.place.badge), \(report.when), \(report.apparentAgeBand),
                        \(dangerNow), \(report.contact?.name), \(report.contact?.phone), \(report.contact?.email),
                        \(submission.contentHash))
                    ON CONFLICT (authority, receipt_id) DO NOTHING
                    RETURNING id
                    """, on: db, logger: logger)
                guard let reportID = try reportRows.first?[0].decode(Int64.self) else {
                    throw Self.duplicate(submission.reference)
                }
                let links = try await Self.linkPlace(
                    report.place, source: "report", key: report.receiptID, on: db, logger: logger)
                try await Self.replaceEvidence(
                    report.evidence, recordKey: "report:\(report.receiptID)", entities: links.entities, on: db,
                    logger: logger)
                let intakeRows = try await Self.fetch(
                    """
                    INSERT INTO intake_report (reference, report_id, receipt_hash, received_hour, status, band, score,
                        fired_rules, danger_now, acknowledge_by, feedback_by, expires, channel, sealed)
                    VALUES (\(submission.reference), \(reportID), \(Data(submission.receiptHash)),
                        \(submission.receivedHour), 'received', \(submission.band), \(submission.score),
                        \(submission.firedRules.joined(separator: ";")), \(dangerNow), \(submission.acknowledgeBy),
                        \(submission.feedbackBy), \(submission.expires.description), \(submission.channel),
                        \(Data(submission.sealed)))
                    ON CONFLICT DO NOTHING
                    RETURNING id
                    """, on: db, logger: logger)
                guard !intakeRows.isEmpty else { throw Self.duplicate(submission.reference) }
            }
            try await Self.audit(
                submissions.map {
                    IntakeAuditEntry(
                        at: $0.receivedHour, reference: $0.reference, action: "submitted",
                        actor: $0.channel == "web" ? "reporter" : $0.channel, detail: "band \($0.band)")
                }, on: db, logger: logger)
        }
    }

    public func intakeReport(receiptHash: [UInt8]) throws -> IntakeReport? {
        try self.read { db, logger in
            try await Self.intakeReports(
                "SELECT \(unescaped: Self.intakeColumns) FROM intake_report WHERE receipt_hash = \(Data(receiptHash))",
                on: db, logger: logger
            ).first
        }
    }

    public func intakeReport(reference: String) throws -> IntakeReport? {
        try self.read { db, logger in
            try await Self.intakeReports(
                "SELECT \(unescaped: Self.intakeColumns) FROM intake_report WHERE reference = \(reference)",
                on: db, logger: logger
            ).first
        }
    }

    public func intakeReports() throws -> [IntakeReport] {
        try self.read { db, logger in
            try await Self.intakeReports(
                """
                SELECT \(unescaped: Self.intakeColumns) FROM intake_report
                ORDER BY CASE band WHEN 'urgent' THEN 0 WHEN 'priority' THEN 1 ELSE 2 END, id
                """, on: db, logger: logger)
        }
    }

    public func addReporterMessage(reference: String, at hour: String, sealed: [UInt8]) throws {
        try self.write { db, logger in
            let id = try await Self.intakeID(reference, on: db, logger: logger)
            try await Self.fetch(
                """
                INSERT INTO intake_message (intake_id, author, officer, at, sealed)
                VALUES (\(id), 'reporter', NULL, \(hour), \(Data(sealed)))
                """, on: db, logger: logger)
            try await Self.audit(
                [IntakeAuditEntry(at: hour, reference: reference, action: "added-information", actor: "reporter", detail: "")],
                on: db, logger: logger)
        }
    }

    public func addOfficerReply(reference: String, officer: String, at time: String, sealed: [UInt8]) throws {
        try self.write { db, logger in
            let id = try await Self.intakeID(reference, on: db, logger: logger)
            try await Self.fetch(
                """
                INSERT INTO intake_message (intake_id, author, officer, at, sealed)
                VALUES (\(id), 'officer', \(officer), \(time), \(Data(sealed)))
                """, on: db, logger: logger)
            try await Self.fetch(
                """
                UPDATE intake_report SET
                    acknowledged_at = COALESCE(acknowledged_at, \(time)),
                    first_feedback_at = COALESCE(first_feedback_at, \(time)),
                    status = CASE status WHEN 'received' THEN 'acknowledged' ELSE status END
                WHERE id = \(id)
                """, on: db, logger: logger)
            try await Self.audit(
                [IntakeAuditEntry(at: time, reference: reference, action: "replied", actor: officer, detail: "")],
                on: db, logger: logger)
        }
    }

    public func setIntakeStatus(reference: String, status: IntakeStatus, officer: String, at time: String) throws {
        let acknowledged: String? = status == .received ? nil : time
        try self.write { db, logger in
            let id = try await Self.intakeID(reference, on: db, logger: logger)
            try await Self.fetch(
                """
                UPDATE intake_report SET status = \(status.rawValue),
                    acknowledged_at = COALESCE(acknowledged_at, \(acknowledged))
                WHERE id = \(id)
                """, on: db, logger: logger)
            try await Self.audit(
                [IntakeAuditEntry(at: time, reference: reference, action: "status", actor: officer, detail: status.rawValue)],
                on: db, logger: logger)
        }
    }

    /// Deletes for good every intake report whose expiry day is on or before `today`: the intake
    /// row, its messages, its `report` row, evidence and entity links, in one transaction, with one
    /// "deleted-retention" audit line each.
    ///
    /// PostgreSQL has no `secure_delete`: the deleted row versions stay in the table files until
    /// (auto)vacuum reclaims their space. What they hold is the sealed text (ciphertext), the
    /// report row's place and signs (its text and "seen" are stored empty for intake reports).
    @discardableResult
    public func deleteExpiredIntakeReports(today: CalendarDay, at time: String) throws -> [String] {
        try self.write { db, logger in
            let expired = try await Self.fetch(
                "SELECT id, reference, expires FROM intake_report WHERE expires <= \(today.description) ORDER BY id",
                on: db, logger: logger
            ).map { (try $0[0].decode(Int64.self), try $0[1].decode(String.self), try $0[2].decode(String.self)) }
            guard !expired.isEmpty else { return [] }
            let ids = expired.map { $0.0 }
            let references = expired.map { $0.1 }
            let recordKeys = references.map { "report:\($0)" }
            try await Self.fetch("DELETE FROM intake_message WHERE intake_id = ANY(\(ids))", on: db, logger: logger)
            try await Self.fetch("DELETE FROM intake_report WHERE id = ANY(\(ids))", on: db, logger: logger)
            try await Self.fetch("DELETE FROM evidence WHERE record_key = ANY(\(recordKeys))", on: db, logger: logger)
            try await Self.fetch(
                "DELETE FROM entity_link WHERE source = 'report' AND source_key = ANY(\(references))", on: db,
                logger: logger)
            try await Self.fetch("DELETE FROM report WHERE receipt_id = ANY(\(references))", on: db, logger: logger)
            try await Self.audit(
                expired.map {
                    IntakeAuditEntry(
                        at: time, reference: $0.1, action: "deleted-retention", actor: "retention",
                        detail: "retention period ended \($0.2)")
                }, on: db, logger: logger)
            return references
        }
    }

    public func intakeAudit() throws -> [IntakeAuditEntry] {
        try self.read { db, logger in
            try await Self.fetch(
                "SELECT at, reference, action, actor, detail FROM intake_audit ORDER BY id", on: db, logger: logger
            ).map {
                IntakeAuditEntry(
                    at: try $0[0].decode(String.self), reference: try $0[1].decode(String.self),
                    action: try $0[2].decode(String.self), actor: try $0[3].decode(String.self),
                    detail: try $0[4].decode(String.self))
            }
        }
    }

    public func intakeKeyFingerprint() throws -> String? {
        try self.read { db, logger in
            try await Self.fetch("SELECT fingerprint FROM intake_key LIMIT 1", on: db, logger: logger)
                .first?[0].decode(String.self)
        }
    }

    public func recordIntakeKeyFingerprint(_ fingerprint: String) throws {
        try self.write { db, logger in
            try await Self.fetch(
                "INSERT INTO intake_key (fingerprint) VALUES (\(fingerprint)) ON CONFLICT DO NOTHING", on: db,
                logger: logger)
        }
    }

    public func intakeReportCount() throws -> Int {
        try self.read { db, logger in
            try await Self.fetch("SELECT count(*) FROM intake_report", on: db, logger: logger).first?[0]
                .decode(Int.self) ?? 0
        }
    }

    // MARK: - Partner tokens

    public func addPartnerToken(partner: String, tokenHash: [UInt8], at time: String) throws {
        try self.write { db, logger in
            let live = try await Self.fetch(
                "SELECT 1 FROM partner_token WHERE partner = \(partner) AND revoked_at IS NULL", on: db, logger: logger)
            guard live.isEmpty else {
                throw StoreError(
                    code: "store.token.exists",
                    message: "partner '\(partner)' already has a live token; revoke it first (safeguard tokens revoke \(partner))")
            }
            try await Self.fetch(
                "INSERT INTO partner_token (partner, token_hash, created_at) VALUES (\(partner), \(Data(tokenHash)), \(time))",
                on: db, logger: logger)
            try await Self.audit(
                [IntakeAuditEntry(at: time, reference: "-", action: "token-added", actor: "admin", detail: partner)],
                on: db, logger: logger)
        }
    }

    @discardableResult
    public func revokePartnerToken(partner: String, at time: String) throws -> Bool {
        try self.write { db, logger in
            let revoked = try await Self.fetch(
                """
                UPDATE partner_token SET revoked_at = \(time) WHERE partner = \(partner) AND revoked_at IS NULL
                RETURNING id
                """, on: db, logger: logger)
            guard !revoked.isEmpty else { return false }
            try await Self.audit(
                [IntakeAuditEntry(at: time, reference: "-", action: "token-revoked", actor: "admin", detail: partner)],
                on: db, logger: logger)
            return true
        }
    }

    public func partner(tokenHash: [UInt8]) throws -> String? {
        try self.read { db, logger in
            try await Self.fetch(
                "SELECT partner FROM partner_token WHERE token_hash = \(Data(tokenHash)) AND revoked_at IS NULL",
                on: db, logger: logger
            ).first?[0].decode(String.self)
        }
    }

    // MARK: - Helpers

    /// Runs `query` and returns every row.
    @discardableResult
    static func fetch(_ query: PostgresQuery, on db: PostgresConnection, logger: Logger) async throws
        -> [PostgresRandomAccessRow]
    {
        var rows: [PostgresRandomAccessRow] = []
        for try await row in try await db.query(query, logger: logger) { rows.append(row.makeRandomAccess()) }
        return rows
    }

    /// Appends audit lines in one round trip, in order.
    static func audit(_ entries: [IntakeAuditEntry], on db: PostgresConnection, logger: Logger) async throws {
        try await Self.fetch(
            """
            INSERT INTO intake_audit (at, reference, action, actor, detail)
            SELECT at, reference, action, actor, detail
            FROM unnest(\(entries.map(\.at))::text[], \(entries.map(\.reference))::text[],
                \(entries.map(\.action))::text[], \(entries.map(\.actor))::text[], \(entries.map(\.detail))::text[])
                WITH ORDINALITY AS x(at, reference, action, actor, detail, n)
            ORDER BY n
            """, on: db, logger: logger)
    }

    static func duplicate(_ reference: String) -> StoreError {
        StoreError(
            code: "store.intake.duplicate",
            message: "a report with reference \(reference) or the same receipt code is already stored; submit it again for a new reference")
    }

    static func intakeID(_ reference: String, on db: PostgresConnection, logger: Logger) async throws -> Int64 {
        guard
            let id = try await Self.fetch(
                "SELECT id FROM intake_report WHERE reference = \(reference) FOR UPDATE", on: db, logger: logger
            ).first?[0].decode(Int64.self)
        else {
            throw StoreError(
                code: "store.intake.unknown",
                message: "no report with reference \(reference) (it may have been deleted at the end of its retention period)")
        }
        return id
    }

    /// The intake reports `query` selects (`intakeColumns`), with their messages, in its order.
    static func intakeReports(_ query: PostgresQuery, on db: PostgresConnection, logger: Logger) async throws
        -> [IntakeReport]
    {
        let rows = try await Self.fetch(query, on: db, logger: logger)
        guard !rows.isEmpty else { return [] }
        let ids = try rows.map { try $0[0].decode(Int64.self) }
        var messages: [Int64: [IntakeMessage]] = [:]
        for row in try await Self.fetch(
            "SELECT intake_id, author, officer, at, sealed FROM intake_message WHERE intake_id = ANY(\(ids)) ORDER BY id",
            on: db, logger: logger)
        {
            messages[try row[0].decode(Int64.self), default: []].append(
                IntakeMessage(
                    author: try row[1].decode(String.self), officer: try row[2].decode(String?.self),
                    at: try row[3].decode(String.self), sealed: [UInt8](try row[4].decode(Data.self))))
        }
        return try zip(rows, ids).map { row, id in
            let fired = try row[6].decode(String.self)
            let expires = try row[12].decode(String.self)
            return IntakeReport(
                id: id, reference: try row[1].decode(String.self), receivedHour: try row[2].decode(String.self),
                status: IntakeStatus(rawValue: try row[3].decode(String.self)) ?? .received,
                band: try row[4].decode(String.self), score: try row[5].decode(Double.self),
                firedRules: fired.isEmpty ? [] : fired.split(separator: ";").map(String.init),
                dangerNow: try row[7].decode(Int64.self) != 0, acknowledgeBy: try row[8].decode(String.self),
                feedbackBy: try row[9].decode(String.self), acknowledgedAt: try row[10].decode(String?.self),
                firstFeedbackAt: try row[11].decode(String?.self),
                expires: CalendarDay(iso: expires) ?? CalendarDay(daysSinceEpoch: 0),
                channel: try row[13].decode(String.self), sealed: [UInt8](try row[14].decode(Data.self)),
                messages: messages[id] ?? [])
        }
    }
}
