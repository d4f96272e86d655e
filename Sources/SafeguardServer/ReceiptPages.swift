import SafeguardCore
import SafeguardStore

/// The pages about a receipt: the code shown first and alone, the confirmation, the look-up
/// form and the status page with replies.
enum ReceiptPages {
    static func dangerBanner(_ phones: PhoneNumbers) -> String {
        "<div class=\"danger\" role=\"alert\"><p><strong>You said a child is in danger right now. Call \(HTML.escape(phones.emergency)) now.</strong></p><p>Your report has been saved, but we may not read it straight away. Police can act at once.</p></div>"
    }

    /// The receipt code, alone, with the printable copy and the "written down" step.
    static func receipt(
        code: ReceiptCode, dangerNow: Bool, token: String, problem: String?, phones: PhoneNumbers
    ) -> String {
        var out = dangerNow ? Self.dangerBanner(phones) : ""
        out += "<h1>Your receipt code</h1>"
        out += "<p>Write this code down now, or print this page. You need it to read our replies and to add more. We cannot show it again or find it for you.</p>"
        out += "<p class=\"receipt\" aria-label=\"Receipt code \(code.normalised.map(String.init).joined(separator: " "))\">\(HTML.escape(code.grouped))</p>"
        out += "<p class=\"hint\">Letters and numbers only: there is no letter O, I or L. Read it in groups of four.</p>"
        out += "<form method=\"post\" action=\"/report/copy\" class=\"no-print\">\(CSRFProtection.field(token))"
        out += "<input type=\"hidden\" name=\"code\" value=\"\(HTML.escape(code.normalised))\">"
        out += "<button type=\"submit\" class=\"button-secondary\">Save a copy of the code (text file)</button></form>"
        out += "<p class=\"no-print\">To print, use your browser's Print command.</p>"
        out += "<form method=\"post\" action=\"/report/written\" class=\"no-print\">\(CSRFProtection.field(token))"
        out += "<input type=\"hidden\" name=\"code\" value=\"\(HTML.escape(code.normalised))\">"
        out += "<div\(problem == nil ? "" : " class=\"has-error\"")>"
        if let problem { out += "<p class=\"error\" id=\"written-error\">\(HTML.escape(problem))</p>" }
        out += "<div class=\"choice\"><input type=\"checkbox\" id=\"written\" name=\"written\" value=\"yes\"\(problem == nil ? "" : " aria-describedby=\"written-error\" aria-invalid=\"true\"")>"
        out += "<label for=\"written\">I have written down or saved my receipt code</label></div></div>"
        out += "<button type=\"submit\">Continue</button></form>"
        return out
    }

    /// After the code is written down: 999 first when a child is in danger, then what happens next.
    static func confirmation(report: IntakeReport, phones: PhoneNumbers, authority: String) -> String {
        var out = report.dangerNow ? Self.dangerBanner(phones) : ""
        out += "<h1>Report sent</h1>"
        out += "<p class=\"status\">Thank you. \(HTML.escape(authority)) has your report.</p>"
        out += "<h2>What happens next</h2><ul>"
        out += "<li>An officer will read it by \(Self.time(report.acknowledgeBy)).</li>"
        out += "<li>We aim to reply by \(Self.time(report.feedbackBy)). Come back with your receipt code to read replies.</li>"
        out += "<li>We keep reports until \(HTML.escape(report.expires.description)), then delete them for good.</li></ul>"
        out += "<p><a href=\"/receipt\">Check a report with your receipt code</a></p>"
        out += "<p>For other police matters call \(HTML.escape(phones.policeNonEmergency)).</p>"
        return out
    }

    /// The look-up form.
    static func lookUp(token: String, code: String, problem: String?) -> String {
        var out = "<h1>Check your report</h1><form method=\"post\" action=\"/receipt\">\(CSRFProtection.field(token))"
        out += "<div\(problem == nil ? "" : " class=\"has-error\"")><label for=\"code\">Receipt code</label>"
        out += "<p class=\"hint\" id=\"code-hint\">20 letters and numbers, like 7KQ2-9XMD-3HTR-8WPA-C4NE.</p>"
        if let problem { out += "<p class=\"error\" id=\"code-error\">\(HTML.escape(problem))</p>" }
        let described = problem == nil ? "code-hint" : "code-hint code-error"
        out += "<input type=\"text\" id=\"code\" name=\"code\" value=\"\(HTML.escape(code))\" autocomplete=\"off\" autocapitalize=\"characters\" spellcheck=\"false\" aria-describedby=\"\(described)\"\(problem == nil ? "" : " aria-invalid=\"true\"")></div>"
        out += "<button type=\"submit\">Open my report</button></form>"
        return out
    }

    /// Status, replies and the form to add information.
    static func status(
        report: IntakeReport, messages: [(author: String, at: String, text: String)], code: ReceiptCode, token: String,
        problem: String?, added: Bool, draft: String
    ) -> String {
        var out = "<h1>Your report</h1>"
        if added { out += "<p class=\"status\" role=\"status\">Your information has been added.</p>" }
        out += "<p class=\"status\"><strong>Status:</strong> \(HTML.escape(report.status.plainWords))</p>"
        out += "<p>Received \(Self.time(report.receivedHour)). "
        if report.firstFeedbackAt == nil {
            out += "We aim to reply by \(Self.time(report.feedbackBy)).</p>"
        } else {
            out += "</p>"
        }
        out += "<h2>Messages</h2>"
        if messages.isEmpty { out += "<p>No replies yet.</p>" }
        for message in messages {
            out += "<div class=\"message\"><p class=\"meta\">\(HTML.escape(message.author)), \(Self.time(message.at))</p>"
            out += "<p>\(HTML.escape(message.text).replacingOccurrences(of: "\n", with: "<br>"))</p></div>"
        }
        out += "<h2>Add information</h2><form method=\"post\" action=\"/receipt/add\">\(CSRFProtection.field(token))"
        out += "<input type=\"hidden\" name=\"code\" value=\"\(HTML.escape(code.normalised))\">"
        out += "<div\(problem == nil ? "" : " class=\"has-error\"")><label for=\"text\">What else should we know?</label>"
        if let problem { out += "<p class=\"error\" id=\"text-error\">\(HTML.escape(problem))</p>" }
        out += "<textarea id=\"text\" name=\"text\" rows=\"6\"\(problem == nil ? "" : " aria-describedby=\"text-error\" aria-invalid=\"true\"")>\(HTML.escape(draft))</textarea></div>"
        out += "<button type=\"submit\">Add to my report</button></form>"
        return out
    }

    static func tooMany(_ phones: PhoneNumbers) -> String {
        "<h1>Please wait before trying again</h1><p>Too many attempts have come from your connection in the last hour. Try again later.</p><p class=\"danger\">If a child is in danger right now, call <strong>\(HTML.escape(phones.emergency))</strong>.</p>"
    }

    /// "2026-12-07 16:00 UTC".
    static func time(_ iso: String) -> String {
        HTML.escape(iso.replacingOccurrences(of: "T", with: " ").replacingOccurrences(of: "Z", with: " UTC"))
    }
}
