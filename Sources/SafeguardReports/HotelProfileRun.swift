import Foundation
import SafeguardCore

/// Scores stored hotels with the engine and builds the profile: the whole job of
/// `safeguard profile hotels` between reading the store and writing the files. Pure.
public struct HotelProfileRun: Sendable {
    public var engine: Engine
    public var asOf: CalendarDay
    public var since: CalendarDay?
    /// Only hotels matching this text (name, address, postcode, district, authority).
    public var area: String?

    public init(engine: Engine, asOf: CalendarDay, since: CalendarDay? = nil, area: String? = nil) {
        self.engine = engine
        self.asOf = asOf
        self.since = since
        self.area = area
    }

    /// The bands of the hotel rules, lowest first.
    public var bands: [HotelProfileBuilder.Band] {
        let defined = (self.engine.ruleSet.bands[.hotel] ?? []).sorted { $0.minimumScore < $1.minimumScore }
        guard !defined.isEmpty else { return [HotelProfileBuilder.Band(id: "none", action: "No action")] }
        return defined.map { HotelProfileBuilder.Band(id: $0.id, action: $0.action) }
    }

    /// Scores every hotel (in parallel) and builds the profile.
    public func profile(of snapshots: [HotelSnapshot]) -> HotelProfile {
        let selected = snapshots.filter { snapshot in
            guard let area = self.area, !area.isEmpty else { return true }
            let place = snapshot.establishment
            let probe = HotelAssessment(
                id: snapshot.profileID, name: place.name, address: place.addressLines.joined(separator: ", "),
                postcode: place.postcode, localAuthority: place.localAuthorityName, latitude: nil, longitude: nil,
                fhrsRating: nil, licenceStatus: nil, reviewCount: 0, reportCount: 0, intelligenceCount: 0, evidence: [],
                score: 0, band: "", action: "", findings: [])
            return probe.matches(area: area)
        }
        let assessments = self.assess(selected)
        let authorities = Set(selected.compactMap(\.establishment.localAuthorityName)).sorted()
        let areaName: String
        if let area = self.area, !area.isEmpty {
            areaName = area
        } else {
            areaName = authorities.isEmpty ? "all areas" : authorities.joined(separator: ", ")
        }
        let builder = HotelProfileBuilder(
            area: areaName, asOf: self.asOf, since: self.since, rulesetHash: self.engine.ruleSet.hash,
            extracts: Self.extracts(selected), bands: self.bands, signs: self.engine.ruleSet.signs)
        return builder.build(assessments)
    }

    /// Evaluates each hotel; the work is split over the cores.
    func assess(_ snapshots: [HotelSnapshot]) -> [HotelAssessment] {
        ParallelMap.map(snapshots, minimumChunk: 256) { snapshot in
            let facts = snapshot.facts(since: self.since, asOf: self.asOf, scoring: self.engine.ruleSet.hotelScoring)
            let decision = self.engine.evaluate(facts, asOf: self.asOf)
            return HotelAssessment(snapshot: snapshot, decision: decision, evidence: facts.evidence, since: self.since)
        }
    }

    /// Extract dates and record counts per source, from what the store holds.
    static func extracts(_ snapshots: [HotelSnapshot]) -> [DataExtract] {
        var latestBySource: [EvidenceSource: CalendarDay] = [:]
        var reviewLatest: CalendarDay?
        for snapshot in snapshots {
            for item in snapshot.evidence {
                if let date = item.date, date > (latestBySource[item.source] ?? CalendarDay(daysSinceEpoch: Int.min)) {
                    latestBySource[item.source] = date
                }
            }
            if let last = snapshot.reviewDates.last, last > (reviewLatest ?? CalendarDay(daysSinceEpoch: Int.min)) {
                reviewLatest = last
            }
        }
        let licences = snapshots.flatMap(\.licences)
        return [
            DataExtract(source: "FHRS hotel feed (extract)", extractDate: snapshots.compactMap(\.fhrsExtractDate).max(), records: snapshots.count),
            DataExtract(source: "Premises licence register (extract)", extractDate: licences.compactMap(\.extractDate).max(), records: licences.count),
            DataExtract(source: "Review sites (latest review)", extractDate: reviewLatest, records: snapshots.reduce(0) { $0 + $1.reviewCount }),
            DataExtract(source: "Whistle-blowing reports (latest sign)", extractDate: latestBySource[.report], records: snapshots.reduce(0) { $0 + $1.reportCount }),
            DataExtract(source: "Intelligence records (latest sign)", extractDate: latestBySource[.intelligence], records: snapshots.reduce(0) { $0 + $1.intelligenceCount }),
        ]
    }
}
