import Foundation
import SafeguardCore

/// Turns scored hotels into a `HotelProfile`: ranking, monthly trend, districts, map, gaps,
/// recommendations and method. Pure: no files, no clock.
public struct HotelProfileBuilder: Sendable {
    /// A band of the scoring rules, lowest first: `none`, `monitor`, `advisory-letter`, `visit`.
    public struct Band: Sendable, Hashable {
        public var id: String
        public var action: String

        public init(id: String, action: String) {
            self.id = id
            self.action = action
        }
    }

    public var title = "Hotel problem profile"
    /// The area named in the title (the authority, or the `--area` filter).
    public var area: String
    public var asOf: CalendarDay
    public var since: CalendarDay?
    public var rulesetHash: String
    public var extracts: [DataExtract]
    /// Bands lowest first; hotels above the first band are flagged.
    public var bands: [Band]
    /// Sign definitions, for labels and kinds.
    public var signs: [SignDefinition]
    /// How many months the trend chart covers, ending with the month of `asOf`.
    public var trendMonths = 36

    public init(
        area: String, asOf: CalendarDay, since: CalendarDay? = nil, rulesetHash: String, extracts: [DataExtract],
        bands: [Band], signs: [SignDefinition]
    ) {
        self.area = area
        self.asOf = asOf
        self.since = since
        self.rulesetHash = rulesetHash
        self.extracts = extracts
        self.bands = bands
        self.signs = signs
    }

    /// Builds the profile from every hotel in scope.
    public func build(_ hotels: [HotelAssessment]) -> HotelProfile {
        let signByID = Dictionary(self.signs.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let bandIndex = Dictionary(self.bands.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        func kind(_ evidence: Evidence) -> SignKind { signByID[evidence.sign]?.kind ?? .concern }
        func rank(_ hotel: HotelAssessment) -> Int { bandIndex[hotel.band] ?? 0 }

        // Ranking: band first, then score, then name for a stable order.
        let flaggedHotels = hotels.filter { rank($0) > 0 }.sorted {
            (rank($0), Self.round($0.score), $1.name, $1.id) > (rank($1), Self.round($1.score), $0.name, $0.id)
        }
        var entries: [ProfileEntry] = []
        var rankOf: [String: Int] = [:]
        for (offset, hotel) in flaggedHotels.enumerated() {
            entries.append(self.entry(hotel, rank: offset + 1, signByID: signByID))
            rankOf[hotel.id] = offset + 1
        }

        // Monthly trend of concern evidence.
        let lastMonth = self.asOf.monthIndex
        var firstMonth = lastMonth - self.trendMonths + 1
        if let since = self.since { firstMonth = max(firstMonth, since.monthIndex) }
        var monthly = (firstMonth...max(firstMonth, lastMonth)).map { index in
            MonthlyTrend(month: Self.monthText(index), reviewItems: 0, reportItems: 0, intelligenceItems: 0, visitItems: 0, hotels: 0)
        }
        var districtTable: [String: DistrictSummary] = [:]
        var concernItems = 0
        var goodPracticeItems = 0
        for hotel in hotels {
            var monthsSeen = Set<Int>()
            var hotelConcern = 0
            for item in Self.distinct(hotel.evidence) {
                switch kind(item) {
                case .goodPractice:
                    goodPracticeItems += 1
                    continue
                case .weak:
                    continue
                case .concern:
                    hotelConcern += 1
                }
                guard let date = item.date else { continue }
                let slot = date.monthIndex - firstMonth
                guard slot >= 0, slot < monthly.count else { continue }
                switch item.source {
                case .review: monthly[slot].reviewItems += 1
                case .report: monthly[slot].reportItems += 1
                case .intelligence: monthly[slot].intelligenceItems += 1
                case .visit, .register: monthly[slot].visitItems += 1
                }
                if monthsSeen.insert(slot).inserted { monthly[slot].hotels += 1 }
            }
            concernItems += hotelConcern
            let district = HotelAssessment.district(of: hotel.postcode)
            var summary = districtTable[district] ?? DistrictSummary(district: district, hotels: 0, flagged: 0, concernItems: 0, hotelsWithoutReviews: 0)
            summary.hotels += 1
            summary.flagged += rank(hotel) > 0 ? 1 : 0
            summary.concernItems += hotelConcern
            summary.hotelsWithoutReviews += hotel.reviewCount == 0 ? 1 : 0
            districtTable[district] = summary
        }
        let districts = districtTable.values.sorted {
            ($0.flagged, $0.concernItems, $1.district) > ($1.flagged, $1.concernItems, $0.district)
        }
        let mapPoints = hotels.compactMap { hotel -> MapPoint? in
            guard let latitude = hotel.latitude, let longitude = hotel.longitude else { return nil }
            return MapPoint(latitude: latitude, longitude: longitude, district: HotelAssessment.district(of: hotel.postcode), band: hotel.band, rank: rankOf[hotel.id])
        }.sorted { ($0.rank ?? Int.max, $0.latitude, $0.longitude) > ($1.rank ?? Int.max, $1.latitude, $1.longitude) }

        let scope = ProfileScope(
            hotels: hotels.count,
            hotelsWithReviews: hotels.filter { $0.reviewCount > 0 }.count,
            hotelsWithoutReviews: hotels.filter { $0.reviewCount == 0 }.count,
            licensedHotels: hotels.filter { $0.licenceStatus != nil }.count,
            hotelsWithGeocode: mapPoints.count,
            reviews: hotels.reduce(0) { $0 + $1.reviewCount },
            reports: hotels.reduce(0) { $0 + $1.reportCount },
            intelligenceRecords: hotels.reduce(0) { $0 + $1.intelligenceCount },
            concernItems: concernItems, goodPracticeItems: goodPracticeItems, flagged: entries.count)
        let bands = self.bands.map { band in
            BandCount(band: band.id, action: band.action, hotels: hotels.filter { $0.band == band.id }.count)
        }
        return HotelProfile(
            title: self.title, area: self.area, asOf: self.asOf, since: self.since, rulesetHash: self.rulesetHash,
            extracts: self.extracts, scope: scope, bands: bands, entries: entries, monthly: monthly,
            districts: districts, mapPoints: mapPoints,
            gaps: self.gaps(scope: scope, entries: entries, hotels: hotels),
            recommendations: self.recommendations(entries: entries, districts: districts),
            method: self.method())
    }

    private func entry(_ hotel: HotelAssessment, rank: Int, signByID: [String: SignDefinition]) -> ProfileEntry {
        func kind(_ evidence: Evidence) -> SignKind { signByID[evidence.sign]?.kind ?? .concern }
        let evidence = Self.distinct(hotel.evidence)
        let concern = evidence.filter { kind($0) == .concern }
        let months = Set(concern.compactMap { $0.date?.monthIndex })
        let sourceOrder: [EvidenceSource] = [.review, .report, .intelligence, .visit, .register]
        let sources = sourceOrder.filter { source in concern.contains { $0.source == source } }.map(\.rawValue)
        var goodPractice: [String] = []
        for item in evidence where kind(item) == .goodPractice {
            let label = Self.shortLabel(signByID[item.sign]?.label ?? item.sign)
            if !goodPractice.contains(label) { goodPractice.append(label) }
        }
        let findings = hotel.findings.map {
            ProfileFinding(rule: $0.rule, title: $0.title, contribution: Self.round($0.contribution), explanation: $0.explanation, source: $0.source)
        }
        // Reasons: the two strongest signs first (what was seen), then the strongest other finding
        // (recurrence, corroboration, a rule), so the table says what and why.
        let positive = findings.filter { $0.contribution > 0 }
            .sorted { ($0.contribution, $1.title) > ($1.contribution, $0.title) }
        func isWeak(_ finding: ProfileFinding) -> Bool {
            finding.rule.hasPrefix("sign/") && signByID[String(finding.rule.dropFirst(5))]?.kind == .weak
        }
        let signReasons = positive.filter { $0.rule.hasPrefix("sign/") && !isWeak($0) }
        let otherReasons = positive.filter { !$0.rule.hasPrefix("sign/") }
        var reasons = Array(signReasons.prefix(2)) + Array(otherReasons.prefix(1))
        for finding in signReasons + otherReasons + positive.filter(isWeak) where reasons.count < 3 && !reasons.contains(finding) {
            reasons.append(finding)
        }
        let timeline = evidence.sorted {
            ($0.date?.daysSinceEpoch ?? Int.min, $1.sourceID, $1.sign) > ($1.date?.daysSinceEpoch ?? Int.min, $0.sourceID, $0.sign)
        }.map { item in
            TimelineItem(
                date: item.date, source: item.source.rawValue, origin: item.origin, sourceID: item.sourceID, sign: item.sign,
                signLabel: signByID[item.sign]?.label ?? item.sign, kind: kind(item).rawValue, snippet: item.snippet)
        }
        return ProfileEntry(
            rank: rank, id: hotel.id, name: hotel.name, address: hotel.address, postcode: hotel.postcode ?? "",
            district: HotelAssessment.district(of: hotel.postcode), score: Self.round(hotel.score), band: hotel.band,
            action: hotel.action, topReasons: reasons.map(\.title), findings: findings, timeline: timeline,
            licenceStatus: hotel.licenceStatus, fhrsRating: hotel.fhrsRating, goodPractice: goodPractice,
            reviewCount: hotel.reviewCount, reportCount: hotel.reportCount, intelligenceCount: hotel.intelligenceCount,
            concernItems: concern.count, distinctMonths: months.count, sources: sources,
            latitude: hotel.latitude, longitude: hotel.longitude)
    }

    /// Evidence with repeats of one sign in one document (two phrases of the same sentence) removed.
    static func distinct(_ evidence: [Evidence]) -> [Evidence] {
        var seen = Set<String>()
        var result: [Evidence] = []
        result.reserveCapacity(evidence.count)
        for item in evidence where seen.insert("\(item.source.rawValue)\u{1F}\(item.sourceID)\u{1F}\(item.sign)").inserted {
            result.append(item)
        }
        return result
    }

    /// One decimal, as every rendering shows scores.
    static func round(_ value: Double) -> Double {
        (value * 10).rounded() / 10
    }

    static func monthText(_ index: Int) -> String {
        let year = index / 12
        let month = index % 12 + 1
        return "\(year)-\(month < 10 ? "0" : "")\(month)"
    }

    /// "Good practice - photo ID checked" → "photo ID checked".
    static func shortLabel(_ label: String) -> String {
        for prefix in ["Good practice - ", "Good practice: ", "Good practice – "] where label.hasPrefix(prefix) {
            return String(label.dropFirst(prefix.count))
        }
        return label
    }
}
