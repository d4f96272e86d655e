import Foundation
import Hummingbird
import HummingbirdTesting
import SafeguardStore
import SafeguardStorePostgres
import Testing

@testable import SafeguardServer

/// The intake served over the PostgreSQL store (issue 14), on a loopback port as `safeguard serve`
/// runs it. Skipped unless `SAFEGUARD_TEST_POSTGRES_URL` names a superuser on a throwaway cluster
/// (`. .ci/postgres`).
@Suite(.enabled(if: PostgresTestCluster.adminURL != nil, "set SAFEGUARD_TEST_POSTGRES_URL (e.g. `. .ci/postgres`) to run the PostgreSQL half"))
struct PostgresIntakeRoutesTests {
    /// A fresh database migrated as the superuser, opened as the non-owner application role.
    static func store(authority: String) throws -> PostgresStore {
        let admin = try #require(PostgresTestCluster.adminURL)
        let name = "safeguard_server_" + UUID().uuidString.prefix(12).lowercased().replacingOccurrences(of: "-", with: "")
        try PostgresMigrator.execute(url: admin, sql: "CREATE DATABASE \(name)")
        var components = try #require(URLComponents(string: admin))
        components.path = "/" + name
        components.query = nil
        _ = try PostgresMigrator.migrate(url: try #require(components.string), appRole: "safeguard_app")
        components.user = "safeguard_app"
        components.password = nil
        components.queryItems = [URLQueryItem(name: "authority", value: authority)]
        return try PostgresStore(url: try #require(components.string))
    }

    @Test func aReportSentOnPostgreSQLOpensOnItsReceiptPageWithTheOfficersReply() async throws {
        // Given the server over a PostgreSQL store (keys and rules from the usual fixture),
        let fixture = try ServerFixture()
        let store = try Self.store(authority: "coventry")
        let services = try ServerServices(configuration: fixture.configuration, store: store)
        let app = buildApplication(services: services)
        try await app.test(.live) { client in
            // when a report is sent through the form and an officer replies,
            var session = FormSession()
            let code = try await ReceiptRoutesTests.submit(client, &session)
            let reference = try #require(try store.intakeReports().first?.reference)
            try services.intake.reply(reference: reference, officer: "PC Example", text: "We visited on Tuesday.")
            // then the receipt code opens it with the reply,
            let opened = try await session.post(client, "/receipt", [("code", code)])
            #expect(opened.status == .ok)
            let body = String(buffer: opened.body)
            #expect(body.contains("Read by an officer"))
            #expect(body.contains("We visited on Tuesday."))
            // and the officers' pages are served too (sign-in first).
            let officers = try await client.execute(uri: "/officer", method: .get)
            #expect(officers.status == .seeOther)
            #expect(officers.headers[.location] == "/officer/sign-in")
        }
        // The report row holds no text (it is sealed in the intake row), and the audit has both steps.
        #expect(try store.rawRows("SELECT text, seen FROM report") == [["", ""]])
        #expect(try store.intakeAudit().map(\.action) == ["submitted", "replied"])
        #expect(try store.intakeKeyFingerprint() == services.intake.keys.fingerprint)
    }
}

/// The throwaway cluster the PostgreSQL half runs on (`. .ci/postgres` exports its superuser URL).
enum PostgresTestCluster {
    static let adminURL = ProcessInfo.processInfo.environment["SAFEGUARD_TEST_POSTGRES_URL"]
}
