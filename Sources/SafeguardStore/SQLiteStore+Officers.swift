import Foundation
import GRDB

/// The officers' web app (issue 13, branch webapp): users, sessions, allocation of reports and
/// the append-only audit of every view, export and change. Report rows, sealed text and
/// messages stay the intake's (`SQLiteStore+Intake.swift`).
extension SQLiteStore {
    /// The tables of migration "webapp-v1-users-sessions-audit".
    static func createOfficerTables(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE officer_user (
                    id INTEGER PRIMARY KEY,
                    username TEXT NOT NULL UNIQUE,
                    display_name TEXT NOT NULL,
                    role TEXT NOT NULL,
                    authority_id TEXT NOT NULL,
                    password_hash TEXT NOT NULL,
                    totp_secret TEXT,
                    totp_required INTEGER NOT NULL DEFAULT 0,
                    disabled INTEGER NOT NULL DEFAULT 0,
                    failed_attempts INTEGER NOT NULL DEFAULT 0,
                    locked_until INTEGER,
                    created_at TEXT NOT NULL
                );
                CREATE TABLE officer_session (
                    id_hash BLOB PRIMARY KEY,
                    user_id INTEGER NOT NULL REFERENCES officer_user(id),
                    authority_id TEXT NOT NULL,
                    created_at INTEGER NOT NULL,
                    last_seen_at INTEGER NOT NULL
                );
                CREATE TABLE officer_audit (
                    id INTEGER PRIMARY KEY,
                    at TEXT NOT NULL,
                    actor TEXT NOT NULL,
                    action TEXT NOT NULL,
                    subject TEXT NOT NULL,
                    detail TEXT NOT NULL
                );
                CREATE TRIGGER officer_audit_no_update BEFORE UPDATE ON officer_audit
                    BEGIN SELECT RAISE(ABORT, 'the audit is append-only'); END;
                CREATE TRIGGER officer_audit_no_delete BEFORE DELETE ON officer_audit
                    BEGIN SELECT RAISE(ABORT, 'the audit is append-only'); END;
                CREATE TABLE report_allocation (
                    reference TEXT PRIMARY KEY,
                    officer TEXT NOT NULL,
                    at TEXT NOT NULL
                );
                """)
    }

    // MARK: - Users

    /// Adds a user.
    ///
    /// - Throws: `StoreError` "store.user.exists" when the name is taken.
    public func addOfficerUser(
        username: String, displayName: String, role: OfficerRole, authorityID: String, passwordHash: String,
        at time: String
    ) throws {
        try self.writer.write { db in
            let taken = try Int.fetchOne(
                db, sql: "SELECT count(*) FROM officer_user WHERE username = ?", arguments: [username]) ?? 0
            guard taken == 0 else {
                throw StoreError(
                    code: "store.user.exists",
                    message: "a user named '\(username)' exists; pick another name or use `safeguard users reset \(username)`")
            }
            try db.execute(
                sql: """
                    INSERT INTO officer_user (username, display_name, role, authority_id, password_hash, created_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """, arguments: [username, displayName, role.rawValue, authorityID, passwordHash, time])
            try Self.officerAudit(at: time, actor: "admin", action: "user-added", subject: username, detail: role.rawValue, in: db)
        }
    }

    /// The user named `username`, nil when none.
    public func officerUser(username: String) throws -> OfficerUser? {
        try self.writer.read { db in try Self.officerUser(where: "username = ?", username, in: db) }
    }

    /// The user with id `id`, nil when none.
    public func officerUser(id: Int64) throws -> OfficerUser? {
        try self.writer.read { db in try Self.officerUser(where: "id = ?", id, in: db) }
    }

    /// Every user, by name.
    public func officerUsers() throws -> [OfficerUser] {
        try self.writer.read { db in
            let ids = try Int64.fetchAll(db, sql: "SELECT id FROM officer_user ORDER BY username")
            return try ids.compactMap { try Self.officerUser(where: "id = ?", $0, in: db) }
        }
    }

    /// Disables (or re-enables) a user and ends their sessions; returns whether the user exists.
    @discardableResult
    public func setOfficerUserDisabled(username: String, disabled: Bool, at time: String) throws -> Bool {
        try self.writer.write { db in
            guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM officer_user WHERE username = ?", arguments: [username])
            else { return false }
            try db.execute(sql: "UPDATE officer_user SET disabled = ? WHERE id = ?", arguments: [disabled, id])
            try db.execute(sql: "DELETE FROM officer_session WHERE user_id = ?", arguments: [id])
            try Self.officerAudit(
                at: time, actor: "admin", action: disabled ? "user-disabled" : "user-enabled", subject: username, detail: "",
                in: db)
            return true
        }
    }

    /// Sets a new password hash, clears the lock-out and ends the user's sessions; returns
    /// whether the user exists.
    @discardableResult
    public func resetOfficerPassword(username: String, passwordHash: String, at time: String) throws -> Bool {
        try self.writer.write { db in
            guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM officer_user WHERE username = ?", arguments: [username])
            else { return false }
            try db.execute(
                sql: "UPDATE officer_user SET password_hash = ?, failed_attempts = 0, locked_until = NULL WHERE id = ?",
                arguments: [passwordHash, id])
            try db.execute(sql: "DELETE FROM officer_session WHERE user_id = ?", arguments: [id])
            try Self.officerAudit(at: time, actor: "admin", action: "password-reset", subject: username, detail: "", in: db)
            return true
        }
    }

    /// Sets (or with nil clears) a user's TOTP secret and whether a second factor is required;
    /// returns whether the user exists.
    @discardableResult
    public func setOfficerTOTP(username: String, secret: String?, required: Bool, at time: String) throws -> Bool {
        try self.writer.write { db in
            guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM officer_user WHERE username = ?", arguments: [username])
            else { return false }
            try db.execute(
                sql: "UPDATE officer_user SET totp_secret = ?, totp_required = ? WHERE id = ?", arguments: [secret, required, id])
            try db.execute(sql: "DELETE FROM officer_session WHERE user_id = ?", arguments: [id])
            try Self.officerAudit(
                at: time, actor: "admin", action: secret == nil ? "totp-cleared" : "totp-set", subject: username,
                detail: required ? "required" : "optional", in: db)
            return true
        }
    }

    /// Records a failed sign-in: counts it and, at `lockAfter` failures, locks the account until
    /// `lockUntil` (Unix seconds). Returns the failures counted so far.
    @discardableResult
    public func recordFailedSignIn(userID: Int64, lockAfter: Int, lockUntil: Int64, at time: String) throws -> Int {
        try self.writer.write { db in
            try db.execute(sql: "UPDATE officer_user SET failed_attempts = failed_attempts + 1 WHERE id = ?", arguments: [userID])
            let failures = try Int.fetchOne(db, sql: "SELECT failed_attempts FROM officer_user WHERE id = ?", arguments: [userID]) ?? 0
            let name = try String.fetchOne(db, sql: "SELECT username FROM officer_user WHERE id = ?", arguments: [userID]) ?? "?"
            if failures >= lockAfter {
                try db.execute(sql: "UPDATE officer_user SET locked_until = ? WHERE id = ?", arguments: [lockUntil, userID])
                try Self.officerAudit(at: time, actor: name, action: "locked-out", subject: name, detail: "\(failures) failures", in: db)
            } else {
                try Self.officerAudit(at: time, actor: name, action: "sign-in-failed", subject: name, detail: "", in: db)
            }
            return failures
        }
    }

    /// Stores a new session (by the hash of its id) after a successful sign-in and clears failures.
    public func startOfficerSession(_ session: OfficerSession, at time: String) throws {
        try self.writer.write { db in
            try db.execute(
                sql: "UPDATE officer_user SET failed_attempts = 0, locked_until = NULL WHERE id = ?",
                arguments: [session.userID])
            try db.execute(
                sql: "INSERT INTO officer_session (id_hash, user_id, authority_id, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [Data(session.idHash), session.userID, session.authorityID, session.createdAt, session.lastSeenAt])
            let name = try String.fetchOne(db, sql: "SELECT username FROM officer_user WHERE id = ?", arguments: [session.userID]) ?? "?"
            try Self.officerAudit(at: time, actor: name, action: "signed-in", subject: name, detail: "", in: db)
        }
    }

    /// The session stored under `idHash`, nil when none.
    public func officerSession(idHash: [UInt8]) throws -> OfficerSession? {
        try self.writer.read { db in
            try Row.fetchOne(
                db, sql: "SELECT user_id, authority_id, created_at, last_seen_at FROM officer_session WHERE id_hash = ?",
                arguments: [Data(idHash)]
            ).map { OfficerSession(idHash: idHash, userID: $0[0], authorityID: $0[1], createdAt: $0[2], lastSeenAt: $0[3]) }
        }
    }

    /// Moves a session's idle clock on.
    public func touchOfficerSession(idHash: [UInt8], at seconds: Int64) throws {
        try self.writer.write { db in
            try db.execute(sql: "UPDATE officer_session SET last_seen_at = ? WHERE id_hash = ?", arguments: [seconds, Data(idHash)])
        }
    }

    /// Ends a session (sign-out or time-out).
    public func endOfficerSession(idHash: [UInt8]) throws {
        try self.writer.write { db in
            try db.execute(sql: "DELETE FROM officer_session WHERE id_hash = ?", arguments: [Data(idHash)])
        }
    }

    // MARK: - Allocation

    /// Allocates the report `reference` to `officer` (nil clears it), audited.
    public func allocateReport(reference: String, to officer: String?, by actor: String, at time: String) throws {
        try self.writer.write { db in
            _ = try Self.intakeID(reference, in: db)
            if let officer {
                try db.execute(
                    sql: "INSERT OR REPLACE INTO report_allocation (reference, officer, at) VALUES (?, ?, ?)",
                    arguments: [reference, officer, time])
            } else {
                try db.execute(sql: "DELETE FROM report_allocation WHERE reference = ?", arguments: [reference])
            }
            try Self.officerAudit(
                at: time, actor: actor, action: "allocated", subject: reference, detail: officer ?? "unallocated", in: db)
        }
    }

    /// Report reference to allocated officer's username.
    public func reportAllocations() throws -> [String: String] {
        try self.writer.read { db in
            Dictionary(
                try Row.fetchAll(db, sql: "SELECT reference, officer FROM report_allocation").map { ($0[0], $0[1]) },
                uniquingKeysWith: { first, _ in first })
        }
    }

    // MARK: - Audit

    /// Appends one line to the officers' audit.
    public func appendOfficerAudit(at time: String, actor: String, action: String, subject: String, detail: String) throws {
        try self.writer.write { db in
            try Self.officerAudit(at: time, actor: actor, action: action, subject: subject, detail: detail, in: db)
        }
    }

    /// The officers' audit, oldest first.
    public func officerAudit() throws -> [OfficerAuditEntry] {
        try self.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT at, actor, action, subject, detail FROM officer_audit ORDER BY id").map {
                OfficerAuditEntry(at: $0[0], actor: $0[1], action: $0[2], subject: $0[3], detail: $0[4])
            }
        }
    }

    static func officerAudit(
        at time: String, actor: String, action: String, subject: String, detail: String, in db: Database
    ) throws {
        try db.execute(
            sql: "INSERT INTO officer_audit (at, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?)",
            arguments: [time, actor, action, subject, detail])
    }

    static func officerUser(where condition: String, _ argument: some DatabaseValueConvertible, in db: Database) throws
        -> OfficerUser?
    {
        guard
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT id, username, display_name, role, authority_id, password_hash, totp_secret, totp_required,
                        disabled, failed_attempts, locked_until
                    FROM officer_user WHERE \(condition)
                    """, arguments: [argument])
        else { return nil }
        return OfficerUser(
            id: row[0], username: row[1], displayName: row[2], role: OfficerRole(rawValue: row[3]) ?? .analyst,
            authorityID: row[4], passwordHash: row[5], totpSecret: row[6], totpRequired: row[7], disabled: row[8],
            failedAttempts: row[9], lockedUntil: row[10])
    }
}
