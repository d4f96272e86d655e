/// `profile.csv`: the ranked flagged premises, one row each, with the same numbers as the HTML and JSON.
public struct ProfileCSVRenderer: Sendable {
    public var counts: CountStyle

    public init(counts: CountStyle = CountStyle()) {
        self.counts = counts
    }

    /// The header row.
    public static let columns = [
        "rank", "id", "name", "address", "postcode", "district", "score", "band", "action", "concern_items",
        "distinct_months", "sources", "reviews", "reports", "intelligence", "licence_status", "fhrs_rating",
        "good_practice", "top_reasons",
    ]

    /// Renders the CSV (RFC 4180, CRLF-free: LF line ends, fields quoted when needed).
    public func render(_ profile: HotelProfile) -> String {
        var lines = [Self.line(Self.columns)]
        for entry in profile.entries {
            lines.append(Self.line([
                String(entry.rank), entry.id, entry.name, entry.address, entry.postcode, entry.district,
                scoreText(entry.score), entry.band, entry.action, self.counts.text(entry.concernItems),
                String(entry.distinctMonths), entry.sources.joined(separator: ";"), self.counts.text(entry.reviewCount),
                self.counts.text(entry.reportCount), self.counts.text(entry.intelligenceCount),
                entry.licenceStatus ?? "unlicensed", entry.fhrsRating ?? "", entry.goodPractice.joined(separator: ";"),
                entry.topReasons.joined(separator: ";"),
            ]))
        }
        return lines.joined()
    }

    static func line(_ fields: [String]) -> String {
        fields.map { field in
            if field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
                return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            }
            return field
        }.joined(separator: ",") + "\n"
    }
}
