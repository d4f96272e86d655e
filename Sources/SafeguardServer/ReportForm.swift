import Foundation
import SafeguardCore

/// The public report form as typed: every field kept as text so a page with errors shows back
/// exactly what was typed, and the checks that turn it into a report.
struct ReportForm: Sendable, Hashable {
    var role: String = ""
    var signs: [String] = []
    var text: String = ""
    var premises: String = ""
    var address: String = ""
    var postcode: String = ""
    var vehicle: String = ""
    var badge: String = ""
    var taxiFirm: String = ""
    var date: String = ""
    var time: String = ""
    var age: String = ""
    var danger: String = ""
    var contactName: String = ""
    var contactPhone: String = ""
    var contactEmail: String = ""

    /// Roles a reporter may pick, with the words shown (value "" is "prefer not to say").
    static let roles: [(value: String, label: String)] = [
        ("taxi-driver", "Taxi or private hire driver"),
        ("hotel-staff", "Hotel or B&B staff"),
        ("licence-holder", "Licence holder (pub, bar, club, takeaway)"),
        ("public", "Member of the public"),
        ("practitioner", "Practitioner (police, health, social care, education)"),
    ]

    /// The signs offered as checkboxes, in plain language (ids of rules/hotels/signs.yaml).
    static let signChoices: [(id: String, label: String)] = [
        ("young-people", "Children or teenagers alone, hanging about, or partying in rooms"),
        ("night-traffic", "People coming and going through the night, many visitors to one room"),
        ("men-loitering", "Men hanging about car parks, entrances or corridors"),
        ("screaming", "Screaming, crying or shouting for help"),
        ("condoms", "Condoms or wrappers left in rooms or outside"),
        ("sex-work", "Signs of sex being sold (men paying for visits, escorts)"),
        ("pornography", "Pornography left in rooms"),
        ("drug-dealing", "Drug dealing"),
        ("drug-use", "Drugs, needles or foil seen, or people using drugs"),
        ("cannabis-smell", "Smell of cannabis"),
        ("no-id-check", "Nobody asked for ID or names at check-in"),
        ("cash-only", "Asked to pay cash only"),
        ("oversight-lacking", "Nobody on reception or at night, anyone can walk in"),
    ]

    /// Apparent age bands, with the words shown.
    static let ages: [(value: String, label: String)] = [
        ("under-13", "Under 13"), ("13-15", "13 to 15"), ("16-17", "16 or 17"), ("18+", "18 or over"),
        ("unsure", "Not sure / nobody young seen"),
    ]

    static let textLimit = 5_000
    static let shortLimit = 200

    init() {}

    /// The form as posted.
    init(_ body: FormBody) {
        self.role = body.first("role") ?? ""
        self.signs = body.all("signs")
        self.text = body.first("text") ?? ""
        self.premises = body.first("premises") ?? ""
        self.address = body.first("address") ?? ""
        self.postcode = body.first("postcode") ?? ""
        self.vehicle = body.first("vehicle") ?? ""
        self.badge = body.first("badge") ?? ""
        self.taxiFirm = body.first("taxi_firm") ?? ""
        self.date = body.first("date") ?? ""
        self.time = body.first("time") ?? ""
        self.age = body.first("age") ?? ""
        self.danger = body.first("danger") ?? ""
        self.contactName = body.first("contact_name") ?? ""
        self.contactPhone = body.first("contact_phone") ?? ""
        self.contactEmail = body.first("contact_email") ?? ""
    }

    /// Problems by field name, each a sentence saying how to put it right; empty when valid.
    func problems(today: CalendarDay) -> [String: String] {
        var problems: [String: String] = [:]
        if !self.role.isEmpty, !Self.roles.contains(where: { $0.value == self.role }) {
            problems["role"] = "Choose one of the roles listed, or leave it blank."
        }
        let known = Set(Self.signChoices.map(\.id))
        if self.signs.contains(where: { !known.contains($0) }) {
            problems["signs"] = "Tick only the boxes listed."
        }
        if self.text.isEmpty, self.signs.isEmpty {
            problems["text"] = "Tell us what you saw: tick a box above or describe it here."
        } else if self.text.count > Self.textLimit {
            problems["text"] = "Keep the description under \(Self.textLimit) characters (it has \(self.text.count)). You can add more later with your receipt code."
        }
        for (name, value) in [
            ("premises", self.premises), ("address", self.address), ("vehicle", self.vehicle), ("badge", self.badge),
            ("taxi_firm", self.taxiFirm), ("contact_name", self.contactName),
        ] where value.count > Self.shortLimit {
            problems[name] = "Keep this under \(Self.shortLimit) characters."
        }
        if !self.postcode.isEmpty, !Self.looksLikePostcode(self.postcode) {
            problems["postcode"] = "Enter a UK postcode like CV1 2GN, or leave it blank."
        }
        if !self.date.isEmpty {
            if let day = CalendarDay(iso: self.date), self.date.count == 10 {
                if day > today { problems["date"] = "The date cannot be in the future." }
            } else {
                problems["date"] = "Enter the date as year-month-day, like 2026-11-30."
            }
        }
        if !self.time.isEmpty, !Self.looksLikeTime(self.time) {
            problems["time"] = "Enter the time as hours and minutes, like 23:30."
        }
        if !self.age.isEmpty, !Self.ages.contains(where: { $0.value == self.age }) {
            problems["age"] = "Choose one of the age bands listed."
        }
        if self.danger != "yes", self.danger != "no" {
            problems["danger"] = "Tell us whether a child is in danger right now: choose yes or no."
        }
        if !self.contactEmail.isEmpty, !Self.looksLikeEmail(self.contactEmail) {
            problems["contact_email"] = "Enter an email address like name@example.com, or leave it blank."
        }
        if !self.contactPhone.isEmpty, !Self.looksLikePhone(self.contactPhone) {
            problems["contact_phone"] = "Enter a phone number using digits (spaces and + are fine), or leave it blank."
        }
        return problems
    }

    /// The place, for entity resolution (blank parts left out).
    var place: PlaceReference {
        func present(_ value: String) -> String? { value.isEmpty ? nil : value }
        return PlaceReference(
            premises: present(self.premises), address: present(self.address), postcode: present(self.postcode),
            vehicle: present(self.vehicle), badge: present(self.badge))
    }

    /// The report's role (a practitioner counts as "other" in the shared report record).
    var reporterRole: ReporterRole {
        ReporterRole(rawValue: self.role) ?? .other
    }

    /// "2026-11-30T23:30", "2026-11-30" or nil.
    var when: String? {
        guard !self.date.isEmpty else { return nil }
        return self.time.isEmpty ? self.date : "\(self.date)T\(self.time)"
    }

    var apparentAge: String? {
        self.age.isEmpty || self.age == "unsure" ? nil : self.age
    }

    static func looksLikePostcode(_ text: String) -> Bool {
        let compact = text.uppercased().filter { !$0.isWhitespace }
        guard (5...7).contains(compact.count), compact.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            return false
        }
        let tail = Array(compact.suffix(3))
        return tail[0].isNumber && tail[1].isLetter && tail[2].isLetter && compact.first!.isLetter
    }

    static func looksLikeTime(_ text: String) -> Bool {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let hours = Int(parts[0]), let minutes = Int(parts[1]) else { return false }
        return (0..<24).contains(hours) && (0..<60).contains(minutes) && parts[1].count == 2
    }

    static func looksLikeEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@")
        return text.count <= 254 && parts.count == 2 && parts[1].contains(".") && !text.contains(where: \.isWhitespace)
    }

    static func looksLikePhone(_ text: String) -> Bool {
        let digits = text.filter(\.isNumber).count
        return (7...15).contains(digits) && text.allSatisfy { $0.isNumber || " +()-".contains($0) }
    }
}
