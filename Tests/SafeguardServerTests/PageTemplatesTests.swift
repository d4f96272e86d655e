import Foundation
import Hummingbird
import HummingbirdTesting
import SafeguardCore
import SafeguardStore
import Testing

@testable import SafeguardServer

/// The page templates (`Sources/SafeguardServer/Templates/*.mustache`): they load, they escape
/// what goes in as `HTML.escape` does, and a broken one is reported with its file and line.
@Suite struct PageTemplatesTests {
    @Test func theBundledTemplatesLoadAndTheLayoutWrapsAPage() throws {
        let templates = try PageTemplates.shared.get()
        for name in ["layout", "officer-nav", "hotels", "links", "report-taxi", "report", "inbox", "premises", "premises-search", "premises-search-form", "hotel-section", "facts", "drivers", "driver", "sign-in", "not-allowed", "screen-form", "screen-result"] {
            #expect(templates.library.getTemplate(named: name) != nil, "\(name).mustache")
        }
        let page = HTMLPage(title: "Inbox <1> & \"2\"", body: "<h1>Inbox</h1>", authorityName: "Test City's Council").html
        #expect(page.hasPrefix("<!doctype html>\n<html lang=\"en-GB\">"), "the template's comment leaves no blank line")
        #expect(page.hasSuffix("</html>"))
        #expect(page.contains("<title>Inbox &lt;1&gt; &amp; &quot;2&quot; – Test City&#39;s Council</title>"))
        #expect(page.contains("<main id=\"main\">\n<h1>Inbox</h1>\n</main>"), "the body is the page's own HTML, unescaped")
        #expect(!page.contains("<script"))
    }

    @Test func valuesAreEscapedExactlyAsHTMLEscapeDoes() throws {
        let hostile = "<script>alert('x')</script> & \"Inn\""
        let rendered = try PageTemplates.shared.get().render(
            "officer-nav", ["displayName": hostile, "role": "officer", "csrf": "a\"b"])
        #expect(rendered.contains("Signed in as \(HTML.escape(hostile)) (officer)"))
        #expect(rendered.contains("value=\"a&quot;b\""))
        #expect(!rendered.contains("<script>"))
    }

    @Test func premisesPagesEscapeWhatReportersTyped() async throws {
        let fixture = try OfficerFixture()
        let draft = IntakeService.Draft(
            role: .hotelStaff, roleLabel: "Hotel or B&B staff", seen: "", text: "Girls taken up to rooms by older men.",
            signs: [], place: PlaceReference(premises: "<b>Badger</b> & \"Inn\"", postcode: "CV2 3CD"), taxiFirm: nil,
            when: nil, apparentAge: nil, dangerNow: false, contact: nil)
        let receipt = try await fixture.services.intake.submit(draft, channel: "web")
        let premises = try #require(try fixture.base.store.searchPremises("badger").first)
        let app = buildApplication(services: fixture.services)
        try await app.test(.router) { client in
            var browser = Browser()
            try await browser.signIn(client, "olivia")
            let search = String(buffer: try await browser.get(client, "/officer/premises?q=badger+%3Cb%3E").body)
            #expect(search.contains("value=\"badger &lt;b&gt;\""))
            #expect(search.contains("<a href=\"/officer/premises/\(premises.id)\">&lt;b&gt;Badger&lt;/b&gt; &amp; &quot;Inn&quot;</a>"))
            #expect(!search.contains("<b>Badger"))
            let page = String(buffer: try await browser.get(client, "/officer/premises/\(premises.id)").body)
            #expect(page.contains("<h1>&lt;b&gt;Badger&lt;/b&gt; &amp; &quot;Inn&quot;</h1>"))
            #expect(page.contains("not a hotel in the food-hygiene register"))
            #expect(page.contains("<a href=\"/officer/reports/\(receipt.reference)\">\(receipt.reference)</a>"))
            #expect(!page.contains("<b>Badger"))
        }
    }

    @Test func aReportsTextKeepsItsLinesAndIsEscaped() async throws {
        let fixture = try OfficerFixture()
        let (_, reference) = try await fixture.submitReport(text: "Two men & a girl <about 14>\nroom 12, \"every Friday\"", dangerNow: true)
        let app = buildApplication(services: fixture.services)
        try await app.test(.router) { client in
            var browser = Browser()
            try await browser.signIn(client, "olivia")
            let page = String(buffer: try await browser.get(client, "/officer/reports/\(reference)").body)
            #expect(page.contains("<p>Two men &amp; a girl &lt;about 14&gt;<br>room 12, &quot;every Friday&quot;</p>"))
            #expect(page.contains("role=\"alert\""), "the danger-now alert")
            #expect(page.contains("<option value=\"received\" selected>received</option>"))
            let inbox = String(buffer: try await browser.get(client, "/officer").body)
            #expect(inbox.contains("1 open report say a child is in danger now."))
            #expect(inbox.contains("<strong class=\"error\">danger now</strong> · "))
        }
    }

    @Test func theSignInPageSaysWhatWentWrongAndKeepsTheNameEscaped() async throws {
        let fixture = try OfficerFixture()
        let app = buildApplication(services: fixture.services)
        try await app.test(.router) { client in
            var browser = Browser()
            let wrong = try await browser.signIn(client, "<olivia>", password: "not the password at all")
            #expect(wrong.status == .unauthorized)
            let page = String(buffer: wrong.body)
            #expect(page.contains("<p class=\"error\">The name or password is not right.</p>"))
            #expect(page.contains("value=\"&lt;olivia&gt;\""))
            try await browser.signIn(client, "andy")
            let refused = try await browser.get(client, "/officer/export.csv")
            #expect(refused.status == .forbidden)
            #expect(String(buffer: refused.body).contains("Your role (analyst) may not open reports."))
        }
    }

    @Test func aBrokenTemplateIsReportedWithItsFileAndLine() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("safeguard-templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try "<p>fine</p>\n<p>{{#open}}never closed</p>\n".write(
            to: directory.appendingPathComponent("broken.mustache"), atomically: true, encoding: .utf8)
        #expect {
            _ = try PageTemplates(directory: directory)
        } throws: { error in
            let message = (error as? PageTemplateError)?.message ?? ""
            return message.contains("broken.mustache") && message.contains("line ")
        }
        let empty = directory.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        #expect(throws: PageTemplateError.self) { _ = try PageTemplates(directory: empty) }
    }
}
