import Foundation
import SafeguardCore

extension CorpusGenerator {
    /// One review to write: compact so a million fit in memory while they are sorted by date.
    struct ReviewSlot {
        var sequence: Int32
        var hotel: Int32
        var day: Int32
        var kind: ReviewComposer.Kind
        var signMask: UInt8
    }

    static let reviewColumns = ["id", "premises_name", "address", "postcode", "site", "date", "rating", "text"]

    /// Plans every review (hotel, day, kind, planted signs), sorts them by date and writes the
    /// Safeguard review CSV. Returns the number written.
    func writeReviews(hotels: [CorpusHotel], to url: URL) throws -> Int {
        var rng = self.random(4)
        var slots: [ReviewSlot] = []
        slots.reserveCapacity(self.counts.reviews + 64)
        func add(_ hotel: Int, back: Int, _ kind: ReviewComposer.Kind, mask: UInt8 = 0) {
            let day = self.asOf.adding(days: -max(1, back)).daysSinceEpoch
            slots.append(ReviewSlot(sequence: Int32(slots.count), hotel: Int32(hotel), day: Int32(day), kind: kind, signMask: mask))
        }
        func ordinaryBack() -> Int {
            let u = rng.unit()
            return 1 + Int(1_094 * u * (0.55 + 0.45 * u))
        }
        // Planted and special hotels first, with fixed review counts.
        for (index, hotel) in hotels.enumerated() {
            switch hotel.role {
            case .planted:
                let months = rng.distinctIndices(hotel.plantedMonths, of: 20)
                let signCount = hotel.plantedSigns.count
                for hit in 0..<hotel.plantedReviewHits {
                    var mask = UInt8(1) << UInt8(hit % signCount)
                    if rng.chance(0.5) { mask |= UInt8(1) << UInt8((hit + 2) % signCount) }
                    add(index, back: months[hit % months.count] * 30 + rng.int(1, 29), .plantedHit, mask: mask)
                }
                for _ in 0..<(hotel.reviewWeight + 10) { add(index, back: ordinaryBack(), .ordinary) }
            case .rant:
                add(index, back: rng.int(20, 160), .rant)
                for _ in 0..<(hotel.reviewWeight + 15) {
                    add(index, back: ordinaryBack(), rng.chance(0.3) ? .goodPractice : .ordinary)
                }
            case .goodPractice:
                for _ in 0..<(hotel.reviewWeight + 15) {
                    add(index, back: ordinaryBack(), rng.chance(0.4) ? .goodPractice : .ordinary)
                }
            case .noiseOnly:
                for _ in 0..<(hotel.reviewWeight + 20) {
                    add(index, back: ordinaryBack(), rng.chance(0.35) ? .noise : .ordinary)
                }
            case .ordinary, .unreviewed:
                continue
            }
        }
        // The rest spread over ordinary hotels in proportion to their popularity.
        let ordinary = hotels.indices.filter { hotels[$0].role == .ordinary }
        let totalWeight = ordinary.reduce(0) { $0 + hotels[$1].reviewWeight }
        let remaining = max(0, self.counts.reviews - slots.count)
        if totalWeight > 0, remaining > 0 {
            var cumulative: [Int] = []
            cumulative.reserveCapacity(ordinary.count)
            var sum = 0
            for index in ordinary {
                sum += hotels[index].reviewWeight
                cumulative.append(sum)
            }
            for _ in 0..<remaining {
                let target = rng.index(totalWeight)
                var low = 0
                var high = cumulative.count - 1
                while low < high {
                    let mid = (low + high) / 2
                    if cumulative[mid] > target { high = mid } else { low = mid + 1 }
                }
                let hotel = ordinary[low]
                // Now and then an ordinary hotel also draws a single background sign.
                let kind: ReviewComposer.Kind = rng.chance(0.004) ? .plantedHit : .ordinary
                add(hotel, back: ordinaryBack(), kind, mask: kind == .plantedHit ? 1 : 0)
            }
        }
        slots.sort { ($0.day, $0.sequence) < ($1.day, $1.sequence) }

        let sink = try TextSink(url: url)
        try sink.write(csvLine(Self.reviewColumns))
        let backgroundSigns = ["men-loitering", "cannabis-smell", "no-id-check", "cash-only", "oversight-lacking", "screaming"]
        for (number, slot) in slots.enumerated() {
            let hotel = hotels[Int(slot.hotel)]
            var local = SeededRandom(seed: self.seed &* 31 &+ UInt64(slot.sequence) &* 0x9E37_79B9_7F4A_7C15)
            var signs: [String] = []
            if slot.kind == .plantedHit {
                if hotel.role == .planted {
                    for (bit, sign) in hotel.plantedSigns.enumerated() where slot.signMask & (UInt8(1) << UInt8(bit)) != 0 {
                        signs.append(sign)
                    }
                } else {
                    signs = [local.pick(backgroundSigns)]
                }
            } else if slot.kind == .noise {
                signs = hotel.plantedSigns
            }
            let review = ReviewComposer.compose(kind: slot.kind, quality: hotel.quality, signs: signs, rng: &local)
            let establishment = hotel.establishment
            let exact = hotel.role != .ordinary
            let name = !exact && local.chance(0.04) ? establishment.name.lowercased() : establishment.name
            let address = !exact && local.chance(0.08) ? "" : establishment.address
            let site = local.pick(CorpusVocabulary.reviewSites)
            try sink.write(csvLine([
                "R\(pad(number + 1, 7))", name, address, establishment.postcode ?? "", site,
                CalendarDay(daysSinceEpoch: Int(slot.day)).description, String(review.rating), review.text,
            ]))
        }
        try sink.close()
        return slots.count
    }
}
