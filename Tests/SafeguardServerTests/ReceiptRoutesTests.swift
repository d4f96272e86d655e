import Foundation
import Hummingbird
import HummingbirdTesting
import SafeguardStore
import Testing

@testable import SafeguardServer

@Suite struct ReceiptRoutesTests {
    /// Submits a valid report through the form; returns the receipt code shown.
    static func submit(_ client: some TestClientProtocol, _ session: inout FormSession, _ overrides: [(String, String)] = [])
        async throws -> String
    {
        _ = try await session.get(client, "/report")
        let response = try await session.post(client, "/report", reportFields(overrides))
        #expect(response.status == .ok)
        return try #require(FormSession.receiptCode(in: String(buffer: response.body)))
    }

    @Test func receiptPageShowsAnOfficersReplyAndTakesMoreInformation() async throws {
        let fixture = try ServerFixture()
        let services = try fixture.services()
        let app = buildApplication(services: services)
        try await app.test(.router) { client in
            var session = FormSession()
            let code = try await Self.submit(client, &session)
            // Given an officer's reply (with markup, which must come back as text)
            let reference = try #require(try fixture.store.intakeReports().first?.reference)
            try services.intake.reply(
                reference: reference, officer: "PC Example", text: "Thank you. We visited on <b>Tuesday</b>.")
            // When the reporter opens the report with the code, typed loosely
            let loose = code.lowercased().replacingOccurrences(of: "-", with: " ")
            let opened = try await session.post(client, "/receipt", [("code", loose)])
            // Then the status and the reply are shown, escaped
            #expect(opened.status == .ok)
            let body = String(buffer: opened.body)
            #expect(body.contains("Read by an officer"))
            #expect(body.contains("Thank you. We visited on &lt;b&gt;Tuesday&lt;/b&gt;."))
            // And information added is kept and shown
            let added = try await session.post(
                client, "/receipt/add", [("code", code), ("text", "The men came back on Friday in a grey van.")])
            #expect(added.status == .ok)
            #expect(String(buffer: added.body).contains("The men came back on Friday in a grey van."))
        }
        let audit = try fixture.store.intakeAudit().map(\.action)
        #expect(audit == ["submitted", "replied", "added-information"])
    }

    @Test func badCodesAreToldApartAndABurstOfGuessesIsRefused() async throws {
        var fixture = try ServerFixture()
        fixture.configuration.limits.receiptGuessesPerClientPerHour = 3
        let app = try buildApplication(configuration: fixture.configuration, store: fixture.store)
        try await app.test(.router) { client in
            var session = FormSession()
            let code = try await Self.submit(client, &session)
            // Not a code at all
            #expect(try await session.post(client, "/receipt", [("code", "hello")]).status == .badRequest)
            // One character mistyped: told it is a typing mistake, not that no report exists
            var characters = Array(code.replacingOccurrences(of: "-", with: ""))
            characters[3] = characters[3] == "7" ? "8" : "7"
            let mistyped = try await session.post(client, "/receipt", [("code", String(characters))])
            #expect(mistyped.status == .badRequest)
            #expect(String(buffer: mistyped.body).contains("typing mistake"))
            // Well-formed codes that open nothing: 404, and after the limit 429 even for the right code
            for _ in 0..<3 {
                let guess = ReceiptCode.random().grouped
                #expect(try await session.post(client, "/receipt", [("code", guess)]).status == .notFound)
            }
            let refused = try await session.post(client, "/receipt", [("code", ReceiptCode.random().grouped)])
            #expect(refused.status == .tooManyRequests)
            #expect(refused.headers[.retryAfter] != nil)
            #expect(try await session.post(client, "/receipt", [("code", code)]).status == .tooManyRequests)
        }
    }

    @Test func retentionDeletesForGoodAndKeepsTheAudit() async throws {
        let fixture = try ServerFixture()
        let start = Date(timeIntervalSince1970: 1_796_000_000)
        let services = try fixture.services(now: { start })
        let app = buildApplication(services: services)
        let code = try await app.test(.router) { client in
            var session = FormSession()
            return try await Self.submit(
                client, &session, [("text", "The lilac-doored annexe had a queue of men at 3am.")])
        }
        // When the retention period has passed
        let later = start.addingTimeInterval(Double(fixture.configuration.limits.retentionDays + 1) * 86_400)
        let afterwards = try fixture.services(now: { later })
        let deleted = try afterwards.intake.deleteExpired()
        // Then the report, its shared report row and evidence are gone, and the text with them
        #expect(deleted.count == 1)
        #expect(try fixture.store.intakeReportCount() == 0)
        let counts = try fixture.store.tableCounts()
        #expect(counts["report"] == 0)
        #expect(counts["evidence"] == 0)
        guard case .valid(let parsed) = ReceiptCode.parse(code) else {
            Issue.record("bad code")
            return
        }
        #expect(try afterwards.intake.report(code: parsed) == nil)
        // And the audit still shows it was received and deleted
        let audit = try fixture.store.intakeAudit()
        #expect(audit.map(\.action) == ["submitted", "deleted-retention"])
        #expect(audit.last?.reference == deleted.first)
    }
}
