import SafeguardCore

/// What `safeguard serve`'s intake keeps: reports that came in through the web form or the
/// partner API (stored through the same report path as imported ones, plus the sealed text, the
/// keyed hash of the receipt code, triage, clocks and messages both ways), the audit that
/// outlives them, the intake key's fingerprint and the partners' hashed tokens.
///
/// `SQLiteStore` and the PostgreSQL store (`PostgresStore`, one authority's rows under row-level
/// security) both carry it, so the report form, receipt pages and partner API run on either.
/// Every call is one transaction. Nothing here holds a receipt code, a token or a client's
/// address: codes and tokens only as keyed hashes, text and contact details only sealed.
public protocol IntakeStore: Sendable {
    /// Stores submissions in one transaction: each becomes a `report` row with its links and
    /// evidence (as an imported report is stored) and an intake row; the whole batch or nothing.
    func saveIntakeReports(_ submissions: [IntakeSubmission]) throws
    /// The report whose receipt hash is `receiptHash`, with its messages; nil when none.
    func intakeReport(receiptHash: [UInt8]) throws -> IntakeReport?
    /// The report with reference `reference`, with its messages; nil when none.
    func intakeReport(reference: String) throws -> IntakeReport?
    /// Every intake report still held, most urgent first, then oldest first (sealed fields sealed).
    func intakeReports() throws -> [IntakeReport]
    /// Adds the reporter's further information (sealed) to the report `reference`.
    func addReporterMessage(reference: String, at hour: String, sealed: [UInt8]) throws
    /// Adds an officer's reply (sealed); the first reply also acknowledges the report.
    func addOfficerReply(reference: String, officer: String, at time: String, sealed: [UInt8]) throws
    /// Sets the status of the report `reference` (an officer's action, audited).
    func setIntakeStatus(reference: String, status: IntakeStatus, officer: String, at time: String) throws
    /// Deletes for good every intake report whose expiry day is on or before `today`, with its
    /// report row, evidence and links; the audit keeps one "deleted-retention" line per report.
    ///
    /// - Returns: the references deleted.
    @discardableResult
    func deleteExpiredIntakeReports(today: CalendarDay, at time: String) throws -> [String]
    /// The intake audit, oldest first.
    func intakeAudit() throws -> [IntakeAuditEntry]
    /// The fingerprint of the intake key recorded with the first sealed report (nil before).
    func intakeKeyFingerprint() throws -> String?
    /// Records the intake key's fingerprint, so a later start with another or no key is refused.
    func recordIntakeKeyFingerprint(_ fingerprint: String) throws
    /// How many intake reports are held.
    func intakeReportCount() throws -> Int
    /// Stores the hash of a new bearer token for `partner` (replacing a revoked one).
    ///
    /// - Throws: `StoreError` ("store.token.exists") when the partner already has a live token.
    func addPartnerToken(partner: String, tokenHash: [UInt8], at time: String) throws
    /// Revokes the live token of `partner`; returns whether one was revoked.
    @discardableResult
    func revokePartnerToken(partner: String, at time: String) throws -> Bool
    /// The partner whose live token hashes to `tokenHash`; nil when none (unknown or revoked).
    func partner(tokenHash: [UInt8]) throws -> String?
}

extension SQLiteStore: IntakeStore {}
