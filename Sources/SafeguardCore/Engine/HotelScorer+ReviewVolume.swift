/// Review volume: a big hotel's occasional stray concern mention is the background, not a pattern.
///
/// A hotel with many reviews collects some concern-sign hits by chance (a scanner false positive, an
/// unrelated remark). Its count of concern-bearing reviews is compared with `background-rate × reviews`
/// and review-based concern counts only in proportion to the excess; reports, intelligence and visits are
/// rarer, independent sources and are never discounted.
struct ReviewVolume {
    /// Reviews asserting at least one concern sign.
    var concernReviews: Int
    /// Reviews read for the hotel (at least the reviews present in the evidence).
    var reviews: Int
    /// Whether `reviews` came from the facts (`hotel.review_count`) rather than the evidence alone.
    var reviewCountKnown: Bool
    /// Concern-bearing reviews expected per review at a hotel with nothing going on.
    var rate: Double

    /// Concern-bearing reviews expected from the volume alone.
    var expected: Double { self.rate * Double(self.reviews) }

    /// Concern-bearing reviews beyond the expected number (0 when at or below the background).
    var excess: Double { max(0, Double(self.concernReviews) - self.expected) }

    /// The share of review-based concern that counts: the excess over all concern-bearing reviews.
    var factor: Double {
        self.concernReviews > 0 ? self.excess / Double(self.concernReviews) : 1
    }

    /// `75%`.
    var percent: String { "\(Int((self.factor * 100).rounded()))%" }

    /// `1 in 100 reviews`, or `0.4% of reviews` when the rate is not one in a whole number.
    var rateText: String {
        let oneIn = 1 / self.rate
        if abs(oneIn - oneIn.rounded()) < 0.01 { return "1 in \(Self.grouped(Int(oneIn.rounded()))) reviews" }
        return "\(NumberFormat.short(self.rate * 100))% of reviews"
    }

    /// `1,150`.
    static func grouped(_ value: Int) -> String {
        let digits = String(abs(value))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out += "," }
            out.append(digit)
        }
        return (value < 0 ? "-" : "") + out
    }
}

extension HotelScorer {
    static let reviewVolumeSource =
        "Health check report 5.6.23 (user review sites used to identify premises where a visit may be needed); "
        + "a flag means signs recur here more than the background rate of review-site mentions"

    /// The `hotel/review-volume` finding: how many reviews carry concern signs, how many the volume
    /// would produce anyway, and what that took off.
    func volumeFinding(_ volume: ReviewVolume, cut: Double) -> Finding {
        let noun = volume.concernReviews == 1 ? "review" : "reviews"
        let outOf = volume.reviewCountKnown
            ? "out of \(ReviewVolume.grouped(volume.reviews))"
            : "out of at least \(ReviewVolume.grouped(volume.reviews)) (the hotel's review count was not given)"
        var text = "\(volume.concernReviews) \(noun) with concern signs \(outOf); about \(NumberFormat.short(volume.expected)) "
            + "expected at the background rate of \(volume.rateText). "
        if volume.excess <= 0 {
            text += "That is no more than the background, so review-based signs add nothing on their own"
        } else {
            text += "Only the excess counts: review-based signs count for \(volume.percent)"
        }
        if cut > 0.005 {
            text += " (\(NumberFormat.short(cut)) taken off)"
        }
        text += "; reports, intelligence and visits are not discounted."
        return Finding(
            ruleID: "hotel/review-volume", title: "Weighed against the hotel's review volume",
            weight: self.parameters.backgroundRate, outcome: nil, contribution: -Self.round(cut), evidence: [],
            explanation: text, source: Self.reviewVolumeSource)
    }
}
