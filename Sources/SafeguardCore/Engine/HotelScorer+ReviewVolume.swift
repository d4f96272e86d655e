/// Review volume: a big hotel's occasional stray concern mention is the background, not a pattern.
///
/// A hotel with many reviews collects some concern-sign hits by chance (a scanner false positive, an
/// unrelated remark). Its count of concern-bearing reviews is compared with `background-rate × reviews`,
/// over all time and, when the recent review count is known, within the recent window too (a burst of
/// signs in the last months of a big hotel's long history is not background). The larger excess counts:
/// review-based concern counts only in proportion to it; reports, intelligence and visits are rarer,
/// independent sources and are never discounted.
struct ReviewVolume {
    /// The comparison within the recent window.
    struct Window {
        /// The window's length in days (`review-volume: recent-window`).
        var days: Double
        /// Reviews dated within the window asserting at least one concern sign.
        var concernReviews: Int
        /// Reviews dated within the window (at least those present in the evidence).
        var reviews: Int
    }

    /// Reviews asserting at least one concern sign.
    var concernReviews: Int
    /// Reviews read for the hotel (at least the reviews present in the evidence).
    var reviews: Int
    /// Whether `reviews` came from the facts (`hotel.review_count`) rather than the evidence alone.
    var reviewCountKnown: Bool
    /// Concern-bearing reviews expected per review at a hotel with nothing going on.
    var rate: Double
    /// The recent comparison; nil when `hotel.recent_review_count` was not given or the window is off.
    var recent: Window? = nil
    /// The configured recent window in days (0: off).
    var windowDays: Double = 0

    /// Concern-bearing reviews expected from the volume alone.
    var expected: Double { self.rate * Double(self.reviews) }

    /// Concern-bearing reviews expected within the recent window (nil without one).
    var recentExpected: Double? { self.recent.map { self.rate * Double($0.reviews) } }

    /// Concern-bearing reviews beyond the expected number over all time (0 when at or below the background).
    var allTimeExcess: Double { max(0, Double(self.concernReviews) - self.expected) }

    /// Concern-bearing reviews beyond the expected number within the recent window (0 without one).
    var recentExcess: Double {
        guard let recent = self.recent, let expected = self.recentExpected else { return 0 }
        return max(0, Double(recent.concernReviews) - expected)
    }

    /// Whether the recent window shows the larger excess (and so decides what counts).
    var recentDecides: Bool { self.recentExcess > self.allTimeExcess }

    /// The larger of the all-time and the recent excess (the derived fact `hotel.review_concern_excess`).
    var excess: Double { max(self.allTimeExcess, self.recentExcess) }

    /// The share of review-based concern that counts: the excess over all concern-bearing reviews.
    var factor: Double {
        self.concernReviews > 0 ? min(1, self.excess / Double(self.concernReviews)) : 1
    }

    /// `the last 12 months`, `the last 90 days`.
    var windowText: String {
        let days = self.recent?.days ?? self.windowDays
        let months = days / 30.4375
        if months >= 1, abs(months - months.rounded()) < 0.05 {
            let whole = Int(months.rounded())
            return "the last \(whole) month\(whole == 1 ? "" : "s")"
        }
        let whole = Int(days.rounded())
        return "the last \(whole) day\(whole == 1 ? "" : "s")"
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
    /// would produce anyway (over all time and in the recent window), and what that took off.
    func volumeFinding(_ volume: ReviewVolume, cut: Double) -> Finding {
        let noun = volume.concernReviews == 1 ? "review" : "reviews"
        let outOf = volume.reviewCountKnown
            ? "out of \(ReviewVolume.grouped(volume.reviews))"
            : "out of at least \(ReviewVolume.grouped(volume.reviews)) (the hotel's review count was not given)"
        var text = "\(volume.concernReviews) \(noun) with concern signs \(outOf); about \(NumberFormat.short(volume.expected)) "
            + "expected at the background rate of \(volume.rateText). "
        if let recent = volume.recent, let expected = volume.recentExpected {
            let recentNoun = recent.concernReviews == 1 ? "review" : "reviews"
            text += "In \(volume.windowText): \(recent.concernReviews) \(recentNoun) with concern signs out of "
                + "\(ReviewVolume.grouped(recent.reviews)); about \(NumberFormat.short(expected)) expected. "
        }
        if volume.excess <= 0 {
            text += volume.recent == nil
                ? "That is no more than the background, so review-based signs add nothing on their own"
                : "Neither is more than the background, so review-based signs add nothing on their own"
        } else if volume.recentDecides {
            text += "The excess in \(volume.windowText) is the larger (about \(NumberFormat.short(volume.recentExcess)) reviews "
                + "beyond the background), so it counts: review-based signs count for \(volume.percent)"
        } else {
            text += "Only the excess counts: review-based signs count for \(volume.percent)"
        }
        if cut > 0.005 {
            text += " (\(NumberFormat.short(cut)) taken off)"
        }
        text += "; reports, intelligence and visits are not discounted."
        if volume.recent == nil, volume.windowDays > 0 {
            text += " The hotel's review count for \(volume.windowText) was not given, so a recent burst was not checked."
        }
        return Finding(
            ruleID: "hotel/review-volume", title: "Weighed against the hotel's review volume",
            weight: self.parameters.backgroundRate, outcome: nil, contribution: -Self.round(cut), evidence: [],
            explanation: text, source: Self.reviewVolumeSource)
    }
}
