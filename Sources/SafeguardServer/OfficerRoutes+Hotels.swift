import Foundation
import Hummingbird
import SafeguardCore
import SafeguardReports
import SafeguardRules
import SafeguardStore

/// `/officer/hotels`: every hotel of the hotel profile, scored by the hotel rules (the same engine
/// and facts as `safeguard profile hotels` and the premises page), flagged ones first, then by
/// band and score, each linking to its premises page. Read-only; each view is audited.
extension OfficerRoutes {
    func registerHotels(on router: Router<ServerRequestContext>) {
        router.get("/officer/hotels") { request, _ in
            try self.guarded(request, needsReports: false) { officer in
                let (token, headers) = self.services.csrf.issue(for: request)
                let ranking = try self.hotelRanking()
                let page = max(1, request.uri.queryParameters["page"].flatMap { Int($0) } ?? 1)
                try self.store.appendOfficerAudit(
                    at: self.minute(), actor: officer.user.username, action: "viewed", subject: "hotels",
                    detail: "\(ranking.rows.count) hotels, \(ranking.flagged) flagged, page \(page)")
                let body = OfficerNav.html(officer: officer, token: token) + HotelListPage(ranking: ranking, page: page).html
                return self.services.page("Hotels", body, headers: headers).plainResponse()
            }
        }
    }

    /// Scores every stored hotel as of today.
    func hotelRanking() throws -> HotelRanking {
        let ruleSet: RuleSet
        do {
            ruleSet = try RuleSetLoader.load(directory: URL(fileURLWithPath: self.services.configuration.rulesDirectory))
        } catch {
            throw HTTPError(.internalServerError, message: "The rules do not load; ask an admin to run `safeguard rules check`.")
        }
        let asOf = CalendarDay(daysSinceEpoch: Int(self.services.now().timeIntervalSince1970) / 86_400)
        return HotelRanking(snapshots: try self.store.hotels(), ruleSet: ruleSet, asOf: asOf)
    }
}

/// Every hotel with its score and band, ranked: flagged (above the lowest band) first, then the
/// higher band, the higher score (to one decimal, as shown), then by name.
struct HotelRanking: Sendable {
    struct Row: Sendable {
        var rank: Int
        /// The store's entity number (the premises page's id).
        var entity: Int64?
        var name: String
        var postcode: String
        var score: Double
        var band: String
        var flagged: Bool
        var reason: String?
        var reports: Int
        var reviews: Int
    }

    let asOf: CalendarDay
    let rows: [Row]
    var flagged: Int { self.rows.filter(\.flagged).count }

    init(snapshots: [HotelSnapshot], ruleSet: RuleSet, asOf: CalendarDay) {
        self.asOf = asOf
        let bands = (ruleSet.bands[.hotel] ?? []).sorted { $0.minimumScore < $1.minimumScore }
        let index = Dictionary(bands.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let engine = Engine(ruleSet: ruleSet)
        let scored = ParallelMap.map(snapshots, minimumChunk: 256) { snapshot in
            let facts = snapshot.facts(since: nil, asOf: asOf, scoring: ruleSet.hotelScoring)
            let decision = engine.evaluate(facts, asOf: asOf)
            return (snapshot, decision)
        }
        func round(_ score: Double) -> Double { (score * 10).rounded() / 10 }
        let ordered = scored.sorted { left, right in
            let a = (index[left.1.band] ?? 0, round(left.1.score))
            let b = (index[right.1.band] ?? 0, round(right.1.score))
            if a != b { return a > b }
            return (left.0.establishment.name, left.0.entityID) < (right.0.establishment.name, right.0.entityID)
        }
        self.rows = ordered.enumerated().map { offset, pair in
            let (snapshot, decision) = pair
            return Row(
                rank: offset + 1, entity: Int64(snapshot.entityID.dropFirst(snapshot.entityID.hasPrefix("E") ? 1 : 0)),
                name: snapshot.establishment.name, postcode: snapshot.establishment.postcode ?? "",
                score: decision.score, band: decision.band, flagged: (index[decision.band] ?? 0) > 0,
                reason: decision.findings.max { $0.contribution < $1.contribution }?.title,
                reports: snapshot.reportCount, reviews: snapshot.reviewCount)
        }
    }
}

/// The ranked table, 200 hotels a page (`Templates/hotels.mustache`).
struct HotelListPage {
    static let pageSize = 200
    let ranking: HotelRanking
    let page: Int

    var html: String { PageTemplates.render("hotels", self.context) }

    var context: [String: Any] {
        let rows = self.ranking.rows
        let pages = max(1, (rows.count + Self.pageSize - 1) / Self.pageSize)
        let page = min(self.page, pages)
        var context: [String: Any] = [
            "total": rows.count, "flagged": self.ranking.flagged, "asOf": self.ranking.asOf.description,
            "hasRows": !rows.isEmpty, "page": page, "pages": pages, "paged": pages > 1,
            "rows": rows.dropFirst((page - 1) * Self.pageSize).prefix(Self.pageSize).map { row -> [String: Any] in
                var item: [String: Any] = [
                    "rank": row.rank, "name": row.name, "postcode": row.postcode, "band": row.band, "flagged": row.flagged,
                    "score": scoreText(row.score), "reason": row.reason ?? "–", "reports": row.reports, "reviews": row.reviews,
                ]
                if let entity = row.entity { item["entity"] = String(entity) }
                return item
            },
        ]
        if page > 1 { context["previous"] = page - 1 }
        if page < pages { context["next"] = page + 1 }
        return context
    }
}
