import Foundation
import SafeguardCore

/// Turns raw reviews, whistle-blowing reports and intelligence records into the records the
/// store keeps: only pseudonymised text, pseudonymised evidence snippets and tokens; raw text
/// goes no further. The one place where a record is pseudonymised and scanned, used by the
/// `import` commands and by the corpus import of the pipeline alike.
public struct TextRecordBuilder: Sendable {
    /// The analyser (key, signs, gazetteer).
    public let analyser: TextAnalyser

    /// Longest excerpt of pseudonymised text kept as the snippet of a declared sign.
    static let excerptLength = 160

    /// Creates a builder.
    public init(analyser: TextAnalyser) {
        self.analyser = analyser
    }

    /// A review record: pseudonymised text (the premises' own name preserved) and its sign evidence.
    public func review(_ input: ReviewInput) -> ReviewRecord {
        self.record(input, self.analyser.analyse(input.text, preserving: [input.premisesName]))
    }

    /// The records of several reviews, each exactly what ``review(_:)`` gives for it, analysed
    /// together stage by stage (``TextAnalyser/analyse(batch:preserving:)``), which costs fewer
    /// CPU-seconds on large imports than one review at a time.
    public func reviews(_ inputs: some Collection<ReviewInput>) -> [ReviewRecord] {
        let analyses = self.analyser.analyse(batch: inputs.map(\.text), preserving: inputs.map { [$0.premisesName] })
        return zip(inputs, analyses).map { self.record($0, $1) }
    }

    private func record(_ input: ReviewInput, _ analysis: TextAnalysis) -> ReviewRecord {
        let site = input.site ?? "unknown"
        return ReviewRecord(
            sourceID: input.id, site: site, premisesName: input.premisesName,
            address: input.address.isEmpty ? nil : input.address, postcode: input.postcode, date: input.date,
            rating: input.rating, text: analysis.text,
            evidence: analysis.evidence(source: .review, sourceID: input.id, date: input.date, origin: site))
    }

    /// A report as read (raw `text`, `seen` and contact details) made safe to store: `text` and
    /// `seen` pseudonymised (the premises' name preserved) and scanned, one evidence item per sign
    /// (the text's first, then the "seen" line's); ticked signs the text does not show become
    /// evidence with the "seen" line (or an excerpt) as the snippet; contact details become their
    /// tokens. Evidence is dated when it happened (`when`) or else when it was received.
    public func report(_ raw: ReportRecord) -> ReportRecord {
        var record = raw
        let preserving = [raw.place.premises].compactMap { $0 }
        let text = self.analyser.analyse(raw.text, preserving: preserving)
        let seen = self.analyser.analyse(raw.seen, preserving: preserving)
        record.text = text.text
        record.seen = seen.text
        let date = raw.when.flatMap { CalendarDay(iso: $0) } ?? raw.received
        let origin = raw.role.rawValue
        var evidence = text.evidence(source: .report, sourceID: raw.receiptID, date: date, origin: origin)
        var found = Set(evidence.map(\.sign))
        for item in seen.evidence(source: .report, sourceID: raw.receiptID, date: date, origin: origin)
        where found.insert(item.sign).inserted {
            evidence.append(item)
        }
        let snippet = seen.text.isEmpty ? String(text.text.prefix(Self.excerptLength)) : seen.text
        for sign in raw.signs where found.insert(sign).inserted {
            evidence.append(Evidence(sign: sign, source: .report, sourceID: raw.receiptID, date: date, snippet: snippet, origin: origin))
        }
        record.evidence = evidence
        record.contact = raw.contact.map { c in
            ReportContact(
                name: c.name.map { self.token(.person, $0) }, phone: c.phone.map { self.token(.phone, $0) },
                email: c.email.map { self.token(.email, $0) })
        }
        return record
    }

    /// An intelligence record as read made safe to store: the summary pseudonymised (the
    /// premises' name preserved) and scanned; listed signs the summary does not show become
    /// evidence with an excerpt of the pseudonymised summary.
    public func intelligence(_ raw: IntelligenceRecord) -> IntelligenceRecord {
        var record = raw
        let analysis = self.analyser.analyse(raw.summary, preserving: [raw.place.premises].compactMap { $0 })
        record.summary = analysis.text
        let origin = raw.source.rawValue
        var evidence = analysis.evidence(source: .intelligence, sourceID: raw.id, date: raw.date, origin: origin)
        var found = Set(evidence.map(\.sign))
        let excerpt = String(analysis.text.prefix(Self.excerptLength))
        for sign in raw.signs where found.insert(sign).inserted {
            evidence.append(Evidence(sign: sign, source: .intelligence, sourceID: raw.id, date: raw.date, snippet: excerpt, origin: origin))
        }
        record.evidence = evidence
        return record
    }

    /// The token of one value given in a field of its own (contact details).
    public func token(_ type: PersonalDataType, _ value: String) -> String {
        var copy = value.trimmingCharacters(in: .whitespaces)
        let normalised = copy.withUTF8 { Pseudonymiser.normalisedValue(type: type, $0) }
        return self.analyser.pseudonymiser.key.token(for: type, normalisedValue: normalised)
    }
}
