import Foundation
import SafeguardCore

extension CorpusGenerator {
    static let intelligenceColumns = [
        "id", "date", "source", "premises_name", "address", "postcode", "vehicle_registration", "badge_number",
        "signs", "summary",
    ]

    /// What a reporter would write as the short "what was seen" line for a sign.
    private static let seenLine: [String: String] = [
        "young-people": "young girls with older men", "night-traffic": "people coming and going all night",
        "men-loitering": "men hanging around outside", "cash-only": "rooms paid in cash",
        "no-id-check": "no ID asked at check-in", "condoms": "condoms left outside",
        "drug-use": "needles and drug use", "cannabis-smell": "smell of cannabis",
        "drug-dealing": "drug dealing in the car park", "oversight-lacking": "nobody on reception at night",
        "screaming": "screaming from a room", "sex-work": "escorts brought in", "pornography": "porn left in rooms",
    ]

    private static let reporterIntro: [(role: String, text: String)] = [
        ("taxi-driver", "I drive private hire and do a lot of pick-ups at the {hotel}."),
        ("hotel-staff", "I did a few night shifts at the {hotel} through an agency."),
        ("public", "I live across the road from the {hotel}."),
        ("licence-holder", "I run a bar a few doors down from the {hotel}."),
        ("other", "I deliver to the {hotel} late at night."),
    ]

    /// Writes the whistle-blowing reports (JSONL) and intelligence records (CSV): the planted
    /// hotels' corroboration first, then ordinary ones (taxis, other hotels, pubs).
    func writeReportsAndIntelligence(
        hotels: [CorpusHotel], taxis: TaxiSummary, directory: URL
    ) throws -> (reports: Int, intelligence: Int) {
        var rng = self.random(6)
        var reports: [(day: CalendarDay, line: String)] = []
        var intelligence: [(day: CalendarDay, fields: [String])] = []
        func contact() -> String {
            guard rng.chance(0.4) else { return "null" }
            let first = rng.pick(CorpusVocabulary.firstNames)
            let last = rng.pick(CorpusVocabulary.lastNames)
            return "{\"name\": \(jsonString("\(first) \(last)")), \"phone\": \"07700 900\(pad(rng.int(0, 999), 3))\", \"email\": \(jsonString("\(first.lowercased()).\(last.lowercased())@example.com"))}"
        }
        func report(
            day: CalendarDay, role: String, seen: String, signs: [String], text: String, premises: String,
            address: String, postcode: String, vehicle: String = "", badge: String = "", age: String? = nil,
            dangerNow: Bool = false
        ) {
            let received = day.adding(days: rng.int(0, 3))
            let when = "\(day)T\(pad(rng.int(19, 23), 2)):\(rng.pick(["00", "15", "30", "45"]))"
            var line = "{\"id\": \"WB-\(pad(reports.count + 1, 4))\", \"received\": \"\(received)\", \"role\": \"\(role)\", "
            line += "\"seen\": \(jsonString(seen)), \"signs\": [\(signs.map(jsonString).joined(separator: ", "))], \"text\": \(jsonString(text)), "
            line += "\"where\": {\"premises\": \(jsonString(premises)), \"address\": \(jsonString(address)), \"postcode\": \(jsonString(postcode)), \"vehicle\": \(jsonString(vehicle)), \"badge\": \(jsonString(badge))}, "
            line += "\"when\": \"\(when)\", \"apparent-age\": \(age.map(jsonString) ?? "null"), \"danger-now\": \(dangerNow), \"contact\": \(contact())}"
            reports.append((received, line))
        }
        func intel(day: CalendarDay, source: String, hotel: Establishment?, vehicle: String = "", badge: String = "", signs: [String], summary: String) {
            intelligence.append((day, [
                "", day.description, source, hotel?.name ?? "", hotel?.address ?? "", hotel?.postcode ?? "",
                vehicle, badge, signs.joined(separator: ";"), summary,
            ]))
        }
        func sentence(_ sign: String) -> String {
            rng.pick(ReviewPhrasebook.signSentences[sign] ?? [""])
        }
        func recentDay() -> CalendarDay { self.asOf.adding(days: -rng.int(5, 540)) }

        // Planted hotels: corroboration from several independent sources.
        var dangerUsed = false
        for hotel in hotels where hotel.role == .planted {
            let place = hotel.establishment
            for number in 0..<hotel.plantedReports {
                let intro = Self.reporterIntro[number % Self.reporterIntro.count]
                let first = hotel.plantedSigns[number % hotel.plantedSigns.count]
                let second = hotel.plantedSigns[(number + 1) % hotel.plantedSigns.count]
                let text = intro.text.replacingOccurrences(of: "{hotel}", with: place.name)
                    + " " + sentence(first) + " " + sentence(second)
                    + " " + rng.pick(["It has been going on for months.", "I did not know who else to tell.", "Please do something.", "It happens most weekends."])
                let young = first == "young-people" || second == "young-people"
                report(
                    day: recentDay(), role: intro.role, seen: Self.seenLine[first] ?? first, signs: [first, second],
                    text: text, premises: place.name, address: place.address, postcode: place.postcode ?? "",
                    age: young ? rng.pick(["13-15", "16-17"]) : nil, dangerNow: young && !dangerUsed)
                if young { dangerUsed = true }
            }
            let sources = ["return-interview", "police", "complaint", "return-interview", "alcohol-seizure"]
            for number in 0..<hotel.plantedIntelligence {
                let sign = hotel.plantedSigns[(number + 2) % hotel.plantedSigns.count]
                let other = hotel.plantedSigns[number % hotel.plantedSigns.count]
                let source = sources[number % sources.count]
                let summary: String
                switch source {
                case "return-interview":
                    summary = "Return interview after a missing episode: the young person said she had been taken to the \(place.name) by older men. " + sentence(sign)
                case "police" where other != sign:
                    summary = "Police attended the \(place.name) after a call at night. " + sentence(sign) + " " + sentence(other)
                case "alcohol-seizure":
                    summary = "Alcohol seized from a group near the \(place.name); officers noted: " + sentence(sign)
                default:
                    summary = "Complaint from a neighbour about the \(place.name). " + sentence(sign)
                }
                intel(day: recentDay(), source: source, hotel: place, signs: source == "police" && other != sign ? [sign, other] : [sign], summary: summary)
            }
        }
        // Good-practice hotels: a clean joint visit.
        for hotel in hotels where hotel.role == .goodPractice {
            intel(
                day: self.asOf.adding(days: -rng.int(20, 300)), source: "joint-visit", hotel: hotel.establishment,
                signs: ["id-checked", "security-present"],
                summary: "Joint licensing visit: they asked for photo ID at check-in for walk-in bookings, a night porter is on duty and CCTV covers the car park. Staff had taken Say Something If You See Something training.")
        }
        // The rest: taxis, ordinary hotels, pubs.
        let ordinaryHotels = hotels.filter { $0.role == .ordinary || $0.role == .unreviewed }.map(\.establishment)
        while reports.count < self.counts.reports {
            let day = recentDay()
            switch reports.count % 3 {
            case 0 where !taxis.concerningDrivers.isEmpty:
                let driver = rng.pick(taxis.concerningDrivers)
                report(
                    day: day, role: "public", seen: "girls picked up from outside the school",
                    signs: ["young-people"],
                    text: "A private hire car, reg \(driver.registration), keeps picking up young girls outside the academy gates after school and the driver gives them cigarettes. The badge said \(driver.badge).",
                    premises: "", address: "", postcode: "", vehicle: driver.registration, badge: driver.badge,
                    age: "13-15")
            case 1 where !ordinaryHotels.isEmpty:
                let place = rng.pick(ordinaryHotels)
                report(
                    day: day, role: "public", seen: "noisy party", signs: ["noise"],
                    text: "Loud music from the \(place.name) until 2am on a Saturday. Probably just a party but it woke the street.",
                    premises: place.name, address: place.address, postcode: place.postcode ?? "")
            default:
                let driver = taxis.ordinaryDrivers.isEmpty ? (badge: "", registration: "") : rng.pick(taxis.ordinaryDrivers)
                report(
                    day: day, role: "taxi-driver", seen: "passenger worried about a friend", signs: [],
                    text: "Picked up a woman from the station who was worried about her friend. Passed on the details as the training said. Nothing else to add.",
                    premises: "", address: "", postcode: "", vehicle: driver.registration, badge: driver.badge)
            }
        }
        while intelligence.count < self.counts.intelligence {
            let day = recentDay()
            if intelligence.count % 2 == 0, !taxis.concerningDrivers.isEmpty {
                let driver = rng.pick(taxis.concerningDrivers)
                intel(
                    day: day, source: "police", hotel: nil, vehicle: driver.registration, badge: driver.badge,
                    signs: ["young-people"],
                    summary: "Vehicle seen several times at night dropping teenage girls at addresses across the borough; driver known by his first name to the girls.")
            } else if !ordinaryHotels.isEmpty {
                let place = rng.pick(ordinaryHotels)
                intel(
                    day: day, source: rng.pick(["alcohol-seizure", "other", "complaint"]), hotel: place, signs: [],
                    summary: "Alcohol seized from two adults drinking in the car park of the \(place.name). No concerns about the premises recorded.")
            }
        }

        reports.sort { $0.day < $1.day }
        let reportSink = try TextSink(url: directory.appendingPathComponent(Layout.reports))
        for (offset, item) in reports.enumerated() {
            // Receipt codes follow the order received.
            let renumbered = item.line.replacingOccurrences(
                of: #"^\{"id": "WB-\d{4}""#, with: "{\"id\": \"WB-\(pad(offset + 1, 4))\"", options: .regularExpression)
            try reportSink.write(renumbered + "\n")
        }
        try reportSink.close()
        intelligence.sort { $0.day < $1.day }
        let intelSink = try TextSink(url: directory.appendingPathComponent(Layout.intelligence))
        try intelSink.write(csvLine(Self.intelligenceColumns))
        for (offset, item) in intelligence.enumerated() {
            var fields = item.fields
            fields[0] = "INT-\(pad(offset + 1, 4))"
            try intelSink.write(csvLine(fields))
        }
        try intelSink.close()
        return (reports.count, intelligence.count)
    }
}
