import Foundation
import Logging
import PostgresNIO
import SafeguardCore
import SafeguardStore

/// The officers' users, sessions, allocations and audit on PostgreSQL (migration
/// `webapp-postgres-officers-v1`): the behaviour of `SQLiteStore+Officers.swift`, one authority's
/// rows under row-level security, every write one transaction serialised per authority.
extension PostgresStore: OfficerStore {
    static let officerUserColumns = """
        id, username, display_name, role, authority_id, password_hash, totp_secret, totp_required,
        disabled, failed_attempts, locked_until
        """

    // MARK: - Users

    public func addOfficerUser(
        username: String, displayName: String, role: OfficerRole, authorityID: String, passwordHash: String,
        at time: String
    ) throws {
        try self.write { db, logger in
            let taken = try await Self.fetch(
                "SELECT 1 FROM officer_user WHERE username = \(username)", on: db, logger: logger)
            guard taken.isEmpty else {
                throw StoreError(
                    code: "store.user.exists",
                    message: "a user named '\(username)' exists; pick another name or use `safeguard users reset \(username)`")
            }
            try await Self.fetch(
                """
                INSERT INTO officer_user (username, display_name, role, authority_id, password_hash, created_at)
                VALUES (\(username), \(displayName), \(role.rawValue), \(authorityID), \(passwordHash), \(time))
                """, on: db, logger: logger)
            try await Self.officerAudit(
                at: time, actor: "admin", action: "user-added", subject: username, detail: role.rawValue, on: db,
                logger: logger)
        }
    }

    public func officerUser(username: String) throws -> OfficerUser? {
        try self.read { db, logger in
            try await Self.officerUsers(
                "SELECT \(unescaped: Self.officerUserColumns) FROM officer_user WHERE username = \(username)", on: db,
                logger: logger
            ).first
        }
    }

    public func officerUser(id: Int64) throws -> OfficerUser? {
        try self.read { db, logger in
            try await Self.officerUsers(
                "SELECT \(unescaped: Self.officerUserColumns) FROM officer_user WHERE id = \(id)", on: db, logger: logger
            ).first
        }
    }

    public func officerUsers() throws -> [OfficerUser] {
        try self.read { db, logger in
            try await Self.officerUsers(
                "SELECT \(unescaped: Self.officerUserColumns) FROM officer_user ORDER BY username", on: db, logger: logger)
        }
    }

    @discardableResult
    public func setOfficerUserDisabled(username: String, disabled: Bool, at time: String) throws -> Bool {
        let flag: Int64 = disabled ? 1 : 0
        return try self.changeUser(
            username, set: "disabled = \(flag)", action: disabled ? "user-disabled" : "user-enabled", detail: "", at: time)
    }

    @discardableResult
    public func resetOfficerPassword(username: String, passwordHash: String, at time: String) throws -> Bool {
        try self.changeUser(
            username, set: "password_hash = \(passwordHash), failed_attempts = 0, locked_until = NULL",
            action: "password-reset", detail: "", at: time)
    }

    @discardableResult
    public func setOfficerTOTP(username: String, secret: String?, required: Bool, at time: String) throws -> Bool {
        let flag: Int64 = required ? 1 : 0
        return try self.changeUser(
            username, set: "totp_secret = \(secret), totp_required = \(flag)",
            action: secret == nil ? "totp-cleared" : "totp-set", detail: required ? "required" : "optional", at: time)
    }

    @discardableResult
    public func recordFailedSignIn(userID: Int64, lockAfter: Int, lockUntil: Int64, at time: String) throws -> Int {
        try self.write { db, logger in
            guard
                let row = try await Self.fetch(
                    """
                    UPDATE officer_user SET failed_attempts = failed_attempts + 1 WHERE id = \(userID)
                    RETURNING failed_attempts, username
                    """, on: db, logger: logger
                ).first
            else { return 0 }
            let failures = Int(try row[0].decode(Int64.self))
            let name = try row[1].decode(String.self)
            if failures >= lockAfter {
                try await Self.fetch(
                    "UPDATE officer_user SET locked_until = \(lockUntil) WHERE id = \(userID)", on: db, logger: logger)
                try await Self.officerAudit(
                    at: time, actor: name, action: "locked-out", subject: name, detail: "\(failures) failures", on: db,
                    logger: logger)
            } else {
                try await Self.officerAudit(
                    at: time, actor: name, action: "sign-in-failed", subject: name, detail: "", on: db, logger: logger)
            }
            return failures
        }
    }

    // MARK: - Sessions

    public func startOfficerSession(_ session: OfficerSession, at time: String) throws {
        try self.write { db, logger in
            let name =
                try await Self.fetch(
                    """
                    UPDATE officer_user SET failed_attempts = 0, locked_until = NULL WHERE id = \(session.userID)
                    RETURNING username
                    """, on: db, logger: logger
                ).first?[0].decode(String.self) ?? "?"
            try await Self.fetch(
                """
                INSERT INTO officer_session (id_hash, user_id, authority_id, created_at, last_seen_at)
                VALUES (\(Data(session.idHash)), \(session.userID), \(session.authorityID), \(session.createdAt),
                    \(session.lastSeenAt))
                """, on: db, logger: logger)
            try await Self.officerAudit(
                at: time, actor: name, action: "signed-in", subject: name, detail: "", on: db, logger: logger)
        }
    }

    public func officerSession(idHash: [UInt8]) throws -> OfficerSession? {
        try self.read { db, logger in
            guard
                let row = try await Self.fetch(
                    """
                    SELECT user_id, authority_id, created_at, last_seen_at FROM officer_session
                    WHERE id_hash = \(Data(idHash))
                    """, on: db, logger: logger
                ).first
            else { return nil }
            return OfficerSession(
                idHash: idHash, userID: try row[0].decode(Int64.self), authorityID: try row[1].decode(String.self),
                createdAt: try row[2].decode(Int64.self), lastSeenAt: try row[3].decode(Int64.self))
        }
    }

    public func touchOfficerSession(idHash: [UInt8], at seconds: Int64) throws {
        try self.write { db, logger in
            try await Self.fetch(
                "UPDATE officer_session SET last_seen_at = \(seconds) WHERE id_hash = \(Data(idHash))", on: db,
                logger: logger)
        }
    }

    public func endOfficerSession(idHash: [UInt8]) throws {
        try self.write { db, logger in
            try await Self.fetch("DELETE FROM officer_session WHERE id_hash = \(Data(idHash))", on: db, logger: logger)
        }
    }

    // MARK: - Allocation and audit

    public func allocateReport(reference: String, to officer: String?, by actor: String, at time: String) throws {
        try self.write { db, logger in
            _ = try await Self.intakeID(reference, on: db, logger: logger)
            if let officer {
                try await Self.fetch(
                    """
                    INSERT INTO report_allocation (reference, officer, at) VALUES (\(reference), \(officer), \(time))
                    ON CONFLICT (authority, reference) DO UPDATE SET officer = excluded.officer, at = excluded.at
                    """, on: db, logger: logger)
            } else {
                try await Self.fetch("DELETE FROM report_allocation WHERE reference = \(reference)", on: db, logger: logger)
            }
            try await Self.officerAudit(
                at: time, actor: actor, action: "allocated", subject: reference, detail: officer ?? "unallocated",
                on: db, logger: logger)
        }
    }

    public func reportAllocations() throws -> [String: String] {
        try self.read { db, logger in
            var allocations: [String: String] = [:]
            for row in try await Self.fetch("SELECT reference, officer FROM report_allocation", on: db, logger: logger) {
                allocations[try row[0].decode(String.self)] = try row[1].decode(String.self)
            }
            return allocations
        }
    }

    public func appendOfficerAudit(at time: String, actor: String, action: String, subject: String, detail: String) throws {
        try self.write { db, logger in
            try await Self.officerAudit(
                at: time, actor: actor, action: action, subject: subject, detail: detail, on: db, logger: logger)
        }
    }

    public func officerAudit() throws -> [OfficerAuditEntry] {
        try self.read { db, logger in
            try await Self.fetch(
                "SELECT at, actor, action, subject, detail FROM officer_audit ORDER BY id", on: db, logger: logger
            ).map {
                OfficerAuditEntry(
                    at: try $0[0].decode(String.self), actor: try $0[1].decode(String.self),
                    action: try $0[2].decode(String.self), subject: try $0[3].decode(String.self),
                    detail: try $0[4].decode(String.self))
            }
        }
    }

    // MARK: - Helpers

    /// Applies `assignments` (SQL with binds) to the user `username`, ends their sessions and
    /// writes the audit line; false when there is no such user.
    private func changeUser(
        _ username: String, set assignments: PostgresQuery, action: String, detail: String, at time: String
    ) throws -> Bool {
        try self.write { db, logger in
            guard
                let id = try await Self.fetch(
                    "SELECT id FROM officer_user WHERE username = \(username) FOR UPDATE", on: db, logger: logger
                ).first?[0].decode(Int64.self)
            else { return false }
            var update = assignments
            update.sql = "UPDATE officer_user SET " + update.sql + " WHERE id = $\(update.binds.count + 1)"
            try update.binds.append(id, context: .default)
            try await Self.fetch(update, on: db, logger: logger)
            try await Self.fetch("DELETE FROM officer_session WHERE user_id = \(id)", on: db, logger: logger)
            try await Self.officerAudit(
                at: time, actor: "admin", action: action, subject: username, detail: detail, on: db, logger: logger)
            return true
        }
    }

    static func officerAudit(
        at time: String, actor: String, action: String, subject: String, detail: String, on db: PostgresConnection,
        logger: Logger
    ) async throws {
        try await Self.fetch(
            """
            INSERT INTO officer_audit (at, actor, action, subject, detail)
            VALUES (\(time), \(actor), \(action), \(subject), \(detail))
            """, on: db, logger: logger)
    }

    static func officerUsers(_ query: PostgresQuery, on db: PostgresConnection, logger: Logger) async throws
        -> [OfficerUser]
    {
        try await Self.fetch(query, on: db, logger: logger).map { row in
            OfficerUser(
                id: try row[0].decode(Int64.self), username: try row[1].decode(String.self),
                displayName: try row[2].decode(String.self),
                role: OfficerRole(rawValue: try row[3].decode(String.self)) ?? .analyst,
                authorityID: try row[4].decode(String.self), passwordHash: try row[5].decode(String.self),
                totpSecret: try row[6].decode(String?.self), totpRequired: try row[7].decode(Int64.self) != 0,
                disabled: try row[8].decode(Int64.self) != 0, failedAttempts: Int(try row[9].decode(Int64.self)),
                lockedUntil: try row[10].decode(Int64?.self))
        }
    }
}
