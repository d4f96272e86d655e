/// What a signed-in user may do. Officers and admins read and act on reports; analysts see the
/// inbox counts and the profiles but never a report's decrypted text; admins also manage users.
public enum OfficerRole: String, Sendable, Hashable, Codable, CaseIterable {
    case officer
    case analyst
    case admin

    /// Whether this role may open a report's text, reply, change its status or export it.
    public var readsReports: Bool { self != .analyst }
}

/// A user of the officers' pages. The password is kept only as an scrypt hash with its salt
/// and parameters, so the parameters can be raised without breaking old hashes.
public struct OfficerUser: Sendable, Hashable {
    public var id: Int64
    /// The sign-in name (lower case).
    public var username: String
    /// The name shown on replies and in the audit.
    public var displayName: String
    public var role: OfficerRole
    /// The authority whose data this user sees (one per deployment today; kept from the start so
    /// a shared PostgreSQL deployment can separate authorities).
    public var authorityID: String
    /// "scrypt$N$r$p$salt-hex$hash-hex".
    public var passwordHash: String
    /// Base32 TOTP secret, when a second factor is set up.
    public var totpSecret: String?
    /// Whether an admin requires a second factor for this user.
    public var totpRequired: Bool
    public var disabled: Bool
    /// Failed sign-ins since the last success.
    public var failedAttempts: Int
    /// Unix seconds until which sign-in is refused after too many failures (nil when not locked).
    public var lockedUntil: Int64?

    /// Creates a user value.
    public init(
        id: Int64, username: String, displayName: String, role: OfficerRole, authorityID: String, passwordHash: String,
        totpSecret: String?, totpRequired: Bool, disabled: Bool, failedAttempts: Int, lockedUntil: Int64?
    ) {
        self.id = id
        self.username = username
        self.displayName = displayName
        self.role = role
        self.authorityID = authorityID
        self.passwordHash = passwordHash
        self.totpSecret = totpSecret
        self.totpRequired = totpRequired
        self.disabled = disabled
        self.failedAttempts = failedAttempts
        self.lockedUntil = lockedUntil
    }
}

/// A server-side session: only the SHA-256 of the cookie's id is stored.
public struct OfficerSession: Sendable, Hashable {
    public var idHash: [UInt8]
    public var userID: Int64
    public var authorityID: String
    /// Unix seconds.
    public var createdAt: Int64
    public var lastSeenAt: Int64

    /// Creates a session value.
    public init(idHash: [UInt8], userID: Int64, authorityID: String, createdAt: Int64, lastSeenAt: Int64) {
        self.idHash = idHash
        self.userID = userID
        self.authorityID = authorityID
        self.createdAt = createdAt
        self.lastSeenAt = lastSeenAt
    }
}

/// One line of the officers' audit (views, exports, changes): append-only.
public struct OfficerAuditEntry: Sendable, Hashable {
    public var at: String
    public var actor: String
    public var action: String
    public var subject: String
    public var detail: String

    /// Creates an audit line.
    public init(at: String, actor: String, action: String, subject: String, detail: String) {
        self.at = at
        self.actor = actor
        self.action = action
        self.subject = subject
        self.detail = detail
    }
}
