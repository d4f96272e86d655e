import Foundation
import SafeguardCore
@testable import SafeguardReports

/// Hand-made hotels and signs for the report tests.
enum ProfileFixtures {
    static let asOf = CalendarDay(iso: "2026-11-01")!

    static let signs: [SignDefinition] = [
        SignDefinition(id: "young-people", label: "Teenagers or children unaccompanied", source: "5.6.13", weight: 5, kind: .concern, phrases: []),
        SignDefinition(id: "cash-only", label: "Cash only", source: "Sheffield", weight: 2, kind: .concern, phrases: []),
        SignDefinition(id: "noise", label: "Ordinary noise complaints", source: "Sheffield", weight: 1, kind: .weak, phrases: []),
        SignDefinition(id: "id-checked", label: "Good practice - photo ID or age checked at check-in", source: "5.6.14", weight: -2, kind: .goodPractice, phrases: []),
    ]

    static let bands: [HotelProfileBuilder.Band] = [
        .init(id: "none", action: "No action"),
        .init(id: "monitor", action: "Monitor"),
        .init(id: "advisory-letter", action: "Advisory letter and training offer"),
        .init(id: "visit", action: "Joint licensing task-force visit with a CSE-trained officer"),
    ]

    static func evidence(_ sign: String, _ source: EvidenceSource, _ id: String, _ date: String, _ snippet: String = "snippet") -> Evidence {
        Evidence(sign: sign, source: source, sourceID: id, date: CalendarDay(iso: date), snippet: snippet, origin: source == .review ? "booking.com" : nil)
    }

    static func hotel(
        _ id: String, _ name: String, postcode: String, score: Double, band: String, evidence: [Evidence] = [],
        reviews: Int = 10, reports: Int = 0, intelligence: Int = 0, licence: String? = nil, latitude: Double? = 53.6
    ) -> HotelAssessment {
        HotelAssessment(
            id: id, name: name, address: "1 Station Road, Kelverton", postcode: postcode, latitude: latitude,
            longitude: latitude.map { _ in -2.5 - Double(id.count) * 0.01 }, fhrsRating: "4", licenceStatus: licence,
            reviewCount: reviews, reportCount: reports, intelligenceCount: intelligence, evidence: evidence, score: score,
            band: band, action: bands.first { $0.id == band }!.action,
            findings: [
                ProfileFinding(rule: "sign/young-people", title: "Young people seen", contribution: score * 0.6, explanation: "Young people mentioned.", source: "5.6.13"),
                ProfileFinding(rule: "hotel-signs-recur-recently", title: "Signs recur", contribution: score * 0.4, explanation: "Recurring.", source: "5.6.13"),
            ])
    }

    /// Five hotels: one visit, one advisory, one monitor (small counts), two none (one unreviewed, one without geocode).
    static func profile() -> HotelProfile {
        let hotels = [
            hotel("101", "Beverley House Hotel", postcode: "KV10 6SU", score: 21.44, band: "visit", evidence: [
                evidence("young-people", .review, "R1", "2026-09-03", "Teenage girls hanging around reception"),
                evidence("young-people", .report, "WB-0001", "2026-08-03"),
                evidence("cash-only", .intelligence, "INT-0001", "2026-05-20"),
                evidence("young-people", .review, "R2", "2026-02-11"),
                evidence("cash-only", .review, "R3", "2025-12-01"),
                evidence("young-people", .review, "R4", "2025-10-01"),
                evidence("noise", .review, "R5", "2026-01-01"),
            ], reviews: 49, reports: 4, intelligence: 6, licence: "Granted"),
            hotel("102", "Eastleigh Inn", postcode: "KV10 3TT", score: 12.06, band: "advisory-letter", evidence: [
                evidence("cash-only", .review, "R6", "2026-07-03"),
                evidence("cash-only", .review, "R7", "2026-03-03"),
            ], reviews: 3, reports: 2),
            hotel("103", "Savoy <Inn> & \"Bar\"", postcode: "KV2 3EH", score: 6.0, band: "monitor", evidence: [
                evidence("cash-only", .review, "R8", "2026-06-03"),
                evidence("id-checked", .review, "R9", "2026-06-04"),
            ], reviews: 7, reports: 1, intelligence: 0),
            hotel("104", "Quiet Lodge", postcode: "KV1 1AA", score: 0, band: "none", reviews: 0),
            hotel("105", "Harbour B&B", postcode: "KV1 2BB", score: 1, band: "none", evidence: [
                evidence("noise", .review, "R10", "2026-01-05"),
            ], latitude: nil),
        ]
        let builder = HotelProfileBuilder(
            area: "Kelverton", asOf: asOf, rulesetHash: String(repeating: "ab", count: 32),
            extracts: [DataExtract(source: "FHRS hotel feed", extractDate: asOf, records: 5)], bands: bands, signs: signs)
        return builder.build(hotels)
    }
}
