import SafeguardCore

/// Synthetic rules and drivers for `safeguard bench rules` (seeded, reproducible).
enum SyntheticRuleBench {
    /// SplitMix64: small, fast, seeded.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            self.state &+= 0x9E37_79B9_7F4A_7C15
            var z = self.state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func int(_ range: Range<Int>) -> Int {
            range.lowerBound + Int(self.next() % UInt64(range.count))
        }
    }

    /// `count` driver rules of ten shapes (dates, booleans, membership, regex, aggregates), each with an explanation.
    static func rules(_ count: Int, explanations: Bool = true) -> [RuleDefinition] {
        (0..<count).map { i in
            let when: String
            let explain: String
            switch i % 10 {
            case 0:
                when = "days_since(driver.dbs.last_status_check) > \(330 + i) days"
                explain = "Last Update Service check {days_since(driver.dbs.last_status_check)} ago (on {driver.dbs.last_status_check})."
            case 1:
                when = "driver.dbs.update_service == false and days_since(driver.dbs.issued_on) > \(36 + i % 12) months"
                explain = "DBS issued {driver.dbs.issued_on}, not on the Update Service."
            case 2:
                when = "driver.licence.status in [\"suspended\", \"revoked\", \"expired\"] and driver.revocations >= \(1 + i % 3)"
                explain = "Licence {driver.licence.status}; {driver.revocations} past revocation(s)."
            case 3:
                when = "missing(driver.nr3s.searched_on) and driver.revocations >= 1 or days_since(driver.nr3s.searched_on) > \(1100 + i) days"
                explain = "NR3S last searched {driver.nr3s.searched_on}."
            case 4:
                when = "count(evidence where sign == \"men-loitering\" and source == \"report\") >= \(1 + i % 3)"
                explain = "{count(evidence where source == \"report\")} report(s) mention the driver."
            case 5:
                when = "distinct_months(evidence where kind == \"concern\") >= \(3 + i % 3)"
                explain = "Concern signs in {distinct_months(evidence where kind == \"concern\")} months, latest {latest(evidence)}."
            case 6:
                when = "driver.licence.issuing_authority != \"Birmingham\" and driver.linked_reports > \(i % 5)"
                explain = "Licensed by {driver.licence.issuing_authority}; {driver.linked_reports} linked report(s)."
            case 7:
                when = "days_until(driver.licence.expires_on) < \(i) days and driver.licence.status == \"active\""
                explain = "Licence expires {driver.licence.expires_on}."
            case 8:
                when = "driver.revocation.reason matches \"sexual|indecent\" and missing(driver.revocation.victim_age_band)"
                explain = "Revoked for {driver.revocation.reason}; victim age band not recorded."
            default:
                when = "any(evidence where sign in [\"young-people\", \"night-traffic\"] and days_since(date) < \(i) days)"
                explain = "Young people or night-time traffic reported (latest {latest(evidence)})."
            }
            return RuleDefinition(
                id: "bench-\(i)", title: "Synthetic rule \(i)", source: "synthetic benchmark rule", appliesTo: .driver,
                when: ExpressionSource(when), weight: Double(1 + i % 5), explain: explanations ? ExpressionSource(explain) : nil)
        }
    }

    static let signs = ["men-loitering", "young-people", "night-traffic", "condoms", "noise", "id-checked"]
    static let statuses = ["active", "active", "active", "active", "suspended", "revoked", "expired"]
    static let authorities = ["Birmingham", "Birmingham", "Birmingham", "Wolverhampton", "Rossendale"]

    /// `count` drivers with random facts and 0-4 evidence items.
    static func drivers(_ count: Int, today: CalendarDay, seed: UInt64 = 42) -> [EntityFacts] {
        var random = Random(state: seed)
        var result: [EntityFacts] = []
        result.reserveCapacity(count)
        for n in 0..<count {
            var fields: [String: FactValue] = [
                "driver.licence.number": .string("PH\(100_000 + n)"),
                "driver.licence.status": .string(self.statuses[random.int(0..<self.statuses.count)]),
                "driver.licence.issuing_authority": .string(self.authorities[random.int(0..<self.authorities.count)]),
                "driver.licence.expires_on": .date(today.adding(days: random.int(-60..<1000))),
                "driver.dbs.issued_on": .date(today.adding(days: -random.int(0..<1500))),
                "driver.dbs.update_service": .bool(random.int(0..<3) > 0),
                "driver.dbs.last_status_check": .date(today.adding(days: -random.int(0..<400))),
                "driver.revocations": .number(Double(random.int(0..<10) == 0 ? 1 : 0)),
                "driver.linked_reports": .number(Double(random.int(0..<8) == 0 ? random.int(1..<4) : 0)),
            ]
            if random.int(0..<4) > 0 {
                fields["driver.nr3s.searched_on"] = .date(today.adding(days: -random.int(0..<1200)))
            }
            if random.int(0..<50) == 0 {
                fields["driver.revocation.reason"] = .string(random.int(0..<2) == 0 ? "sexual offence" : "dishonesty")
            }
            var evidence: [Evidence] = []
            for e in 0..<random.int(0..<5) {
                evidence.append(
                    Evidence(
                        sign: self.signs[random.int(0..<self.signs.count)], source: random.int(0..<2) == 0 ? .report : .intelligence,
                        sourceID: "B-\(n)-\(e)", date: today.adding(days: -random.int(0..<700)), snippet: "synthetic"))
            }
            result.append(EntityFacts(kind: .driver, id: "D\(n)", fields: fields, evidence: evidence))
        }
        return result
    }

    static let hotelSigns = [
        "noise", "noise", "dirty", "dirty", "men-loitering", "condoms", "young-people", "night-traffic", "cash-only",
        "no-id-check", "id-checked", "security-present", "drug-use", "screaming",
    ]

    /// `count` hotels with 0-11 evidence items from reviews, reports and intelligence over two years.
    static func hotels(_ count: Int, today: CalendarDay, seed: UInt64 = 7) -> [EntityFacts] {
        var random = Random(state: seed)
        let sources: [EvidenceSource] = [.review, .review, .review, .review, .report, .intelligence]
        return (0..<count).map { n in
            let evidence = (0..<random.int(0..<12)).map { e in
                Evidence(
                    sign: self.hotelSigns[random.int(0..<self.hotelSigns.count)], source: sources[random.int(0..<sources.count)],
                    sourceID: "H-\(n)-\(e / 2)", date: today.adding(days: -random.int(0..<730)), snippet: "synthetic")
            }
            return EntityFacts(
                kind: .hotel, id: "H\(n)",
                fields: ["hotel.name": .string("Hotel \(n)"), "hotel.licensed": .bool(random.int(0..<3) == 0)],
                evidence: evidence)
        }
    }
}
