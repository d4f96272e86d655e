import Foundation
import SafeguardCore

/// One hotel as the profile needs it: what the registers say, the evidence linked to it and the
/// engine's decision. The CLI builds these from the store's hotel snapshots and `Engine.evaluate`.
public struct HotelAssessment: Sendable, Hashable {
    public var id: String
    public var name: String
    public var address: String
    public var postcode: String?
    public var localAuthority: String?
    public var latitude: Double?
    public var longitude: Double?
    public var fhrsRating: String?
    /// Latest licence status, nil when the hotel holds no premises licence.
    public var licenceStatus: String?
    public var reviewCount: Int
    public var reportCount: Int
    public var intelligenceCount: Int
    /// Evidence linked to the hotel from every source (pseudonymised snippets).
    public var evidence: [Evidence]
    public var score: Double
    public var band: String
    public var action: String
    public var findings: [ProfileFinding]

    public init(
        id: String, name: String, address: String, postcode: String?, localAuthority: String? = nil,
        latitude: Double?, longitude: Double?, fhrsRating: String?, licenceStatus: String?, reviewCount: Int,
        reportCount: Int, intelligenceCount: Int, evidence: [Evidence], score: Double, band: String, action: String,
        findings: [ProfileFinding]
    ) {
        self.id = id
        self.name = name
        self.address = address
        self.postcode = postcode
        self.localAuthority = localAuthority
        self.latitude = latitude
        self.longitude = longitude
        self.fhrsRating = fhrsRating
        self.licenceStatus = licenceStatus
        self.reviewCount = reviewCount
        self.reportCount = reportCount
        self.intelligenceCount = intelligenceCount
        self.evidence = evidence
        self.score = score
        self.band = band
        self.action = action
        self.findings = findings
    }

    /// Whether the hotel matches an `--area` filter (case-insensitive, on name, address,
    /// postcode, postcode district or authority).
    public func matches(area: String) -> Bool {
        let needle = area.lowercased().trimmingCharacters(in: .whitespaces)
        guard !needle.isEmpty else { return true }
        let district = HotelAssessment.district(of: self.postcode).lowercased()
        if district == needle { return true }
        for field in [self.name, self.address, self.postcode ?? "", self.localAuthority ?? ""] {
            if field.lowercased().contains(needle) { return true }
        }
        return false
    }

    /// The postcode district ("KV10" of "KV10 6SU"); "unknown" without a postcode.
    public static func district(of postcode: String?) -> String {
        guard let postcode, !postcode.isEmpty else { return "unknown" }
        let trimmed = postcode.uppercased().trimmingCharacters(in: .whitespaces)
        if let space = trimmed.firstIndex(of: " ") {
            return String(trimmed[..<space])
        }
        // No space: the inward code is always the last three characters.
        return trimmed.count > 3 ? String(trimmed.dropLast(3)) : trimmed
    }
}

extension Evidence {
    /// Whether the evidence records a joint visit (source `visit`, or intelligence from a `joint-visit`).
    public var isVisit: Bool {
        self.source == .visit || self.origin == "joint-visit"
    }

    /// Whether the evidence is on or after a day (undated evidence is kept).
    public func isOnOrAfter(_ day: CalendarDay?) -> Bool {
        guard let day, let date = self.date else { return true }
        return date >= day
    }
}
