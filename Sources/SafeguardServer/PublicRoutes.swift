import Hummingbird

/// The public, anonymous side: the start page, the report form and the receipt pages.
/// No sign-in, no JavaScript, nothing about the reporter's connection kept.
struct PublicRoutes {
    let services: ServerServices

    func register(on router: Router<ServerRequestContext>) {
        router.get("/") { _, _ in self.startPage() }
    }

    /// The start page: what the service is for, 999 first, then the way in.
    func startPage() -> HTMLPage {
        let phones = self.services.configuration.phoneNumbers
        return self.services.page(
            "Report a concern about a child",
            """
            <h1>Report a concern about a child</h1>
            <p class="danger">If a child is in danger right now, call <strong>\(HTML.escape(phones.emergency))</strong>.</p>
            <p>Use this form to tell \(HTML.escape(self.services.configuration.authorityName)) about something you have seen at a hotel, bar, club, takeaway or in a taxi that worries you. You do not have to give your name.</p>
            <p>After you send it you get a receipt code. Keep it: with it you can come back, read our replies and add more.</p>
            <p><a class="button" href="/report">Start a report</a></p>
            <p><a href="/receipt">I already have a receipt code</a></p>
            <p>For other police matters call \(HTML.escape(phones.policeNonEmergency)).</p>
            """)
    }
}
