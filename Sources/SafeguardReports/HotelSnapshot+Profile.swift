import SafeguardCore

extension HotelSnapshot {
    /// The hotel's facts for the engine (`kind: hotel`), with evidence before `since` left out.
    ///
    /// With `asOf` and a recent window (`review-volume: recent-window` of the hotel scoring parameters),
    /// also `hotel.recent_review_count`: the reviews dated in that window ending on `asOf`, so the engine
    /// can see a recent burst of signs at a hotel with years of reviews.
    public func facts(since: CalendarDay?, asOf: CalendarDay, scoring: HotelScoringParameters?) -> EntityFacts {
        var facts = self.facts(since: since)
        if let scoring, scoring.recentWindowDays > 0 {
            let count = self.recentReviewCount(since: since, asOf: asOf, scoring: scoring)
            facts.fields["hotel.recent_review_count"] = .number(Double(count))
        }
        return facts
    }

    /// Reviews dated within the scoring's recent window ending on `asOf` (and on or after `since`).
    public func recentReviewCount(since: CalendarDay?, asOf: CalendarDay, scoring: HotelScoringParameters) -> Int {
        let today = asOf.daysSinceEpoch
        return self.reviewDates.filter { day in
            scoring.isRecent(day.daysSinceEpoch, today: today) && since.map { day >= $0 } != false
        }.count
    }

    /// The hotel's facts for the engine (`kind: hotel`), with evidence before `since` left out
    /// (without `hotel.recent_review_count`).
    public func facts(since: CalendarDay?) -> EntityFacts {
        let place = self.establishment
        var fields: [String: FactValue] = [
            "hotel.name": .string(place.name),
            "hotel.address": .string(place.addressLines.joined(separator: ", ")),
            "hotel.fhrs_id": .string(String(place.fhrsID)),
            "hotel.licensed": .bool(!self.licences.isEmpty && self.licenceStatus.map(HotelSnapshot.isInForce) == true),
            "hotel.review_count": .number(Double(self.reviewCount(since: since))),
        ]
        if let postcode = place.postcode { fields["hotel.postcode"] = .string(postcode) }
        if let type = place.businessType { fields["hotel.business_type"] = .string(type) }
        if let authority = place.localAuthorityName { fields["hotel.local_authority"] = .string(authority) }
        if let rating = place.ratingValue, let value = Double(rating) { fields["hotel.fhrs_rating"] = .number(value) }
        if let date = place.ratingDate { fields["hotel.rating_date"] = .date(date) }
        if let status = self.licenceStatus { fields["hotel.licence_status"] = .string(status) }
        let visits = self.evidence.filter(\.isVisit).compactMap(\.date)
        if let last = visits.max() { fields["hotel.last_visit"] = .date(last) }
        return EntityFacts(
            kind: .hotel, id: self.profileID, fields: fields, evidence: self.evidence.filter { $0.isOnOrAfter(since) })
    }

    /// The FHRS id as text (the profile's id for the hotel).
    public var profileID: String { String(self.establishment.fhrsID) }

    /// The latest licence's status ("Granted", "Revoked"), nil when unlicensed.
    public var licenceStatus: String? {
        guard let latest = self.licences.max(by: { ($0.caseDate ?? CalendarDay(daysSinceEpoch: Int.min)) < ($1.caseDate ?? CalendarDay(daysSinceEpoch: Int.min)) }) else {
            return nil
        }
        return latest.status ?? "status not given"
    }

    /// Reviews on or after `since` (all when nil).
    public func reviewCount(since: CalendarDay?) -> Int {
        guard let since else { return self.reviewCount }
        return self.reviewDates.filter { $0 >= since }.count
    }

    /// Whether a licence status means the licence is in force (conditions can be attached).
    static func isInForce(_ status: String) -> Bool {
        let ended = ["revoked", "surrendered", "lapsed", "expired", "refused", "withdrawn"]
        return !ended.contains(status.lowercased())
    }
}

extension HotelAssessment {
    /// The assessment of a stored hotel from the engine's decision.
    public init(snapshot: HotelSnapshot, decision: Decision, evidence: [Evidence], since: CalendarDay?) {
        let place = snapshot.establishment
        self.init(
            id: snapshot.profileID, name: place.name, address: place.addressLines.joined(separator: ", "),
            postcode: place.postcode, localAuthority: place.localAuthorityName, latitude: place.latitude,
            longitude: place.longitude, fhrsRating: place.ratingValue, licenceStatus: snapshot.licenceStatus,
            reviewCount: snapshot.reviewCount(since: since), reportCount: snapshot.reportCount,
            intelligenceCount: snapshot.intelligenceCount, evidence: evidence, score: decision.score,
            band: decision.band, action: decision.action,
            findings: decision.findings.map {
                ProfileFinding(rule: $0.ruleID, title: $0.title, contribution: $0.contribution, explanation: $0.explanation, source: $0.source)
            })
    }
}
