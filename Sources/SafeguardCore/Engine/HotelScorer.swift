import Foundation

/// Evidence-based hotel scoring (`rules/hotels/scoring.yaml`): per-sign weights, age decay,
/// a cap per source document, recurrence across months, corroboration across independent
/// sources, weak signs only alongside concern signs, good practice lowering the score.
struct HotelScorer {
    let parameters: HotelScoringParameters
    let signs: [SignDefinition]

    struct Result {
        var score: Double
        var findings: [Finding]
        var misses: [Miss]
        /// Concern-bearing reviews beyond what the review volume produces at the background rate
        /// (the derived fact `hotel.review_concern_excess`).
        var reviewExcess: Double
    }

    /// A source document: the kind of source and its id.
    struct DocumentKey: Hashable {
        var source: EvidenceSource
        var id: String
    }

    /// Per-sign running totals.
    struct SignTally {
        var contribution = 0.0
        var documents: [DocumentKey] = []
        var items: [Evidence] = []
        var months: Set<Int> = []
        var latest: Int?
        /// Some document with this sign hit the per-document cap.
        var capped = false
    }

    static let recurrenceSource = "Health check report 5.6.13 (possible signs of CSE could be seen, reoccurring over time)"
    static let corroborationSource =
        "Health check report 5.6.23 (user review sites and intelligence from return interviews used together to identify premises where a visit may be needed)"

    func weight(_ sign: SignDefinition) -> Double {
        self.parameters.signWeights[sign.id] ?? sign.weight
    }

    func decay(_ item: PreparedEvidence, today: Int) -> Double {
        guard let day = item.day else { return self.parameters.undatedFactor }
        let age = Double(max(0, today - day))
        guard self.parameters.halfLifeDays > 0 else { return 1 }
        return pow(0.5, age / self.parameters.halfLifeDays)
    }

    /// Scores a hotel's prepared evidence as of `today`.
    ///
    /// - Parameter reviewCount: reviews read for the hotel (`hotel.review_count`); nil when unknown, in
    ///   which case the review documents present in the evidence are the volume (a lower bound).
    func score(_ evidence: [PreparedEvidence], today: Int, reviewCount: Int? = nil, explainMisses: Bool) -> Result {
        guard !evidence.isEmpty else { return Result(score: 0, findings: [], misses: [], reviewExcess: 0) }
        // Documents asserting a concern sign: weak signs lean on them, and reviews among them are
        // weighed against the hotel's review volume.
        var concernDocuments: Set<DocumentKey> = []
        var reviewDocuments: Set<String> = []
        for item in evidence where item.signID < self.signs.count {
            if item.item.source == .review { reviewDocuments.insert(item.item.sourceID) }
            if self.signs[item.signID].kind == .concern {
                concernDocuments.insert(DocumentKey(source: item.item.source, id: item.item.sourceID))
            }
        }
        let volume = ReviewVolume(
            concernReviews: concernDocuments.filter { $0.source == .review }.count,
            reviews: max(reviewCount ?? 0, reviewDocuments.count), reviewCountKnown: reviewCount != nil,
            rate: self.parameters.backgroundRate)
        // Group by document; within a document, each sign counts once, at its strongest (newest) decay.
        var documents: [DocumentKey: [Int: (decay: Double, items: [Evidence], month: Int?, day: Int?)]] = [:]
        var documentOrder: [DocumentKey] = []
        var goodPractice: [Int: (decay: Double, items: [Evidence])] = [:]
        var ignoredWeak: [Int: [Evidence]] = [:]
        var sources: Set<EvidenceSource> = []
        var months: Set<Int> = []
        var reviewOnlyMonths: Set<Int> = []
        var otherMonths: Set<Int> = []
        var firstMonthDay: Int?
        var lastMonthDay: Int?
        for item in evidence where item.signID < self.signs.count {
            let sign = self.signs[item.signID]
            let factor = self.decay(item, today: today)
            if sign.kind == .goodPractice {
                var entry = goodPractice[item.signID] ?? (0, [])
                entry.decay = max(entry.decay, factor)
                entry.items.append(item.item)
                goodPractice[item.signID] = entry
                continue
            }
            let key = DocumentKey(source: item.item.source, id: item.item.sourceID)
            if sign.kind == .weak, self.parameters.weakSignsNeedConcern {
                let supported = switch self.parameters.weakSignScope {
                case .sameDocument: concernDocuments.contains(key)
                case .anyDocument: !concernDocuments.isEmpty
                }
                if !supported {
                    ignoredWeak[item.signID, default: []].append(item.item)
                    continue
                }
            }
            if documents[key] == nil {
                documents[key] = [:]
                documentOrder.append(key)
            }
            var entry = documents[key]![item.signID] ?? (0, [], item.month, item.day)
            entry.decay = max(entry.decay, factor)
            entry.items.append(item.item)
            documents[key]![item.signID] = entry
            if self.parameters.independentSources.contains(item.item.source), item.item.source != .review || volume.excess > 0 {
                sources.insert(item.item.source)
            }
            if let month = item.month, sign.kind == .concern {
                months.insert(month)
                if item.item.source == .review { reviewOnlyMonths.insert(month) } else { otherMonths.insert(month) }
                firstMonthDay = min(firstMonthDay ?? Int.max, item.day ?? Int.max)
                lastMonthDay = max(lastMonthDay ?? Int.min, item.day ?? Int.min)
            }
        }
        reviewOnlyMonths.subtract(otherMonths)
        var tallies: [Int: SignTally] = [:]
        var base = 0.0
        var reviewBase = 0.0
        for key in documentOrder {
            let signsInDocument = documents[key] ?? [:]
            var raw = 0.0
            for (signID, entry) in signsInDocument {
                raw += self.weight(self.signs[signID]) * entry.decay
            }
            guard raw > 0 else { continue }
            let kept = min(raw, self.parameters.perDocumentCap)
            let scale = kept / raw
            base += kept
            if key.source == .review { reviewBase += kept }
            for (signID, entry) in signsInDocument {
                var tally = tallies[signID] ?? SignTally()
                tally.contribution += self.weight(self.signs[signID]) * entry.decay * scale
                tally.documents.append(key)
                tally.capped = tally.capped || kept < raw
                tally.items += entry.items
                if let month = entry.month { tally.months.insert(month) }
                if let day = entry.day { tally.latest = max(tally.latest ?? day, day) }
                tallies[signID] = tally
            }
        }
        // Reviews count only for their excess over the background; the other sources in full.
        let volumeCut = reviewBase * (1 - volume.factor)
        base -= volumeCut
        let effectiveMonths = Double(otherMonths.count) + volume.factor * Double(reviewOnlyMonths.count)
        let recurrence = min(self.parameters.maxRecurrenceBonus, self.parameters.monthBonus * max(0, effectiveMonths - 1))
        let multiplier = sources.count >= 2
            ? min(self.parameters.maxCorroboration, 1 + self.parameters.corroborationStep * Double(sources.count - 1)) : 1
        var reduction = 0.0
        for (signID, entry) in goodPractice {
            reduction += abs(self.weight(self.signs[signID])) * entry.decay
        }
        reduction = min(reduction, self.parameters.maxGoodPracticeReduction)
        let positive = (base + recurrence) * multiplier
        let score = max(0, positive - reduction)

        var findings: [Finding] = []
        for (signID, tally) in tallies.sorted(by: { $0.value.contribution > $1.value.contribution }) {
            let sign = self.signs[signID]
            findings.append(
                Finding(
                    ruleID: "sign/\(sign.id)", title: sign.label, weight: self.weight(sign), outcome: nil,
                    contribution: Self.round(tally.contribution),
                    evidence: tally.items.sorted { ($0.date?.daysSinceEpoch ?? 0) > ($1.date?.daysSinceEpoch ?? 0) },
                    explanation: self.explain(sign, tally, reviewFactor: volume.factor), source: sign.source))
        }
        if recurrence > 0, let first = firstMonthDay, let last = lastMonthDay {
            findings.append(
                Finding(
                    ruleID: "hotel/recurrence", title: "Signs recur over time", weight: self.parameters.monthBonus,
                    outcome: nil, contribution: Self.round(recurrence), evidence: [],
                    explanation: "Concern signs were reported in \(months.count) different months between "
                        + "\(DayFormat.iso(first)) and \(DayFormat.iso(last))"
                        + (volume.factor < 1 && !reviewOnlyMonths.isEmpty
                            ? " (\(reviewOnlyMonths.count) of them from reviews alone, counted at \(volume.percent) for review volume)" : "")
                        + "; recurrence adds \(NumberFormat.short(recurrence)).",
                    source: Self.recurrenceSource))
        }
        if volume.concernReviews > 0, volume.expected > 0 {
            findings.append(self.volumeFinding(volume, cut: volumeCut))
        }
        if multiplier > 1 {
            let names = EvidenceSource.allCases.filter { sources.contains($0) }.map(\.rawValue)
            findings.append(
                Finding(
                    ruleID: "hotel/corroboration", title: "Independent sources agree",
                    weight: self.parameters.corroborationStep, outcome: nil,
                    contribution: Self.round((base + recurrence) * (multiplier - 1)), evidence: [],
                    explanation: "Signs come from \(sources.count) independent kinds of source (\(names.joined(separator: ", "))); "
                        + "the score is multiplied by \(Self.twoDecimals(multiplier)).",
                    source: Self.corroborationSource))
        }
        if reduction > 0 {
            let raw = goodPractice.reduce(0.0) { $0 + abs(self.weight(self.signs[$1.key])) * $1.value.decay }
            let share = raw > 0 ? reduction / raw : 0
            for (signID, entry) in goodPractice.sorted(by: { $0.key < $1.key }) {
                let sign = self.signs[signID]
                findings.append(
                    Finding(
                        ruleID: "good/\(sign.id)", title: sign.label, weight: self.weight(sign), outcome: nil,
                        contribution: -Self.round(share * abs(self.weight(sign)) * entry.decay), evidence: entry.items,
                        explanation: "\(sign.label): mentioned in \(entry.items.count) source(s); good practice lowers the score "
                            + "(at most \(NumberFormat.short(self.parameters.maxGoodPracticeReduction)) in all).",
                        source: sign.source))
            }
        }
        var misses: [Miss] = []
        if explainMisses {
            for (signID, items) in ignoredWeak.sorted(by: { $0.key < $1.key }) {
                let sign = self.signs[signID]
                misses.append(
                    Miss(
                        ruleID: "sign/\(sign.id)", title: sign.label,
                        reason: "\(sign.label) was reported \(items.count) time(s) but is a weak sign: it counts only "
                            + (self.parameters.weakSignScope == .sameDocument
                                ? "in a source document that also reports a concern sign, and these do not"
                                : "alongside a concern sign, and there is none"),
                        source: sign.source))
            }
            if base > 0, documentOrder.count == 1 {
                misses.append(
                    Miss(
                        ruleID: "hotel/recurrence", title: "Signs recur over time",
                        reason: "all signs come from one source document; one document can add at most "
                            + "\(NumberFormat.short(self.parameters.perDocumentCap))", source: Self.recurrenceSource))
            }
        }
        return Result(score: score, findings: findings, misses: misses, reviewExcess: volume.excess)
    }

    func explain(_ sign: SignDefinition, _ tally: SignTally, reviewFactor: Double = 1) -> String {
        var counts: [String] = []
        for source in EvidenceSource.allCases {
            var ids: [String] = []
            for document in tally.documents where document.source == source && !ids.contains(document.id) {
                ids.append(document.id)
            }
            guard !ids.isEmpty else { continue }
            let singular = source == .intelligence ? "intelligence record" : source == .register ? "register entry" : source.rawValue
            let noun = ids.count == 1 ? singular : (source == .register ? "register entries" : "\(singular)s")
            counts.append("\(ids.count) \(noun)")
        }
        var text = "\(sign.label): reported in \(counts.joined(separator: " and "))"
        if tally.months.count > 1 {
            text += " across \(tally.months.count) months"
        }
        if let latest = tally.latest {
            text += " (latest \(DayFormat.iso(latest)))"
        }
        text += "; adds \(NumberFormat.short(tally.contribution)) after age decay"
        if tally.capped {
            text += " and the per-document cap of \(NumberFormat.short(self.parameters.perDocumentCap))"
        }
        if reviewFactor < 1, tally.documents.contains(where: { $0.source == .review }) {
            text += ", before the review-volume adjustment"
        }
        return text + "."
    }

    /// `1.25`, `1.5`, `2`.
    static func twoDecimals(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let whole = hundredths / 100
        let fraction = hundredths % 100
        if fraction == 0 { return String(whole) }
        if fraction % 10 == 0 { return "\(whole).\(fraction / 10)" }
        return "\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    static func round(_ value: Double) -> Double {
        (value * 100).rounded() / 100
    }
}
