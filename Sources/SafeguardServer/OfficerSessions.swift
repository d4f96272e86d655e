import Crypto
import Foundation
import Hummingbird
import SafeguardStore

/// A signed-in officer for the length of one request.
struct SignedInOfficer: Sendable {
    let user: OfficerUser
    let session: OfficerSession
    /// The authority whose data this request may see (from the session, checked against the user).
    var authorityID: String { self.session.authorityID }
}

/// Sign-in and sessions: a random 256-bit session id in a `HttpOnly`, `SameSite=Strict` cookie
/// (`Secure` unless configured off for plain-HTTP loopback), stored server-side only as its
/// SHA-256, ended after an idle time-out or an absolute one, whichever comes first.
struct OfficerSessions: Sendable {
    static let cookieName = "sg_officer"

    let store: any OfficerStore
    let configuration: OfficerConfiguration
    let secureCookies: Bool
    let hasher: PasswordHasher
    let now: @Sendable () -> Date

    init(configuration: ServerConfiguration, store: any OfficerStore, now: @escaping @Sendable () -> Date) {
        self.store = store
        self.configuration = configuration.officers
        self.secureCookies = configuration.secureCookies
        self.hasher = PasswordHasher(configuration: configuration.officers)
        self.now = now
    }

    /// The outcome of a sign-in attempt.
    enum SignInResult: Sendable {
        case signedIn(cookie: String)
        /// Wrong name or password (the two are not told apart).
        case refused
        /// Too many failures: locked until the given time.
        case locked(until: Date)
        /// The password was right but the one-time code is missing or wrong.
        case needsCode
        /// An admin requires a second factor that has not been set up yet.
        case secondFactorNotSetUp
    }

    /// Checks a name and password; on success starts a session and returns its cookie header.
    func signIn(username: String, password: String, code: String? = nil) async throws -> SignInResult {
        let now = self.now()
        let seconds = Int64(now.timeIntervalSince1970)
        guard let user = try self.store.officerUser(username: username.lowercased()), !user.disabled else {
            // Spend the same time as a real check so a missing name is not told apart by timing.
            _ = self.hasher.verify(password, against: self.decoyHash)
            return .refused
        }
        if let locked = user.lockedUntil, locked > seconds {
            return .locked(until: Date(timeIntervalSince1970: TimeInterval(locked)))
        }
        let secondFactor = user.totpSecret.flatMap(TOTP.secret(base32:)).map { TOTP(secret: $0) }
        let passwordRight = self.hasher.verify(password, against: user.passwordHash)
        if passwordRight, secondFactor == nil, user.totpRequired {
            return .secondFactorNotSetUp
        }
        let codeRight = secondFactor.map { totp in code.map { totp.verify($0, at: now) } ?? false } ?? true
        guard passwordRight, codeRight else {
            let failures = try self.store.recordFailedSignIn(
                userID: user.id, lockAfter: self.configuration.lockAfterFailures,
                lockUntil: seconds + Int64(self.configuration.lockSeconds), at: IntakeClock.minute(now))
            let delay = min(5_000, self.configuration.failureDelayMilliseconds * failures)
            if delay > 0 { try await Task.sleep(for: .milliseconds(delay)) }
            if failures >= self.configuration.lockAfterFailures {
                return .locked(until: now.addingTimeInterval(TimeInterval(self.configuration.lockSeconds)))
            }
            return passwordRight ? .needsCode : .refused
        }
        var generator = SystemRandomNumberGenerator()
        let id = Base32.encode((0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
        let session = OfficerSession(
            idHash: Self.hash(id), userID: user.id, authorityID: user.authorityID, createdAt: seconds, lastSeenAt: seconds)
        try self.store.startOfficerSession(session, at: IntakeClock.minute(now))
        return .signedIn(cookie: self.cookie(value: id, maxAge: self.configuration.absoluteTimeoutSeconds).description)
    }

    /// The signed-in officer of `request`, or nil (no cookie, unknown, timed out, user disabled).
    /// A live session's idle clock moves on; a timed-out one is deleted.
    func officer(of request: Request) throws -> SignedInOfficer? {
        guard let id = request.cookies[Self.cookieName]?.value, id.count == 52 else { return nil }
        let hash = Self.hash(id)
        guard let session = try self.store.officerSession(idHash: hash) else { return nil }
        let now = Int64(self.now().timeIntervalSince1970)
        let idle = now - session.lastSeenAt > Int64(self.configuration.idleTimeoutSeconds)
        let absolute = now - session.createdAt > Int64(self.configuration.absoluteTimeoutSeconds)
        guard !idle, !absolute, let user = try self.store.officerUser(id: session.userID), !user.disabled,
            user.authorityID == session.authorityID
        else {
            try self.store.endOfficerSession(idHash: hash)
            return nil
        }
        try self.store.touchOfficerSession(idHash: hash, at: now)
        return SignedInOfficer(user: user, session: session)
    }

    /// Ends the session of `request` and returns the header that clears the cookie.
    func signOut(_ request: Request) throws -> String {
        if let id = request.cookies[Self.cookieName]?.value {
            try self.store.endOfficerSession(idHash: Self.hash(id))
        }
        return self.cookie(value: "", maxAge: 0).description
    }

    func cookie(value: String, maxAge: Int) -> Cookie {
        Cookie(
            name: Self.cookieName, value: value, maxAge: maxAge, path: "/", secure: self.secureCookies, httpOnly: true,
            sameSite: .strict)
    }

    static func hash(_ id: String) -> [UInt8] {
        Array(SHA256.hash(data: Data(id.utf8)))
    }

    /// A hash of nothing anyone knows, with the configured parameters, checked when the name is unknown.
    var decoyHash: String {
        "scrypt$\(self.configuration.scryptCost)$\(self.configuration.scryptBlockSize)$"
            + "\(self.configuration.scryptParallelism)$" + String(repeating: "0", count: 32) + "$"
            + String(repeating: "0", count: 64)
    }
}
