import Foundation
import Hummingbird
import SafeguardCore

/// `POST /api/reports`: partners (police, a taxi firm's safeguarding lead, a hotel chain) send
/// reports as JSON with a bearer token of their own (`safeguard tokens add NAME`). Tokens are
/// stored only as keyed hashes. The report goes the same way as a web report.
struct PartnerRoutes {
    let services: ServerServices

    /// The JSON body (the fields of a `safeguard import reports` line, less `id` and `received`).
    struct PartnerReport: Decodable {
        struct Place: Decodable {
            var premises: String?
            var address: String?
            var postcode: String?
            var vehicle: String?
            var badge: String?
            var taxiFirm: String?

            enum CodingKeys: String, CodingKey {
                case premises, address, postcode, vehicle, badge
                case taxiFirm = "taxi-firm"
            }
        }

        struct Contact: Decodable {
            var name: String?
            var phone: String?
            var email: String?
        }

        var role: String?
        var seen: String?
        var text: String?
        var signs: [String]?
        var `where`: Place?
        var when: String?
        var apparentAge: String?
        var dangerNow: Bool?
        var contact: Contact?

        enum CodingKeys: String, CodingKey {
            case role, seen, text, signs, `where`, when
            case apparentAge = "apparent-age"
            case dangerNow = "danger-now"
            case contact
        }
    }

    /// What the partner gets back.
    struct Accepted: ResponseEncodable {
        var reference: String
        var receipt: String
        var band: String
    }

    func register(on router: Router<ServerRequestContext>) {
        router.post("/api/reports") { request, _ -> EditedResponse<Accepted> in
            let partner = try self.authenticate(request)
            let text = try await self.services.body(of: request)
            let draft = try Self.draft(from: text, knownSigns: Set(ReportForm.signChoices.map(\.id)).union(self.signIDs))
            let receipt = try await self.services.intake.submit(draft, channel: "partner:\(partner)")
            return EditedResponse(
                status: .created,
                response: Accepted(reference: receipt.reference, receipt: receipt.code.grouped, band: receipt.band))
        }
    }

    var signIDs: Set<String> {
        Set(self.services.intake.builder.analyser.scanner.signs.map(\.id))
    }

    /// The partner named by the request's bearer token; 401 otherwise.
    func authenticate(_ request: Request) throws -> String {
        guard let header = request.headers[.authorization], header.hasPrefix("Bearer ") else {
            throw HTTPError(.unauthorized, headers: [.wwwAuthenticate: "Bearer"], message: "Send Authorization: Bearer TOKEN.")
        }
        let token = String(header.dropFirst("Bearer ".count)).trimmingCharacters(in: .whitespaces)
        guard let partner = try self.services.intakeStore.partner(tokenHash: self.services.intake.keys.tokenHash(token)) else {
            throw HTTPError(.unauthorized, headers: [.wwwAuthenticate: "Bearer error=\"invalid_token\""], message: "Unknown or revoked token.")
        }
        return partner
    }

    /// Checks and maps the JSON body; a bad field is a 400 naming it.
    static func draft(from text: String, knownSigns: Set<String>) throws -> IntakeService.Draft {
        let report: PartnerReport
        do {
            report = try JSONDecoder().decode(PartnerReport.self, from: Data(text.utf8))
        } catch DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context) {
            let field = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw HTTPError(.badRequest, message: "field '\(field)' has the wrong type: \(context.debugDescription)")
        } catch {
            throw HTTPError(.badRequest, message: "the body is not a JSON report object (see docs/formats.md)")
        }
        func clean(_ value: String?) -> String? {
            guard let trimmed = value?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
            return trimmed
        }
        let text = clean(report.text) ?? ""
        let seen = clean(report.seen) ?? ""
        guard !text.isEmpty || !seen.isEmpty else {
            throw HTTPError(.badRequest, message: "field 'text': text and seen are both empty; a report needs a description")
        }
        guard text.count <= ReportForm.textLimit else {
            throw HTTPError(.badRequest, message: "field 'text': longer than \(ReportForm.textLimit) characters")
        }
        let roleText = clean(report.role) ?? "other"
        guard let role = ReporterRole(rawValue: roleText) else {
            throw HTTPError(
                .badRequest,
                message: "field 'role': '\(roleText)' is not one of \(ReporterRole.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let signs = report.signs ?? []
        if let unknown = signs.first(where: { !knownSigns.contains($0) }) {
            throw HTTPError(.badRequest, message: "field 'signs': unknown sign id '\(unknown)'; use the ids of rules/hotels/signs.yaml")
        }
        let age = clean(report.apparentAge)
        if let age, !["under-13", "13-15", "16-17", "18+"].contains(age) {
            throw HTTPError(.badRequest, message: "field 'apparent-age': '\(age)' is not one of under-13, 13-15, 16-17, 18+")
        }
        let when = clean(report.when)
        if let when, CalendarDay(iso: String(when.prefix(10))) == nil {
            throw HTTPError(.badRequest, message: "field 'when': '\(when)' is not a date; write YYYY-MM-DD or YYYY-MM-DDTHH:MM")
        }
        let place = report.where
        let contact = report.contact.flatMap { c -> ReportContact? in
            let contact = ReportContact(name: clean(c.name), phone: clean(c.phone), email: clean(c.email))
            return contact == ReportContact() ? nil : contact
        }
        return IntakeService.Draft(
            role: role, roleLabel: roleText, seen: seen, text: text, signs: signs,
            place: PlaceReference(
                premises: clean(place?.premises), address: clean(place?.address), postcode: clean(place?.postcode),
                vehicle: clean(place?.vehicle), badge: clean(place?.badge)),
            taxiFirm: clean(place?.taxiFirm), when: when, apparentAge: age, dangerNow: report.dangerNow ?? false,
            contact: contact)
    }
}
