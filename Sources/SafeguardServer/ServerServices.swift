import Foundation
import Hummingbird
import SafeguardStore
import Synchronization

/// What the routes share: the configuration, the store, the intake (keys, analyser, triage,
/// writer), CSRF protection and the in-memory rate limits. Built once by `buildApplication`.
public struct ServerServices: Sendable {
    /// The configuration in effect.
    public let configuration: ServerConfiguration
    /// The intake's store (report form, receipts, partner API): SQLite or PostgreSQL.
    public let intakeStore: any IntakeStore
    /// The officers' pages' store (users, sessions, audit, allocations, report links): SQLite or
    /// PostgreSQL; nil for an intake-only store, where the officers' pages are not served.
    public let officerStore: (any OfficerStore)?
    /// The intake: submissions, receipts, officers' replies, retention.
    public let intake: IntakeService
    let csrf: CSRFProtection
    let limiter: ClientRateLimiter
    let retention: RetentionSweeper
    let now: @Sendable () -> Date

    /// Creates the services for `configuration` over `store`, loading (or creating) the keys.
    /// SQLite and PostgreSQL serve everything but the driver check and application screening,
    /// which read SQLite-only tables and say so on PostgreSQL.
    ///
    /// - Throws: `ServerError` when a key is lost or wrong or the rules cannot be read.
    public init(
        configuration: ServerConfiguration, store: any IntakeStore, now: @escaping @Sendable () -> Date = { Date() }
    ) throws(ServerError) {
        self.configuration = configuration
        self.intakeStore = store
        self.officerStore = store as? any OfficerStore
        self.now = now
        let keys = try IntakeKeys.load(path: configuration.intakeKeyFile, for: store)
        self.intake = try IntakeService(configuration: configuration, store: store, keys: keys, now: now)
        self.csrf = CSRFProtection(keys: keys, secureCookies: configuration.secureCookies)
        self.limiter = ClientRateLimiter(limits: configuration.limits)
        self.retention = RetentionSweeper()
        // The page templates are parsed once; a broken one stops the server here, not on a page view.
        if case .failure(let error) = PageTemplates.shared {
            throw ServerError(code: "server.templates", message: error.message)
        }
    }

    /// A page in the shared layout, named for this authority.
    public func page(
        _ title: String, _ body: String, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]
    ) -> HTMLPage {
        HTMLPage(
            title: title, body: body, authorityName: self.configuration.authorityName, status: status,
            headers: headers)
    }

    /// The request body as text, refused with 413 past `ServerLimits.maxBodyBytes`.
    func body(of request: Request) async throws -> String {
        let limit = self.configuration.limits.maxBodyBytes
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit {
            throw HTTPError(.contentTooLarge, message: "The form is too large to send.")
        }
        var request = request
        let buffer = try await request.collectBody(upTo: limit)
        return String(buffer: buffer)
    }

    /// Deletes expired reports at most once an hour (called from requests, so no timer is needed).
    func sweepIfDue() {
        guard self.retention.due(now: self.now()) else { return }
        _ = try? self.intake.deleteExpired()
    }
}

/// Remembers the hour retention last ran.
final class RetentionSweeper: Sendable {
    private let lastHour = Mutex(-1)

    func due(now: Date) -> Bool {
        let hour = Int(now.timeIntervalSince1970) / 3_600
        return self.lastHour.withLock { last in
            guard last != hour else { return false }
            last = hour
            return true
        }
    }
}
