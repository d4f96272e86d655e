import Foundation
import Hummingbird
import HummingbirdTesting
import SafeguardStore
import Testing

@testable import SafeguardServer

@Suite struct OfficerRoutesTests {
    @Test func officerPagesRefuseAnonymousUsers() async throws {
        let fixture = try OfficerFixture()
        let (_, reference) = try await fixture.submitReport()
        let app = buildApplication(services: fixture.services)
        try await app.test(.router) { client in
            for uri in ["/officer", "/officer/export.csv", "/officer/reports/\(reference)"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .seeOther, "\(uri)")
                    #expect(response.headers[.location] == "/officer/sign-in")
                    #expect(!String(buffer: response.body).contains("room 12"))
                }
            }
            var browser = Browser()
            _ = try await browser.get(client, "/officer/sign-in")
            let post = try await browser.post(client, "/officer/reports/\(reference)/reply", [("text", "hello")])
            #expect(post.status == .seeOther)
            #expect(try fixture.base.store.intakeReport(reference: reference)?.messages.isEmpty == true)
        }
    }

    @Test func analystMayNotOpenOrExportReports() async throws {
        let fixture = try OfficerFixture()
        let (_, reference) = try await fixture.submitReport()
        let app = buildApplication(services: fixture.services)
        try await app.test(.router) { client in
            var browser = Browser()
            let signIn = try await browser.signIn(client, "andy")
            #expect(signIn.status == .seeOther)
            let inbox = try await browser.get(client, "/officer")
            #expect(inbox.status == .ok)
            #expect(String(buffer: inbox.body).contains(reference))
            let detail = try await browser.get(client, "/officer/reports/\(reference)")
            #expect(detail.status == .forbidden)
            #expect(!String(buffer: detail.body).contains("room 12"))
            let export = try await browser.get(client, "/officer/export.csv")
            #expect(export.status == .forbidden)
            let reply = try await browser.post(client, "/officer/reports/\(reference)/reply", [("text", "hello")])
            #expect(reply.status == .forbidden)
        }
        #expect(try fixture.base.store.officerAudit().contains { $0.action == "viewed" } == false)
    }

    @Test func eachReportViewAddsAnAuditEntry() async throws {
        let fixture = try OfficerFixture()
        let (_, reference) = try await fixture.submitReport()
        let app = buildApplication(services: fixture.services)
        try await app.test(.router) { client in
            var browser = Browser()
            try await browser.signIn(client, "olivia")
            for _ in 0..<2 {
                let detail = try await browser.get(client, "/officer/reports/\(reference)")
                #expect(detail.status == .ok)
                #expect(String(buffer: detail.body).contains("Three men kept going to room 12"))
            }
            let export = try await browser.get(client, "/officer/export.csv")
            #expect(export.status == .ok)
            #expect(String(buffer: export.body).contains(reference))
        }
        let audit = try fixture.base.store.officerAudit()
        #expect(audit.filter { $0.action == "viewed" && $0.subject == reference && $0.actor == "olivia" }.count == 2)
        #expect(audit.contains { $0.action == "exported" && $0.actor == "olivia" })
    }

    @Test func replyShowsOnTheReportersReceiptPage() async throws {
        let fixture = try OfficerFixture()
        let (code, reference) = try await fixture.submitReport()
        let app = buildApplication(services: fixture.services)
        try await app.test(.router) { client in
            var officer = Browser()
            try await officer.signIn(client, "olivia")
            _ = try await officer.get(client, "/officer/reports/\(reference)")
            let reply = try await officer.post(
                client, "/officer/reports/\(reference)/reply", [("text", "Thank you <b>we</b> are visiting the hotel.")])
            #expect(reply.status == .seeOther)
            let status = try await officer.post(client, "/officer/reports/\(reference)/status", [("status", "in-progress")])
            #expect(status.status == .seeOther)
            let allocate = try await officer.post(client, "/officer/reports/\(reference)/allocate", [("officer", "olivia")])
            #expect(allocate.status == .seeOther)

            var reporter = Browser()
            _ = try await reporter.get(client, "/receipt")
            let page = try await reporter.post(client, "/receipt", [("code", code.grouped)])
            #expect(page.status == .ok)
            let body = String(buffer: page.body)
            #expect(body.contains("Thank you &lt;b&gt;we&lt;/b&gt; are visiting the hotel."))
        }
        let stored = try #require(try fixture.base.store.intakeReport(reference: reference))
        #expect(stored.status == .inProgress)
        #expect(try fixture.base.store.reportAllocations()[reference] == "olivia")
        let actions = try fixture.base.store.officerAudit().filter { $0.subject == reference }.map(\.action)
        #expect(actions.contains("replied") && actions.contains("status") && actions.contains("allocated"))
    }

    @Test func everyOfficerFormRefusesAMissingOrWrongCSRFToken() async throws {
        let fixture = try OfficerFixture()
        let (_, reference) = try await fixture.submitReport()
        let app = buildApplication(services: fixture.services)
        try await app.test(.router) { client in
            var browser = Browser()
            _ = try await browser.get(client, "/officer/sign-in")
            let noToken = try await browser.post(
                client, "/officer/sign-in", [("username", "olivia"), ("password", OfficerFixture.password)], csrf: false)
            #expect(noToken.status == .forbidden)
            try await browser.signIn(client, "olivia")
            for (action, field) in [("reply", ("text", "x")), ("status", ("status", "closed")), ("allocate", ("officer", "olivia"))] {
                let missing = try await browser.post(client, "/officer/reports/\(reference)/\(action)", [field], csrf: false)
                #expect(missing.status == .forbidden, "\(action)")
                let wrong = try await browser.post(
                    client, "/officer/reports/\(reference)/\(action)", [field, ("csrf", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")],
                    csrf: false)
                #expect(wrong.status == .forbidden, "\(action)")
            }
            let signOut = try await browser.post(client, "/officer/sign-out", [], csrf: false)
            #expect(signOut.status == .forbidden)
        }
        let stored = try #require(try fixture.base.store.intakeReport(reference: reference))
        #expect(stored.messages.isEmpty && stored.status == .received)
    }

    @Test func sessionsEndAfterIdleAndAbsoluteTimeOuts() async throws {
        let fixture = try OfficerFixture()
        let idle = TimeInterval(fixture.base.configuration.officers.idleTimeoutSeconds)
        let app = buildApplication(services: fixture.services)
        try await app.test(.router) { client in
            var browser = Browser()
            try await browser.signIn(client, "olivia")
            let r1 = try await browser.get(client, "/officer")
            #expect(r1.status == .ok)
            fixture.advance(seconds: idle + 1)
            let r2 = try await browser.get(client, "/officer")
            #expect(r2.status == .seeOther)

            // Busy all day: each request within the idle time-out, still ended at the absolute one.
            try await browser.signIn(client, "olivia")
            let absolute = TimeInterval(fixture.base.configuration.officers.absoluteTimeoutSeconds)
            var elapsed: TimeInterval = 0
            while elapsed + idle / 2 <= absolute {
                fixture.advance(seconds: idle / 2)
                elapsed += idle / 2
                let r3 = try await browser.get(client, "/officer")
                #expect(r3.status == .ok)
            }
            fixture.advance(seconds: idle / 2)
            let r4 = try await browser.get(client, "/officer")
            #expect(r4.status == .seeOther)
        }
    }

    @Test func signOutEndsTheSessionAndCookiesAreLockedDown() async throws {
        let fixture = try OfficerFixture()
        let app = buildApplication(services: fixture.services)
        try await app.test(.router) { client in
            var browser = Browser()
            let signIn = try await browser.signIn(client, "olivia")
            let cookie = try #require(signIn.headers[values: .setCookie].first { $0.hasPrefix("sg_officer=") })
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"))
            let stolen = try #require(browser.cookies["sg_officer"])
            _ = try await browser.get(client, "/officer")
            // Only the hash of the session id is stored: the id itself is in no database file.
            #expect(try fixture.base.store.officerSession(idHash: OfficerSessions.hash(stolen)) != nil)
            for suffix in ["", "-wal"] {
                let url = fixture.base.directory.appendingPathComponent("test.sqlite" + suffix)
                let bytes = (try? Data(contentsOf: url)) ?? Data()
                #expect(bytes.range(of: Data(stolen.utf8)) == nil)
            }
            let r5 = try await browser.post(client, "/officer/sign-out", [])
            #expect(r5.status == .seeOther)
            var replay = Browser()
            replay.cookies["sg_officer"] = stolen
            let r6 = try await replay.get(client, "/officer")
            #expect(r6.status == .seeOther)
        }
    }

    @Test func repeatedFailuresLockTheAccount() async throws {
        let fixture = try OfficerFixture()
        let limit = fixture.base.configuration.officers.lockAfterFailures
        let app = buildApplication(services: fixture.services)
        try await app.test(.router) { client in
            var browser = Browser()
            for attempt in 1...limit {
                let response = try await browser.signIn(client, "olivia", password: "wrong password \(attempt)")
                #expect(response.status == (attempt < limit ? .unauthorized : .tooManyRequests))
            }
            let locked = try await browser.signIn(client, "olivia")
            #expect(locked.status == .tooManyRequests)
            #expect(locked.headers[values: .setCookie].allSatisfy { !$0.hasPrefix("sg_officer=") })
            fixture.advance(seconds: TimeInterval(fixture.base.configuration.officers.lockSeconds + 1))
            let r7 = try await browser.signIn(client, "olivia")
            #expect(r7.status == .seeOther)
        }
        #expect(try fixture.base.store.officerAudit().contains { $0.action == "locked-out" && $0.subject == "olivia" })
    }
}

@Suite struct OfficerSecondFactorTests {
    @Test func aRequiredSecondFactorIsAskedForAndChecked() async throws {
        let fixture = try OfficerFixture()
        let totp = TOTP(secret: TOTP.randomSecret())
        try fixture.base.store.setOfficerTOTP(username: "olivia", secret: nil, required: true, at: "2026-12-06T10:00Z")
        let app = buildApplication(services: fixture.services)
        try await app.test(.router) { client in
            var browser = Browser()
            // Required but not set up: refused even with the right password.
            let r8 = try await browser.signIn(client, "olivia")
            #expect(r8.status == .forbidden)
            try fixture.base.store.setOfficerTOTP(
                username: "olivia", secret: totp.base32Secret, required: true, at: "2026-12-06T10:00Z")
            let r9 = try await browser.signIn(client, "olivia")
            #expect(r9.status == .unauthorized)
            _ = try await browser.get(client, "/officer/sign-in")
            let wrong = try await browser.post(
                client, "/officer/sign-in",
                [("username", "olivia"), ("password", OfficerFixture.password), ("code", "000000")])
            #expect(wrong.status == .unauthorized || totp.code(at: fixture.clock.now) == "000000")
            let right = try await browser.post(
                client, "/officer/sign-in",
                [("username", "olivia"), ("password", OfficerFixture.password), ("code", totp.code(at: fixture.clock.now))])
            #expect(right.status == .seeOther)
        }
    }
}
