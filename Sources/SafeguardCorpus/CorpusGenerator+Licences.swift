import Foundation
import SafeguardCore

extension CorpusGenerator {
    struct LicenceSummary {
        var rows: Int
        var hotelStatus: [Int: String]
    }

    static let licenceColumns = [
        "ExtractDate", "OrganisationURI", "OrganisationLabel", "CaseReference", "CaseDate", "ServiceTypeURI",
        "ServiceTypeLabel", "PremisesName", "LocationText", "Postcode", "EntertainmentTypeURI",
        "EntertainmentTypeLabel", "AlcoholSupply", "LateNightRefreshment", "OpeningHours", "LicenceHolder",
        "StatusLabel",
    ]

    private static let services = [
        ("http://id.esd.org.uk/service/1634", "Premises licence"),
        ("http://id.esd.org.uk/service/1655", "Club premises certificate"),
        ("http://id.esd.org.uk/service/1652", "Late night refreshment licence"),
    ]

    private static let entertainment = [
        ("http://id.esd.org.uk/EntertainmentType/1", "Live music"),
        ("http://id.esd.org.uk/EntertainmentType/2", "Recorded music"),
        ("http://id.esd.org.uk/EntertainmentType/3", "Performance of dance"),
        ("http://id.esd.org.uk/EntertainmentType/4", "Films, plays and indoor sporting events"),
    ]

    /// Writes the LGA premises-licence CSV: one case per licensed premises, several rows per case
    /// (its history, latest last). Returns the row count and each licensed hotel's current status.
    func writeLicences(hotels: [CorpusHotel], others: [Establishment], to url: URL) throws -> LicenceSummary {
        var rng = self.random(3)
        // Who is licensed: a third of hotels (every planted one), all pubs, many restaurants, some shops.
        var candidates: [(Establishment, isHotel: Bool, role: HotelRole)] = []
        for hotel in hotels where hotel.role == .planted || hotel.role == .goodPractice || rng.chance(0.3) {
            candidates.append((hotel.establishment, true, hotel.role))
        }
        for other in others {
            let probability: Double
            switch other.businessTypeID {
            case "7843": probability = 1
            case "1": probability = 0.55
            case "7844": probability = 0.45
            case "4613", "7840": probability = 0.4
            case "7841": probability = 0.5
            default: probability = 0
            }
            if rng.chance(probability) {
                candidates.append((other, false, .ordinary))
            }
        }
        let wanted = min(self.counts.premisesLicences, candidates.count)
        let keep = Set(rng.distinctIndices(wanted, of: candidates.count))
        let sink = try TextSink(url: url)
        try sink.write(csvLine(Self.licenceColumns))
        var rows = 0
        var status: [Int: String] = [:]
        var serial = 0
        for (index, candidate) in candidates.enumerated() where keep.contains(index) || candidate.role == .planted {
            serial += 1
            let item = candidate.0
            let pub = item.businessTypeID == "7843"
            let takeaway = item.businessTypeID == "7844"
            let service = takeaway ? Self.services[2] : (pub && rng.chance(0.1) ? Self.services[1] : Self.services[0])
            let granted = self.asOf.adding(days: -rng.int(200, 6_500))
            let reference = "KV/\(granted.components.year)/\(pad(serial, 5))"
            let holder = rng.chance(0.5)
                ? "\(rng.pick(CorpusVocabulary.firstNames).prefix(1)) \(rng.pick(CorpusVocabulary.lastNames))"
                : "\(rng.pick(CorpusVocabulary.lastNames)) & \(rng.pick(CorpusVocabulary.lastNames)) Leisure, Ltd"
            let location = rng.chance(0.85)
                ? item.address
                : "\(item.addressLine1)\n\(item.town)\n\(item.postcode ?? "")"
            let alcohol = takeaway ? "None" : (item.businessTypeID == "4613" ? "Off sales" : rng.pick(["On sales", "On and off sales"]))
            let closing = rng.pick(["23:00", "23:30", "00:00", "01:00", "02:00"])
            let hours = rng.chance(0.7)
                ? "Monday to Sunday \(pad(rng.int(7, 11), 2)):00 - \(closing)"
                : "Monday to Thursday: 10:00 to 23:00\nFriday and Saturday: 10:00 to \(closing)\nSunday: 12:00 to 22:30"
            let lateNight = takeaway || closing != "23:00" ? "Yes" : "No"
            let entertainmentType = candidate.isHotel || pub ? rng.pick(Self.entertainment) : ("", "")
            // History: grant, then maybe variations or a transfer, then maybe an end state.
            var history: [(CalendarDay, String)] = [(granted, "Granted")]
            var day = granted
            let events = rng.int(0, 3)
            for _ in 0..<events {
                day = day.adding(days: rng.int(90, 1_200))
                if day >= self.asOf { break }
                history.append((day, rng.chance(0.6) ? "Varied" : "Transferred"))
            }
            let ending = rng.unit()
            if candidate.role != .planted, candidate.role != .goodPractice, ending < 0.12 {
                let endDay = min(self.asOf.adding(days: -1), day.adding(days: rng.int(30, 900)))
                let endState = ending < 0.05 ? "Surrendered" : (ending < 0.08 ? "Lapsed" : (ending < 0.1 ? "Suspended" : "Revoked"))
                history.append((endDay, endState))
            }
            for (caseDate, label) in history {
                try sink.write(csvLine([
                    self.asOf.description, CorpusVocabulary.organisationURI, CorpusVocabulary.authorityLongName,
                    reference, caseDate.description, service.0, service.1, item.name, location, item.postcode ?? "",
                    entertainmentType.0, entertainmentType.1, alcohol, lateNight, hours, holder, label,
                ]))
                rows += 1
            }
            if candidate.isHotel {
                status[item.fhrsID] = history.last!.1
            }
        }
        try sink.close()
        return LicenceSummary(rows: rows, hotelStatus: status)
    }
}
