import Foundation
import SafeguardCore

extension HotelProfileBuilder {
    /// Data gaps with their size and how to fill them.
    func gaps(scope: ProfileScope, entries: [ProfileEntry], hotels: [HotelAssessment]) -> [DataGap] {
        var gaps: [DataGap] = []
        func share(_ part: Int, _ whole: Int) -> String {
            whole == 0 ? "0%" : "\(Int((Double(part) * 100 / Double(whole)).rounded()))%"
        }
        gaps.append(DataGap(
            title: "Hotels with no reviews",
            detail: "\(scope.hotelsWithoutReviews) of \(scope.hotels) hotels (\(share(scope.hotelsWithoutReviews, scope.hotels))) have no review linked to them, so the profile cannot see them through guests' eyes.",
            howToFill: "Add further review sites and booking platforms; ask taxi drivers, delivery staff and licence holders to use the whistle-blowing form; include these hotels in the next round of joint visits."))
        let unlicensed = scope.hotels - scope.licensedHotels
        gaps.append(DataGap(
            title: "Unlicensed hotels",
            detail: "\(unlicensed) of \(scope.hotels) hotels (\(share(unlicensed, scope.hotels))) hold no premises licence, so licensing conditions cannot reach them (report 5.6.23).",
            howToFill: "Joint task-force visits with the police; invite them into a Hotel Watch scheme and offer free Say Something If You See Something training."))
        let singleSource = entries.filter { $0.sources.count <= 1 }.count
        if !entries.isEmpty {
            gaps.append(DataGap(
                title: "Flagged hotels seen through one kind of source only",
                detail: "\(singleSource) of \(entries.count) flagged hotels rest on a single kind of source (for example reviews only); corroboration from another source would strengthen or dispel the concern.",
                howToFill: "Ask the missing-children team for return-interview intelligence naming hotels, and the police for incident data; record joint-visit findings in Safeguard."))
        }
        let noVisit = entries.filter { entry in !entry.timeline.contains { $0.source == EvidenceSource.visit.rawValue || $0.origin == "joint-visit" } }.count
        if !entries.isEmpty {
            gaps.append(DataGap(
                title: "No recent visit recorded",
                detail: "\(noVisit) of \(entries.count) flagged hotels have no joint-visit finding on record.",
                howToFill: "Record the outcome of every joint licensing task-force visit (clean or not) as intelligence of source `joint-visit`, so good practice lowers the score and concerns are confirmed."))
        }
        let noGeocode = scope.hotels - scope.hotelsWithGeocode
        if noGeocode > 0 {
            gaps.append(DataGap(
                title: "Hotels missing from the map",
                detail: "\(noGeocode) hotels have no geocode in the FHRS feed and are left off the map (they are still in every table).",
                howToFill: "Ask the food team to correct the address in the FHRS system; the next extract will carry the geocode."))
        }
        if scope.intelligenceRecords < max(1, scope.hotels / 20) {
            gaps.append(DataGap(
                title: "Little intelligence linked to hotels",
                detail: "Only \(scope.intelligenceRecords) intelligence records name a hotel.",
                howToFill: "Agree with police and children's services that return interviews and missing-episode debriefs record the hotel or address where a child was taken."))
        }
        return gaps
    }

    /// Recommendations: one per band above the lowest (its action and the hotels it concerns),
    /// then hotspots and data.
    func recommendations(entries: [ProfileEntry], districts: [DistrictSummary]) -> [String] {
        var result: [String] = []
        for band in self.bands.dropFirst().reversed() {
            let names = entries.filter { $0.band == band.id }.map { "\($0.name) (\($0.postcode))" }
            guard !names.isEmpty else { continue }
            result.append("\(band.action): \(names.joined(separator: "; ")).")
        }
        let hotspots = districts.filter { $0.flagged > 0 }.prefix(3).map(\.district)
        if !hotspots.isEmpty {
            result.append("Offer free Say Something If You See Something training to every hotel and B&B in \(hotspots.joined(separator: ", ")), where flagged premises cluster, and invite them into a Hotel Watch scheme.")
        }
        result.append("Share this profile with the police and children's services safeguarding leads; agree who leads each visit and record the outcome so the next profile reflects it.")
        result.append("Re-run the profile monthly (`safeguard profile hotels`) as new reviews, reports and intelligence arrive; a hotel leaving the list after a clean visit is a result, not an error.")
        return result
    }

    /// Method and caveats.
    func method() -> [String] {
        [
            "Nothing here proves exploitation; it shows where a visit is justified. Every flagged premises is listed with the findings and the evidence that explain its band, so an officer can check each one before acting.",
            "Sources: the FHRS feed lists the hotels, bed and breakfasts and guest houses; the premises licence register gives their licence status; review-site text, whistle-blowing reports and intelligence records are pseudonymised (names, phone numbers, e-mail addresses, plates and badges replaced by keyed tokens) and scanned for the warning signs of the health check report (5.6.13) before they are stored.",
            "A sign counts only where the text asserts it: negated, hypothetical and other-sense mentions (\"no smell of weed\", \"the kids club\") are ignored. Weak signs such as noise or dirt count only alongside concern signs.",
            "Scoring follows rules/hotels/scoring.yaml: each document adds the weights of its signs, decayed with age and capped so one angry review cannot flag a hotel; signs recurring across months and agreeing across independent sources (reviews, reports, intelligence, visits) raise the score; good practice (ID checked at check-in, night staff, a clean joint visit) lowers it. Bands map to actions.",
            "Caveats: review sites over-represent some hotels and miss others (see the data gaps); reviewers describe what they believe they saw; a hotel with no evidence is not a hotel without a problem. Rules never use ethnicity, religion, nationality or any other protected characteristic.",
            "Reproducibility: the ruleset hash below identifies the exact rules used; re-running with the same data and rules gives the same profile.",
        ]
    }
}
