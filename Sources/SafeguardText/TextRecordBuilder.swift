import Foundation
import SafeguardCore

/// Turns raw reviews and whistle-blowing reports into the records the store keeps: only
/// pseudonymised text, pseudonymised evidence snippets and tokens; raw text goes no further.
public struct TextRecordBuilder: Sendable {
    /// The analyser (key, signs, gazetteer).
    public let analyser: TextAnalyser

    /// Creates a builder.
    public init(analyser: TextAnalyser) {
        self.analyser = analyser
    }

    /// A review record: pseudonymised text (the premises' own name preserved) and its sign evidence.
    public func review(_ input: ReviewInput) -> ReviewRecord {
        let site = input.site ?? "unknown"
        let analysis = self.analyser.analyse(input.text, preserving: [input.premisesName])
        return ReviewRecord(
            sourceID: input.id, site: site, premisesName: input.premisesName,
            address: input.address.isEmpty ? nil : input.address, postcode: input.postcode, date: input.date,
            rating: input.rating, text: analysis.text,
            evidence: analysis.evidence(source: .review, sourceID: input.id, date: input.date, origin: site))
    }

    /// A report record: `text` and `seen` pseudonymised and scanned; declared signs kept and
    /// evidenced by the pseudonymised `seen` text; contact details replaced by their tokens.
    public func report(_ input: ReportInput) -> ReportRecord {
        let preserve = [input.place.premises].compactMap { $0 }
        let text = self.analyser.analyse(input.text, preserving: preserve)
        let seen = self.analyser.analyse(input.seen, preserving: preserve)
        var evidence = text.evidence(source: .report, sourceID: input.id, date: input.received, origin: input.role.rawValue)
        evidence += seen.evidence(source: .report, sourceID: input.id, date: input.received, origin: input.role.rawValue)
        let scanned = Set(text.signs + seen.signs)
        for sign in input.signs where !scanned.contains(sign) {
            let snippet = seen.text.isEmpty ? "(declared by the reporter)" : String(seen.text.prefix(240))
            evidence.append(Evidence(sign: sign, source: .report, sourceID: input.id, date: input.received, snippet: snippet, origin: input.role.rawValue))
        }
        let signs = Array(Set(input.signs).union(scanned)).sorted()
        let contact = input.contact.map { c in
            ReportContact(
                name: c.name.map { self.token(.person, $0) }, phone: c.phone.map { self.token(.phone, $0) },
                email: c.email.map { self.token(.email, $0) })
        }
        return ReportRecord(
            receiptID: input.id, received: input.received, role: input.role, seen: seen.text, text: text.text,
            signs: signs, evidence: evidence, place: input.place, when: input.when, apparentAgeBand: input.apparentAge,
            dangerNow: input.dangerNow, contact: contact)
    }

    /// The token of one value given in a field of its own (contact details).
    public func token(_ type: PersonalDataType, _ value: String) -> String {
        var copy = value.trimmingCharacters(in: .whitespaces)
        let normalised = copy.withUTF8 { Pseudonymiser.normalisedValue(type: type, $0) }
        return self.analyser.pseudonymiser.key.token(for: type, normalisedValue: normalised)
    }
}
