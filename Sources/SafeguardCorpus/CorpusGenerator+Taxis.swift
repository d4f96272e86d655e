import Foundation
import SafeguardCore

extension CorpusGenerator {
    /// A driver planted with a safeguarding gap, for the manifest.
    struct TaxiSummary {
        var drivers: Int
        var vehicles: Int
        var operators: Int
        var planted: [CorpusManifest.PlantedDriver]
        /// (badge, registration) of ordinary active drivers and of planted ones, for reports to mention.
        var ordinaryDrivers: [(badge: String, registration: String)]
        var concerningDrivers: [(badge: String, registration: String)]
    }

    static let driverColumns = [
        "licence_number", "licence_type", "holder_name", "badge_number", "issuing_authority", "issued_on",
        "expires_on", "status", "dbs_issued_on", "dbs_update_service", "dbs_last_status_check",
        "barred_lists_checked", "nr3s_searched_on", "safeguarding_training_on", "right_to_work_checked",
        "revocation_reason", "victim_age_band", "vehicle_registration",
    ]
    static let vehicleColumns = [
        "licence_number", "licence_type", "vehicle_registration", "make", "model", "proprietor_name",
        "operator_licence", "issuing_authority", "issued_on", "expires_on", "status",
    ]
    static let operatorColumns = ["licence_number", "operator_name", "issuing_authority", "issued_on", "expires_on", "status"]

    /// The planted driver gaps, in the order they are assigned.
    static let driverGaps = [
        "dbs-expired", "no-update-service-check", "no-safeguarding-training", "revoked-sexual-offence",
        "licensed-elsewhere", "no-nr3s-search", "barred-lists-not-checked",
    ]

    func writeTaxis(directory: URL) throws -> TaxiSummary {
        var rng = self.random(5)
        let memoryTags = ["PK", "PN", "PL", "PO", "PF", "PE", "PG", "PJ", "PX", "PY", "BD", "YH", "MA", "MM"]
        func plate() -> String {
            let year = rng.pick([15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 65, 66, 67, 68, 69, 70, 71, 72, 73, 74])
            let letters = (0..<3).map { _ in String(rng.pick(CorpusVocabulary.plateLetters)) }.joined()
            return "\(rng.pick(memoryTags))\(pad(year, 2)) \(letters)"
        }
        func person() -> String {
            "\(rng.pick(CorpusVocabulary.firstNames)) \(rng.pick(CorpusVocabulary.lastNames))"
        }
        // Operators.
        let operatorSink = try TextSink(url: directory.appendingPathComponent(Layout.operators))
        try operatorSink.write(csvLine(Self.operatorColumns))
        var operatorNumbers: [String] = []
        let operatorWords = ["Cars", "Taxis", "Private Hire", "Executive Travel", "Cabs", "Radio Cars"]
        for index in 0..<self.counts.operators {
            let number = "KV/OP/\(pad(index + 1, 4))"
            operatorNumbers.append(number)
            let issued = self.asOf.adding(days: -rng.int(30, 1_800))
            let status = rng.chance(0.93) ? "active" : rng.pick(["suspended", "expired", "surrendered"])
            try operatorSink.write(csvLine([
                number, "\(rng.pick(CorpusVocabulary.foodStems)) \(rng.pick(operatorWords)) Ltd",
                CorpusVocabulary.authorityLongName, issued.description, issued.adding(days: 5 * 365).description, status,
            ]))
        }
        try operatorSink.close()

        // Vehicles.
        let vehicleSink = try TextSink(url: directory.appendingPathComponent(Layout.vehicles))
        try vehicleSink.write(csvLine(Self.vehicleColumns))
        var registrations: [String] = []
        var seenPlates = Set<String>()
        for index in 0..<self.counts.vehicles {
            var registration = plate()
            while seenPlates.contains(registration) { registration = plate() }
            seenPlates.insert(registration)
            registrations.append(registration)
            let model = rng.pick(CorpusVocabulary.vehicleModels)
            let hackney = model.make == "LEVC" || rng.chance(0.15)
            let elsewhere = rng.chance(0.04)
            let issued = self.asOf.adding(days: -rng.int(10, 360))
            let status = rng.chance(0.95) ? "active" : rng.pick(["expired", "suspended", "surrendered"])
            try vehicleSink.write(csvLine([
                elsewhere ? "RM/V/\(pad(index + 1, 5))" : "KV/V/\(pad(index + 1, 5))",
                hackney ? "hackney" : "private-hire", registration, model.make, model.model, person(),
                hackney || operatorNumbers.isEmpty ? "" : rng.pick(operatorNumbers),
                elsewhere ? CorpusVocabulary.otherAuthorities[0] : CorpusVocabulary.authorityLongName,
                issued.description, issued.adding(days: 365).description, status,
            ]))
        }
        let driverCases = self.driverCaseRows()
        for row in driverCases.vehicles { try vehicleSink.write(csvLine(row)) }
        try vehicleSink.close()

        // Drivers, with planted gaps on distinct drivers.
        let perGap = max(1, self.counts.drivers / 100)
        let plantedIndices = rng.distinctIndices(perGap * Self.driverGaps.count, of: self.counts.drivers)
        var gapOf: [Int: String] = [:]
        for (position, driver) in plantedIndices.enumerated() {
            gapOf[driver] = Self.driverGaps[position / perGap]
        }
        let driverSink = try TextSink(url: directory.appendingPathComponent(Layout.drivers))
        try driverSink.write(csvLine(Self.driverColumns))
        var planted: [CorpusManifest.PlantedDriver] = []
        var ordinary: [(String, String)] = []
        var concerning: [(String, String)] = []
        for index in 0..<self.counts.drivers {
            let gap = gapOf[index]
            let type = rng.chance(0.7) ? "private-hire" : (rng.chance(0.7) ? "hackney" : "dual")
            let elsewhere = gap == "licensed-elsewhere"
            let code = type == "hackney" ? "HC" : (type == "dual" ? "DL" : "PH")
            let number = elsewhere ? "RM/\(code)/\(pad(index + 1, 5))" : "KV/\(code)/\(pad(index + 1, 5))"
            let badge = elsewhere ? "R\(pad(20_000 + index, 5))" : "\(code)\(pad(1_000 + index, 5))"
            let issued = self.asOf.adding(days: -rng.int(10, 1_000))
            var expires = issued.adding(days: 3 * 365)
            var status = "active"
            if gap == nil, rng.chance(0.05) {
                status = rng.pick(["expired", "suspended", "surrendered"])
                if status == "expired" { expires = self.asOf.adding(days: -rng.int(1, 200)) }
            }
            var dbsIssued = issued.adding(days: -rng.int(5, 60))
            var updateService = rng.chance(0.8)
            var lastCheck: CalendarDay? = updateService ? self.asOf.adding(days: -rng.int(1, 170)) : nil
            var barred = "yes"
            var nr3s: CalendarDay? = issued.adding(days: -rng.int(1, 20))
            var training: CalendarDay? = issued.adding(days: -rng.int(1, 90))
            var reason = ""
            var ageBand = ""
            switch gap {
            case "dbs-expired":
                dbsIssued = self.asOf.adding(days: -rng.int(3 * 365 + 30, 5 * 365))
                updateService = false
                lastCheck = nil
            case "no-update-service-check":
                updateService = true
                lastCheck = rng.chance(0.5) ? nil : self.asOf.adding(days: -rng.int(240, 700))
            case "no-safeguarding-training":
                training = nil
            case "revoked-sexual-offence":
                status = "revoked"
                reason = "sexual offence"
                ageBand = rng.pick(["13-15", "16-17", "under-13"])
            case "no-nr3s-search":
                nr3s = nil
            case "barred-lists-not-checked":
                barred = "no"
            default:
                break
            }
            let registration = index < registrations.count && rng.chance(0.85) ? registrations[index] : ""
            try driverSink.write(csvLine([
                number, type, person(), badge,
                elsewhere ? rng.pick(CorpusVocabulary.otherAuthorities) : CorpusVocabulary.authorityLongName,
                issued.description, expires.description, status, dbsIssued.description,
                updateService ? "yes" : "no", lastCheck?.description ?? "", barred, nr3s?.description ?? "",
                training?.description ?? "", "yes", reason, ageBand, registration,
            ]))
            if let gap {
                planted.append(CorpusManifest.PlantedDriver(licenceNumber: number, badge: badge, gap: gap))
                if !registration.isEmpty { concerning.append((badge, registration)) }
            } else if status == "active", !registration.isEmpty, ordinary.count < 200 {
                ordinary.append((badge, registration))
            }
        }
        for row in driverCases.drivers { try driverSink.write(csvLine(row)) }
        try driverSink.close()
        try self.writeDriverCaseFiles(directory: directory, cases: driverCases.cases)
        return TaxiSummary(
            drivers: self.counts.drivers, vehicles: self.counts.vehicles, operators: self.counts.operators,
            planted: planted,
            ordinaryDrivers: ordinary.map { (badge: $0.0, registration: $0.1) },
            concerningDrivers: concerning.map { (badge: $0.0, registration: $0.1) })
    }
}
