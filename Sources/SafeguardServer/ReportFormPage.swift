import SafeguardCore

/// The report form as HTML: labels tied to every control, related choices in fieldsets, hints
/// and errors linked with `aria-describedby`, an error summary linking to each field, and
/// everything typed put back on a page with errors. Works without JavaScript.
struct ReportFormPage {
    var form: ReportForm
    var problems: [String: String]
    var csrfToken: String
    var emergency: String

    var html: String {
        var out = "<h1>Report a concern about a child</h1>\n"
        out += "<p class=\"danger\">If a child is in danger right now, call <strong>\(HTML.escape(self.emergency))</strong> first.</p>\n"
        if !self.problems.isEmpty {
            out += "<div class=\"error-summary\" role=\"alert\" tabindex=\"-1\"><h2>There is a problem</h2><ul>"
            for (field, message) in self.problems.sorted(by: { Self.order($0.key) < Self.order($1.key) }) {
                out += "<li><a href=\"#\(Self.anchor(field))\">\(HTML.escape(message))</a></li>"
            }
            out += "</ul><p>Nothing you typed has been lost.</p></div>\n"
        }
        out += "<form method=\"post\" action=\"/report\" id=\"report-form\" novalidate>\n\(CSRFProtection.field(self.csrfToken))\n"
        out += "<p>You do not have to give your name. Only the questions marked <strong>(required)</strong> must be answered.</p>\n"
        out += self.radios(
            "danger", legend: "Is a child in danger right now? (required)",
            hint: "For example, being hurt, or about to be taken somewhere.",
            choices: [("yes", "Yes"), ("no", "No")], selected: self.form.danger)
        out += self.radios(
            "role", legend: "Who are you? (optional)", hint: nil, choices: ReportForm.roles, selected: self.form.role)
        out += "<fieldset\(self.errorClass("signs")) id=\"signs\"><legend>What did you see?</legend>"
        out += "<p class=\"hint\">Tick all that apply.</p>" + self.error("signs")
        for (index, choice) in ReportForm.signChoices.enumerated() {
            let checked = self.form.signs.contains(choice.id) ? " checked" : ""
            out += "<div class=\"choice\"><input type=\"checkbox\" id=\"sign-\(index)\" name=\"signs\" value=\"\(choice.id)\"\(checked)>"
            out += "<label for=\"sign-\(index)\">\(HTML.escape(choice.label))</label></div>"
        }
        out += self.textarea(
            "text", label: "Tell us what you saw or heard",
            hint: "Who was there, what happened, anything that worried you. Names are fine.", value: self.form.text)
        out += "</fieldset>\n<fieldset><legend>Where was it?</legend>"
        out += "<p class=\"hint\">A hotel, B&amp;B, pub, club or takeaway, or a taxi. Fill in what you know.</p>"
        out += self.input("premises", label: "Name of the place", value: self.form.premises)
        out += self.input("address", label: "Address", value: self.form.address, autocomplete: "off")
        out += self.input("postcode", label: "Postcode", value: self.form.postcode, width: "postcode")
        out += self.input("vehicle", label: "Vehicle registration", value: self.form.vehicle)
        out += self.input("badge", label: "Driver's badge or vehicle plate number", value: self.form.badge)
        out += self.input("taxi_firm", label: "Taxi firm", value: self.form.taxiFirm)
        out += "</fieldset>\n<fieldset><legend>When was it?</legend>"
        out += self.input("date", label: "Date", value: self.form.date, type: "date", hint: "For example 2026-11-30")
        out += self.input("time", label: "Time (roughly)", value: self.form.time, type: "time", hint: "For example 23:30")
        out += "</fieldset>\n"
        out += self.radios(
            "age", legend: "How old did the young person seem?", hint: "Your best guess is fine.",
            choices: ReportForm.ages, selected: self.form.age)
        out += "<fieldset><legend>Can we contact you? (optional)</legend>"
        out += "<p class=\"hint\">Only if you want us to. You can also stay anonymous and use your receipt code to read our replies.</p>"
        out += self.input("contact_name", label: "Name", value: self.form.contactName, autocomplete: "name")
        out += self.input("contact_phone", label: "Phone", value: self.form.contactPhone, type: "tel", autocomplete: "tel")
        out += self.input("contact_email", label: "Email", value: self.form.contactEmail, type: "email", autocomplete: "email")
        out += "</fieldset>\n<button type=\"submit\">Send report</button>\n</form>\n"
        return out
    }

    static let fieldOrder = [
        "report-form",
        "danger", "role", "signs", "text", "premises", "address", "postcode", "vehicle", "badge", "taxi_firm", "date",
        "time", "age", "contact_name", "contact_phone", "contact_email",
    ]

    static func order(_ field: String) -> Int { Self.fieldOrder.firstIndex(of: field) ?? 99 }

    /// The id a summary link jumps to: the first control of a group, the control otherwise.
    static func anchor(_ field: String) -> String {
        switch field {
        case "danger", "role", "age": "\(field)-0"
        case "signs": "signs"
        default: field
        }
    }

    func errorClass(_ field: String) -> String {
        self.problems[field] == nil ? "" : " class=\"has-error\""
    }

    func error(_ field: String) -> String {
        guard let message = self.problems[field] else { return "" }
        return "<p class=\"error\" id=\"\(field)-error\"><span class=\"visually-hidden\">Error: </span>\(HTML.escape(message))</p>"
    }

    func describedBy(_ field: String, hint: Bool) -> String {
        var ids: [String] = []
        if hint { ids.append("\(field)-hint") }
        if self.problems[field] != nil { ids.append("\(field)-error") }
        return ids.isEmpty ? "" : " aria-describedby=\"\(ids.joined(separator: " "))\""
    }

    func input(
        _ name: String, label: String, value: String, type: String = "text", hint: String? = nil,
        autocomplete: String? = nil, width: String? = nil
    ) -> String {
        var out = "<div\(self.errorClass(name))><label for=\"\(name)\">\(HTML.escape(label))</label>"
        if let hint { out += "<p class=\"hint\" id=\"\(name)-hint\">\(HTML.escape(hint))</p>" }
        out += self.error(name)
        let invalid = self.problems[name] == nil ? "" : " aria-invalid=\"true\""
        let complete = autocomplete.map { " autocomplete=\"\($0)\"" } ?? ""
        out += "<input type=\"\(type)\" id=\"\(name)\" name=\"\(name)\" value=\"\(HTML.escape(value))\""
        out += "\(self.describedBy(name, hint: hint != nil))\(invalid)\(complete)></div>"
        return out
    }

    func textarea(_ name: String, label: String, hint: String, value: String) -> String {
        var out = "<div\(self.errorClass(name))><label for=\"\(name)\">\(HTML.escape(label))</label>"
        out += "<p class=\"hint\" id=\"\(name)-hint\">\(HTML.escape(hint))</p>" + self.error(name)
        let invalid = self.problems[name] == nil ? "" : " aria-invalid=\"true\""
        out += "<textarea id=\"\(name)\" name=\"\(name)\" rows=\"8\"\(self.describedBy(name, hint: true))\(invalid)>"
        out += HTML.escape(value) + "</textarea></div>"
        return out
    }

    func radios(
        _ name: String, legend: String, hint: String?, choices: [(value: String, label: String)], selected: String
    ) -> String {
        var out = "<fieldset\(self.errorClass(name))\(self.describedBy(name, hint: hint != nil))><legend>\(HTML.escape(legend))</legend>"
        if let hint { out += "<p class=\"hint\" id=\"\(name)-hint\">\(HTML.escape(hint))</p>" }
        out += self.error(name)
        for (index, choice) in choices.enumerated() {
            let checked = choice.value == selected ? " checked" : ""
            out += "<div class=\"choice\"><input type=\"radio\" id=\"\(name)-\(index)\" name=\"\(name)\" value=\"\(HTML.escape(choice.value))\"\(checked)>"
            out += "<label for=\"\(name)-\(index)\">\(HTML.escape(choice.label))</label></div>"
        }
        return out + "</fieldset>\n"
    }
}
