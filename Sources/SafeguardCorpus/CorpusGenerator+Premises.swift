import Foundation
import SafeguardCore

extension CorpusGenerator {
    private static let postcodeLetters = Array("ABDEFGHJLNPQRSTUWXYZ")

    /// Hotels and B&Bs with their roles: planted, rant, good practice, noise-only, unreviewed, ordinary.
    func makeHotels() -> [CorpusHotel] {
        var rng = self.random(1)
        let count = self.counts.hotels
        var names = Set<String>()
        var hotels: [CorpusHotel] = []
        hotels.reserveCapacity(count)
        for index in 0..<count {
            var establishment = self.makeEstablishment(
                fhrsID: 700_000 + index, rng: &rng, names: &names,
                name: { rng in
                    "\(rng.pick(CorpusVocabulary.hotelStems)) \(rng.pick(CorpusVocabulary.hotelKinds))"
                })
            establishment.businessType = "Hotel/bed & breakfast/guest house"
            establishment.businessTypeID = "7842"
            let weight = rng.chance(0.15) ? rng.int(20, 60) : rng.int(1, 20)
            hotels.append(CorpusHotel(
                establishment: establishment, role: .ordinary, plantedSigns: [], reviewWeight: weight,
                quality: rng.unit(), licenceCase: nil, plantedReviewHits: 0, plantedMonths: 0,
                plantedReports: 0, plantedIntelligence: 0))
        }
        // Roles on distinct hotels.
        let k = self.scale
        let planted = min(count, PlantedPattern.base.count * k)
        let rants = min(count - planted, 3 * k)
        let good = min(count - planted - rants, 6 * k)
        let noisy = min(count - planted - rants - good, 4 * k)
        let unreviewed = (count - planted - rants - good - noisy) * 3 / 10
        let chosen = rng.distinctIndices(planted + rants + good + noisy + unreviewed, of: count)
        var cursor = 0
        for step in 0..<planted {
            let pattern = PlantedPattern.base[step % PlantedPattern.base.count]
            var hotel = hotels[chosen[cursor]]
            hotel.role = .planted
            hotel.plantedSigns = pattern.signs
            hotel.plantedReviewHits = pattern.reviewHits
            hotel.plantedMonths = pattern.months
            hotel.plantedReports = pattern.reports
            hotel.plantedIntelligence = pattern.intelligence
            hotel.reviewWeight = max(hotel.reviewWeight, 25)
            hotel.establishment.rating = pattern.rating
            hotel.establishment.ratingDate = self.asOf.adding(days: -rng.int(60, 900))
            hotel.establishment.scores = Self.scores(for: pattern.rating, rng: &rng)
            hotels[chosen[cursor]] = hotel
            cursor += 1
        }
        for (role, amount) in [(HotelRole.rant, rants), (.goodPractice, good), (.noiseOnly, noisy), (.unreviewed, unreviewed)] {
            for _ in 0..<amount {
                hotels[chosen[cursor]].role = role
                switch role {
                case .rant, .goodPractice:
                    hotels[chosen[cursor]].quality = 0.85 + 0.15 * rng.unit()
                    hotels[chosen[cursor]].reviewWeight = max(hotels[chosen[cursor]].reviewWeight, 20)
                case .noiseOnly:
                    hotels[chosen[cursor]].reviewWeight = max(hotels[chosen[cursor]].reviewWeight, 25)
                    hotels[chosen[cursor]].plantedSigns = ["noise", "dirty"]
                case .unreviewed:
                    hotels[chosen[cursor]].reviewWeight = 0
                default:
                    break
                }
                cursor += 1
            }
        }
        return hotels
    }

    /// Other food businesses (restaurants, takeaways, shops, pubs, care homes, ...).
    func makeOtherBusinesses(startingID: Int) -> [Establishment] {
        var rng = self.random(2)
        var names = Set<String>()
        let types = CorpusVocabulary.foodTypes
        let totalShare = types.reduce(0) { $0 + $1.share }
        var result: [Establishment] = []
        result.reserveCapacity(self.counts.otherBusinesses)
        for index in 0..<self.counts.otherBusinesses {
            var roll = rng.index(totalShare)
            var type = types[0]
            for candidate in types {
                if roll < candidate.share {
                    type = candidate
                    break
                }
                roll -= candidate.share
            }
            var establishment = self.makeEstablishment(
                fhrsID: startingID + index, rng: &rng, names: &names,
                name: { rng in
                    "\(rng.pick(CorpusVocabulary.foodStems)) \(rng.pick(type.nouns))"
                })
            establishment.businessType = type.name
            establishment.businessTypeID = type.id
            if type.id == "4613", rng.chance(0.08) {
                establishment.rating = "Exempt"
                establishment.scores = nil
            }
            if rng.chance(0.005) {
                establishment.postcode = nil
            }
            result.append(establishment)
        }
        return result
    }

    private func makeEstablishment(
        fhrsID: Int, rng: inout SeededRandom, names: inout Set<String>, name: (inout SeededRandom) -> String
    ) -> Establishment {
        var chosenName = name(&rng)
        var attempt = 0
        while names.contains(chosenName) {
            attempt += 1
            chosenName = attempt < 8 ? name(&rng) : "\(name(&rng)) \(attempt)"
        }
        names.insert(chosenName)
        let district = rng.pick(CorpusVocabulary.districts)
        let postcode = "\(district.code) \(rng.int(1, 9))\(rng.pick(Self.postcodeLetters))\(rng.pick(Self.postcodeLetters))"
        let street = "\(rng.int(1, 240)) \(rng.pick(CorpusVocabulary.streets))"
        let roll = rng.unit()
        let rating: String
        switch roll {
        case ..<0.55: rating = "5"
        case ..<0.77: rating = "4"
        case ..<0.87: rating = "3"
        case ..<0.92: rating = "2"
        case ..<0.96: rating = "1"
        case ..<0.97: rating = "0"
        default: rating = "AwaitingInspection"
        }
        let awaiting = rating == "AwaitingInspection"
        let ratingDate: CalendarDay? = awaiting && rng.chance(0.6) ? nil : self.asOf.adding(days: -rng.int(20, 1_800))
        let hasGeocode = rng.chance(0.99)
        return Establishment(
            fhrsID: fhrsID,
            localAuthorityBusinessID: "PI/\(pad(100_000 + fhrsID % 900_000, 9))",
            name: chosenName, businessType: "", businessTypeID: "",
            addressLine1: street, town: district.town, postcode: postcode, district: district.code,
            rating: rating, ratingDate: ratingDate,
            scores: awaiting ? nil : Self.scores(for: rating, rng: &rng),
            latitude: hasGeocode ? district.latitude + rng.int(-110_000, 110_000) : nil,
            longitude: hasGeocode ? district.longitude + rng.int(-180_000, 180_000) : nil)
    }

    /// FHRS component scores consistent with a rating (lower is better).
    static func scores(for rating: String, rng: inout SeededRandom) -> (hygiene: Int, structural: Int, confidence: Int)? {
        guard let value = Int(rating) else { return nil }
        let band = 5 - value
        let hygiene = min(25, band * 5 + (rng.chance(0.5) ? 0 : 5))
        let structural = min(25, band * 5 + (rng.chance(0.6) ? 0 : 5))
        let confidence = min(30, band * 5 + (rng.chance(0.5) ? 0 : 5))
        return (hygiene, structural, confidence)
    }

    /// Writes one FHRS XML document in the FSA's exact element structure (single line, no pretty-printing).
    func writeFHRS(hotels: [CorpusHotel], others: [Establishment], to url: URL) throws {
        let sink = try TextSink(url: url)
        // Hotels interleaved with the other businesses, ordered by name as the FSA files are.
        var all = hotels.map(\.establishment) + others
        all.sort { $0.name.lowercased() < $1.name.lowercased() || ($0.name.lowercased() == $1.name.lowercased() && $0.fhrsID < $1.fhrsID) }
        try sink.write("<?xml version=\"1.0\"?><FHRSEstablishment xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><Header><ExtractDate>\(self.asOf)</ExtractDate><ItemCount>\(all.count)</ItemCount><ReturnCode>Success</ReturnCode></Header><EstablishmentCollection>")
        for item in all {
            var xml = "<EstablishmentDetail><FHRSID>\(item.fhrsID)</FHRSID><LocalAuthorityBusinessID>\(item.localAuthorityBusinessID)</LocalAuthorityBusinessID>"
            xml += "<BusinessName>\(xmlEscape(item.name))</BusinessName><BusinessType>\(xmlEscape(item.businessType))</BusinessType><BusinessTypeID>\(item.businessTypeID)</BusinessTypeID>"
            xml += "<AddressLine1>\(xmlEscape(item.addressLine1))</AddressLine1><AddressLine2>\(xmlEscape(item.town))</AddressLine2>"
            if let postcode = item.postcode {
                xml += "<PostCode>\(postcode)</PostCode>"
            }
            let key = Int(item.rating) != nil ? item.rating : item.rating.lowercased()
            xml += "<RatingValue>\(item.rating)</RatingValue><RatingKey>fhrs_\(key)_en-GB</RatingKey>"
            if let date = item.ratingDate {
                xml += "<RatingDate>\(date)</RatingDate>"
            } else {
                xml += "<RatingDate xsi:nil=\"true\" />"
            }
            xml += "<LocalAuthorityCode>\(CorpusVocabulary.authorityCode)</LocalAuthorityCode><LocalAuthorityName>\(CorpusVocabulary.authorityName)</LocalAuthorityName>"
            xml += "<LocalAuthorityWebSite>\(CorpusVocabulary.authorityWebsite)</LocalAuthorityWebSite><LocalAuthorityEmailAddress>\(CorpusVocabulary.authorityEmail)</LocalAuthorityEmailAddress>"
            if let scores = item.scores {
                xml += "<Scores><Hygiene>\(scores.hygiene)</Hygiene><Structural>\(scores.structural)</Structural><ConfidenceInManagement>\(scores.confidence)</ConfidenceInManagement></Scores>"
            } else {
                xml += "<Scores />"
            }
            xml += "<SchemeType>FHRS</SchemeType><NewRatingPending>False</NewRatingPending>"
            if let latitude = item.latitude, let longitude = item.longitude {
                xml += "<Geocode><Longitude>\(geocodeText(longitude))</Longitude><Latitude>\(geocodeText(latitude))</Latitude></Geocode>"
            } else {
                xml += "<Geocode />"
            }
            xml += "</EstablishmentDetail>"
            try sink.write(xml)
        }
        try sink.write("</EstablishmentCollection></FHRSEstablishment>")
        try sink.close()
    }
}
