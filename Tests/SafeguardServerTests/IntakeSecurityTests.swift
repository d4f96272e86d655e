import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import SafeguardStore
import Synchronization
import Testing

@testable import SafeguardServer

/// Collects every log line (message and metadata) in memory.
final class CapturedLog: Sendable {
    let lines = Mutex<[String]>([])

    struct Handler: LogHandler {
        let log: CapturedLog
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { self.metadata[key] }
            set { self.metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let all = self.metadata.merging(event.metadata ?? [:]) { $1 }
            self.log.lines.withLock { $0.append("\(event.level) \(event.message) \(all)") }
        }
    }

    var logger: Logger {
        var logger = Logger(label: "test") { _ in Handler(log: self) }
        logger.logLevel = .trace
        return logger
    }
}

@Suite struct IntakeSecurityTests {
    @Test func noAddressOrUserAgentReachesTheDatabaseOrTheLogs() async throws {
        let fixture = try ServerFixture()
        let services = try fixture.services()
        let log = CapturedLog()
        let app = buildApplication(services: services, logger: log.logger)
        let agent = "SafeguardProbeAgent/9.9"
        let forwarded = "203.0.113.77"
        // Given real requests over loopback, with a user agent and a forwarded address
        try await app.test(.live) { client in
            var session = FormSession()
            let extra: HTTPFields = [.userAgent: agent, HTTPField.Name("X-Forwarded-For")!: forwarded]
            _ = try await client.execute(uri: "/report", method: .get, headers: extra) { response in
                session.absorb(response)
            }
            let response = try await session.post(client, "/report", reportFields(), extraHeaders: extra)
            #expect(response.status == .ok)
            let code = try #require(FormSession.receiptCode(in: String(buffer: response.body)))
            #expect(try await session.post(client, "/receipt", [("code", code)], extraHeaders: extra).status == .ok)
        }
        // Then neither the database files nor the log hold the address or the agent
        #expect(try fixture.store.intakeReportCount() == 1)
        let bytes = try fixture.databaseBytes()
        for needle in ["127.0.0.1", forwarded, agent, "::1"] {
            #expect(bytes.range(of: Data(needle.utf8)) == nil, "\(needle) found in the database")
        }
        let lines = log.lines.withLock { $0 }
        #expect(!lines.isEmpty)  // the server did log (start-up), so the check below means something
        for line in lines {
            #expect(!line.contains(agent))
            #expect(!line.contains(forwarded))
        }
    }

    @Test func storedTextAndContactAreUnreadableWithoutTheKey() async throws {
        let fixture = try ServerFixture()
        let services = try fixture.services()
        let app = buildApplication(services: services)
        let phrase = "the zebra-striped umbrella stand by the fire exit"
        let email = "quiet.witness.4471@example.org"
        try await app.test(.router) { client in
            var session = FormSession()
            _ = try await session.get(client, "/report")
            let response = try await session.post(
                client, "/report",
                reportFields([("text", "Men waited by \(phrase) every night."), ("contact_email", email),
                    ("contact_name", "Ann Example")]))
            #expect(response.status == .ok)
        }
        // The database files do not hold the text or the contact details
        let bytes = try fixture.databaseBytes()
        for needle in [phrase, "zebra-striped", email, "Ann Example"] {
            #expect(bytes.range(of: Data(needle.utf8)) == nil, "\(needle) readable in the database")
        }
        // With the key, an officer reads them back
        let reference = try #require(try fixture.store.intakeReports().first?.reference)
        let view = try #require(try services.intake.officerView(reference: reference))
        #expect(view.text.contains(phrase))
        #expect(view.contactEmail == email)
        // Another key cannot open them
        let other = IntakeKeys(master: Array(repeating: 7, count: 32))
        let report = try #require(try fixture.store.intakeReport(reference: reference))
        #expect(throws: (any Error).self) { try other.open(report.sealed, context: reference) }
    }

    @Test func aLostOrWrongKeyIsAClearError() async throws {
        let fixture = try ServerFixture()
        let services = try fixture.services()
        _ = try await services.intake.submit(
            IntakeService.Draft(
                role: .public, roleLabel: "public", seen: "", text: "Something worrying.", signs: [], place: .init(),
                taxiFirm: nil, when: nil, apparentAge: nil, dangerNow: false, contact: nil),
            channel: "web")
        // The key file is created 0600
        let attributes = try FileManager.default.attributesOfItem(atPath: fixture.configuration.intakeKeyFile)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        // Lost: refused, not silently replaced
        let original = try Data(contentsOf: URL(fileURLWithPath: fixture.configuration.intakeKeyFile))
        try FileManager.default.removeItem(atPath: fixture.configuration.intakeKeyFile)
        do {
            _ = try fixture.services()
            Issue.record("a lost key was accepted")
        } catch let error as ServerError {
            #expect(error.code == "server.key.lost")
            #expect(error.message.contains(fixture.configuration.intakeKeyFile))
        }
        #expect(!FileManager.default.fileExists(atPath: fixture.configuration.intakeKeyFile))
        // Wrong: refused
        _ = try SecretKeyFile.create(path: fixture.configuration.intakeKeyFile)
        do {
            _ = try fixture.services()
            Issue.record("a wrong key was accepted")
        } catch let error as ServerError {
            #expect(error.code == "server.key.wrong")
        }
        // Restored: accepted
        try FileManager.default.removeItem(atPath: fixture.configuration.intakeKeyFile)
        try original.write(to: URL(fileURLWithPath: fixture.configuration.intakeKeyFile))
        _ = try fixture.services()
    }
}
