import Foundation
import Hummingbird
import HummingbirdTesting
import SafeguardStore
import Testing

@testable import SafeguardServer

@Suite struct PublicRoutesTests {
    @Test func startPageOffers999FirstWithSecurityHeaders() async throws {
        let fixture = try ServerFixture()
        let app = try buildApplication(configuration: fixture.configuration, store: fixture.store)
        try await app.test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                let body = String(buffer: response.body)
                #expect(body.contains("call <strong>999</strong>"))
                #expect(body.contains("href=\"/report\""))
                #expect(response.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
                #expect(response.headers[.cacheControl] == "no-store")
            }
            try await client.execute(uri: "/no-such-page", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentSecurityPolicy] != nil)
            }
        }
    }

    @Test func submitShowsTheReceiptAloneThenTheConfirmationWith999First() async throws {
        let fixture = try ServerFixture()
        let services = try fixture.services()
        let app = buildApplication(services: services)
        try await app.test(.router) { client in
            // Given the form, with its CSRF cookie and token
            var session = FormSession()
            let form = try await session.get(client, "/report")
            #expect(form.contains("<label for=\"premises\">"))
            #expect(session.cookie != nil && session.token != nil)
            // When a report saying a child is in danger now is sent
            let response = try await session.post(client, "/report", reportFields([("danger", "yes")]))
            // Then the receipt code is shown, after "call 999" and before anything else
            #expect(response.status == .ok)
            let body = String(buffer: response.body)
            let code = try #require(FormSession.receiptCode(in: body))
            guard case .valid = ReceiptCode.parse(code) else {
                Issue.record("not a valid receipt code: \(code)")
                return
            }
            let call = try #require(body.range(of: "Call 999 now"))
            let shown = try #require(body.range(of: code))
            #expect(call.lowerBound < shown.lowerBound)
            #expect(!body.contains("What happens next"))
            // And continuing without ticking "written down" keeps the code on screen
            let unticked = try await session.post(client, "/report/written", [("code", code)])
            #expect(unticked.status == .unprocessableContent)
            #expect(String(buffer: unticked.body).contains(code))
            // And once ticked, the confirmation says 999 first, then what happens next
            let confirmed = try await session.post(client, "/report/written", [("code", code), ("written", "yes")])
            #expect(confirmed.status == .ok)
            let confirmation = String(buffer: confirmed.body)
            let next = try #require(confirmation.range(of: "What happens next"))
            let danger = try #require(confirmation.range(of: "Call 999 now"))
            #expect(danger.lowerBound < next.lowerBound)
            // And the downloadable copy carries the code
            let copy = try await session.post(client, "/report/copy", [("code", code)])
            #expect(copy.headers[.contentDisposition]?.contains("attachment") == true)
            #expect(String(buffer: copy.body).contains(code))
        }
        // And the stored report is urgent, to the hour, linked and with evidence
        let stored = try fixture.store.intakeReports()
        #expect(stored.count == 1)
        let report = try #require(stored.first)
        #expect(report.band == "urgent")
        #expect(report.firedRules.contains("report-danger-now"))
        #expect(report.receivedHour.hasSuffix(":00Z"))
        let counts = try fixture.store.tableCounts()
        #expect(counts["report"] == 1)
        #expect((counts["evidence"] ?? 0) >= 2)
        #expect((counts["entity_link"] ?? 0) >= 1)
    }

    @Test func validationKeepsEverythingTypedAndEscapesIt() async throws {
        let fixture = try ServerFixture()
        let app = try buildApplication(configuration: fixture.configuration, store: fixture.store)
        try await app.test(.router) { client in
            var session = FormSession()
            _ = try await session.get(client, "/report")
            // Given a form with a script in the text and in a field, no danger answer, a bad postcode
            let xss = "<script>alert('x')</script>"
            let response = try await session.post(
                client, "/report",
                reportFields([("danger", ""), ("text", "Saw this: \(xss)"), ("premises", "\"><img src=x onerror=alert(1)>"),
                    ("postcode", "not a postcode")]))
            // Then the form comes back with messages beside the fields and every value escaped
            #expect(response.status == .unprocessableContent)
            let body = String(buffer: response.body)
            #expect(body.contains("id=\"danger-error\""))
            #expect(body.contains("id=\"postcode-error\""))
            #expect(!body.contains("<script>alert"))
            #expect(!body.contains("<img src=x"))
            #expect(body.contains("Saw this: &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
            #expect(body.contains("value=\"&quot;&gt;&lt;img src=x onerror=alert(1)&gt;\""))
            #expect(body.contains("value=\"not a postcode\""))
            #expect(body.contains("value=\"night-traffic\" checked"))
        }
        #expect(try fixture.store.intakeReportCount() == 0)
    }

    @Test func refusesMissingOrWrongCSRFAndOversizedBodies() async throws {
        var fixture = try ServerFixture()
        fixture.configuration.limits.maxBodyBytes = 4_096
        let app = try buildApplication(configuration: fixture.configuration, store: fixture.store)
        try await app.test(.router) { client in
            var session = FormSession()
            _ = try await session.get(client, "/report")
            // No token at all
            var missing = FormSession(cookie: session.cookie, token: nil)
            let noToken = try await missing.post(client, "/report", reportFields())
            #expect(noToken.status == .forbidden)
            // And the form comes back filled in
            #expect(String(buffer: noToken.body).contains("Canalside Budget Lodge"))
            // A token that does not match the cookie
            let wrong = try await session.post(client, "/report", reportFields(), csrf: "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
            #expect(wrong.status == .forbidden)
            // A token without its cookie
            var cookieless = FormSession(cookie: nil, token: session.token)
            #expect(try await cookieless.post(client, "/report", reportFields()).status == .forbidden)
            // A body over the limit
            let huge = try await session.post(client, "/report", reportFields([("text", String(repeating: "a", count: 10_000))]))
            #expect(huge.status == .contentTooLarge)
        }
        #expect(try fixture.store.intakeReportCount() == 0)
    }
}
