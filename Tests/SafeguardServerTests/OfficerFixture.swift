import Foundation
import Hummingbird
import HummingbirdTesting
import SafeguardCore
import SafeguardStore
import Synchronization
import Testing

@testable import SafeguardServer

/// A server with a movable clock, fast scrypt parameters, no failure delays and three users
/// (officer, analyst, admin), for the officers' route tests.
final class OfficerFixture: Sendable {
    static let password = "correct horse battery staple"

    let base: ServerFixture
    let services: ServerServices
    let clock: TestClock

    init(now: Date = Date(timeIntervalSince1970: 1_796_000_000)) throws {
        var base = try ServerFixture()
        base.configuration.officers.scryptCost = 1 << 10
        base.configuration.officers.failureDelayMilliseconds = 0
        base.configuration.limits.failedReceiptDelayMilliseconds = 0
        self.base = base
        let clock = TestClock(now)
        self.clock = clock
        self.services = try ServerServices(configuration: base.configuration, store: base.store, now: { clock.now })
        let hasher = PasswordHasher(configuration: base.configuration.officers)
        for (name, role) in [("olivia", OfficerRole.officer), ("andy", .analyst), ("ada", .admin)] {
            try base.store.addOfficerUser(
                username: name, displayName: name.capitalized, role: role, authorityID: "local",
                passwordHash: try hasher.hash(Self.password), at: "2026-12-06T10:00Z")
        }
    }

    func advance(seconds: TimeInterval) {
        self.clock.advance(seconds: seconds)
    }

    /// Stores a report as the web form would, returning its receipt code and reference.
    func submitReport(text: String = "Three men kept going to room 12 with a girl who looked about 14.", dangerNow: Bool = false)
        async throws -> (code: ReceiptCode, reference: String)
    {
        let draft = IntakeService.Draft(
            role: .hotelStaff, roleLabel: "Hotel or B&B staff", seen: "", text: text, signs: [],
            place: PlaceReference(premises: "Station Hotel", postcode: "CV1 2AB"), taxiFirm: nil, when: nil,
            apparentAge: "13-15", dangerNow: dangerNow, contact: nil)
        let receipt = try await self.services.intake.submit(draft, channel: "web")
        return (receipt.code, receipt.reference)
    }
}

/// A clock the test moves by hand.
final class TestClock: Sendable {
    private let value: Mutex<Date>
    init(_ start: Date) { self.value = Mutex(start) }
    var now: Date { self.value.withLock { $0 } }
    func advance(seconds: TimeInterval) { self.value.withLock { $0 = $0.addingTimeInterval(seconds) } }
}

/// Cookies and the CSRF token a browser would hold.
struct Browser {
    var cookies: [String: String] = [:]
    var token = ""

    var cookieHeader: String { self.cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ") }

    mutating func remember(_ response: TestResponse) {
        for value in response.headers[values: .setCookie] {
            let pair = value.split(separator: ";")[0].split(separator: "=", maxSplits: 1).map(String.init)
            if pair.count == 2 { self.cookies[pair[0]] = pair[1] }
        }
        let body = String(buffer: response.body)
        if let range = body.range(of: "name=\"csrf\" value=\"") {
            self.token = String(body[range.upperBound...].prefix { $0 != "\"" })
        }
    }

    func headers(form: Bool = false) -> HTTPFields {
        var headers: HTTPFields = [:]
        if !self.cookies.isEmpty { headers[.cookie] = self.cookieHeader }
        if form { headers[.contentType] = "application/x-www-form-urlencoded" }
        return headers
    }

    static func encode(_ fields: [(String, String)]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return fields.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }
            .joined(separator: "&")
    }

    /// GETs `uri`, keeping cookies and the page's CSRF token.
    mutating func get(_ client: some TestClientProtocol, _ uri: String) async throws -> TestResponse {
        let response = try await client.execute(uri: uri, method: .get, headers: self.headers())
        self.remember(response)
        return response
    }

    /// POSTs a form to `uri` with the current CSRF token (unless `csrf` is false).
    mutating func post(
        _ client: some TestClientProtocol, _ uri: String, _ fields: [(String, String)], csrf: Bool = true
    ) async throws -> TestResponse {
        let all = csrf ? fields + [("csrf", self.token)] : fields
        let response = try await client.execute(
            uri: uri, method: .post, headers: self.headers(form: true), body: ByteBuffer(string: Self.encode(all)))
        self.remember(response)
        return response
    }

    /// Signs in as `username` and returns the sign-in response.
    @discardableResult
    mutating func signIn(_ client: some TestClientProtocol, _ username: String, password: String = OfficerFixture.password)
        async throws -> TestResponse
    {
        _ = try await self.get(client, "/officer/sign-in")
        return try await self.post(client, "/officer/sign-in", [("username", username), ("password", password)])
    }
}
