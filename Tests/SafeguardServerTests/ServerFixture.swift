import Foundation
import Hummingbird
import HummingbirdTesting
import SafeguardStore

@testable import SafeguardServer

/// A fresh database, key files and rules for one test, in a temporary directory.
struct ServerFixture {
    let directory: URL
    let store: SQLiteStore
    var configuration: ServerConfiguration

    init() throws {
        self.directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("safeguard-server-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: self.directory, withIntermediateDirectories: true)
        self.store = try SQLiteStore(path: self.directory.appendingPathComponent("test.sqlite").path)
        var configuration = ServerConfiguration()
        configuration.port = 0
        configuration.authorityName = "Test City Council"
        configuration.intakeKeyFile = self.directory.appendingPathComponent("intake.key").path
        configuration.pseudonymKeyFile = self.directory.appendingPathComponent("pseudonym.key").path
        configuration.rulesDirectory = Self.rulesDirectory
        configuration.secureCookies = false
        configuration.limits.failedReceiptDelayMilliseconds = 1
        self.configuration = configuration
    }

    /// The repository's `rules/` directory (shipped with the code, not the shared data folder).
    static var rulesDirectory: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("rules").path
    }

    func services(now: @escaping @Sendable () -> Date = { Date() }) throws -> ServerServices {
        try ServerServices(configuration: self.configuration, store: self.store, now: now)
    }

    /// Every byte of the database files (main file and write-ahead log).
    func databaseBytes() throws -> Data {
        var data = Data()
        for suffix in ["", "-wal"] {
            let path = self.store.path + suffix
            if let bytes = FileManager.default.contents(atPath: path) { data.append(bytes) }
        }
        return data
    }
}

/// A browser-like session over a test client: keeps the CSRF cookie and the last form token.
struct FormSession {
    var cookie: String?
    var token: String?

    /// GETs `uri`, keeping the cookie it sets and the form token it shows.
    mutating func get(_ client: some TestClientProtocol, _ uri: String) async throws -> String {
        let response = try await client.execute(uri: uri, method: .get, headers: self.headers())
        self.absorb(response)
        return String(buffer: response.body)
    }

    /// POSTs `fields` (url-encoded) with the session's cookie and token (unless `csrf` overrides).
    mutating func post(
        _ client: some TestClientProtocol, _ uri: String, _ fields: [(String, String)], csrf: String? = nil,
        extraHeaders: HTTPFields = [:]
    ) async throws -> TestResponse {
        var all = fields
        if let token = csrf ?? self.token { all.append(("csrf", token)) }
        let body = all.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        var headers = self.headers()
        headers[.contentType] = "application/x-www-form-urlencoded"
        for field in extraHeaders { headers.append(field) }
        let response = try await client.execute(
            uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
        self.absorb(response)
        return response
    }

    func headers() -> HTTPFields {
        var headers: HTTPFields = [:]
        if let cookie { headers[.cookie] = cookie }
        return headers
    }

    mutating func absorb(_ response: TestResponse) {
        if let setCookie = response.headers[.setCookie] {
            self.cookie = String(setCookie.prefix { $0 != ";" })
        }
        let body = String(buffer: response.body)
        if let range = body.range(of: "name=\"csrf\" value=\"") {
            self.token = String(body[range.upperBound...].prefix { $0 != "\"" })
        }
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    /// The receipt code shown on a receipt page.
    static func receiptCode(in body: String) -> String? {
        guard let range = body.range(of: "<p class=\"receipt\"") else { return nil }
        let rest = body[range.upperBound...]
        guard let start = rest.firstIndex(of: ">") else { return nil }
        return String(rest[rest.index(after: start)...].prefix { $0 != "<" })
    }
}

/// A valid report form, with overrides.
func reportFields(_ overrides: [(String, String)] = []) -> [(String, String)] {
    var fields: [(String, String)] = [
        ("danger", "no"), ("role", "taxi-driver"), ("signs", "young-people"), ("signs", "night-traffic"),
        ("text", "Two girls who looked about 14 were taken up to room 12 by older men around midnight."),
        ("premises", "Canalside Budget Lodge"), ("postcode", "CV1 4AB"), ("date", "2026-11-30"), ("time", "23:30"),
        ("age", "13-15"),
    ]
    for (name, value) in overrides {
        fields.removeAll { $0.0 == name }
        fields.append((name, value))
    }
    return fields
}
