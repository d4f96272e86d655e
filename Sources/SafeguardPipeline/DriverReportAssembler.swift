import SafeguardCore
import SafeguardReports

/// Turns the drivers' decisions into the `DriverReport`: ranking, outcome counts, overdue checks
/// by month, vehicles and operators linked to reports, the cross-authority list and the victim
/// age-band table.
struct DriverReportAssembler {
    let snapshot: TaxiRegisterSnapshot
    let builder: DriverFactsBuilder
    let engine: Engine
    let notifications: Section5NotificationRenderer
    let asOf: CalendarDay

    /// Rules whose finding means a DBS check is overdue, training is overdue, an NR3S step is overdue.
    static let dbsRules: Set<String> = [
        "driver-no-enhanced-dbs", "driver-barred-lists-not-checked", "driver-update-service-check-stale",
        "driver-dbs-stale-without-update-service",
    ]
    static let trainingRules: Set<String> = ["driver-no-safeguarding-training", "driver-training-not-at-renewal"]
    static let nr3sRules: Set<String> = [
        "driver-nr3s-not-searched", "driver-nr3s-match-open", "driver-licence-expired-but-active",
    ]

    func report(_ decisions: [Decision]) -> DriverReport {
        let bands = (self.engine.ruleSet.bands[.driver] ?? []).sorted { $0.minimumScore < $1.minimumScore }
        let rank = Dictionary(bands.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let actions = Dictionary(bands.map { ($0.id, $0.action) }, uniquingKeysWith: { a, _ in a })
        let lowest = bands.first?.id ?? "no-action"
        var counts: [String: Int] = [:]
        var flagged: [(driver: TaxiDriverLicence, decision: Decision)] = []
        for (driver, decision) in zip(self.snapshot.drivers, decisions) {
            counts[decision.band, default: 0] += 1
            if decision.band != lowest { flagged.append((driver, decision)) }
        }
        flagged.sort { lhs, rhs in
            let (l, r) = (rank[lhs.decision.band] ?? 0, rank[rhs.decision.band] ?? 0)
            if l != r { return l > r }
            if lhs.decision.score != rhs.decision.score { return lhs.decision.score > rhs.decision.score }
            return (lhs.driver.issuingAuthority, lhs.driver.licenceNumber) < (rhs.driver.issuingAuthority, rhs.driver.licenceNumber)
        }
        let vehiclesByPlate = Dictionary(
            self.snapshot.vehicles.compactMap { vehicle in TaxiRegisterSnapshot.matchKey(vehicle.vehicleRegistration).map { ($0, vehicle) } },
            uniquingKeysWith: { a, _ in a })
        var entries: [DriverEntry] = []
        entries.reserveCapacity(flagged.count)
        for (index, item) in flagged.enumerated() {
            let decision = item.decision
            var byOutcome: [String: [String]] = [:]
            for finding in decision.findings {
                byOutcome[finding.outcome ?? decision.band, default: []].append(finding.title)
            }
            let required = byOutcome.keys.sorted { (rank[$0] ?? 0) > (rank[$1] ?? 0) }.map { outcome in
                RequiredAction(outcome: outcome, action: actions[outcome] ?? outcome, because: byOutcome[outcome] ?? [])
            }
            let plate = TaxiRegisterSnapshot.matchKey(item.driver.vehicleRegistration)
            entries.append(
                DriverEntry(
                    rank: index + 1, licenceNumber: item.driver.licenceNumber, badgeNumber: item.driver.badgeNumber,
                    issuingAuthority: item.driver.issuingAuthority,
                    licensedElsewhere: item.driver.issuingAuthority != self.builder.localAuthority,
                    licenceType: item.driver.licenceType.rawValue, status: item.driver.status.rawValue,
                    expiresOn: item.driver.expiresOn, vehicleRegistration: item.driver.vehicleRegistration,
                    operatorLicence: plate.flatMap { vehiclesByPlate[$0]?.operatorLicence }, outcome: decision.band,
                    action: decision.action, score: decision.score, requiredActions: required,
                    findings: decision.findings))
        }
        let (overdue, earlier) = self.overdue(flagged)
        let vehicles = self.linkedVehicles()
        return DriverReport(
            localAuthority: self.builder.localAuthority, asOf: self.asOf, rulesetHash: self.engine.ruleSet.hash,
            drivers: self.snapshot.drivers.count,
            outcomes: bands.map { OutcomeCount(outcome: $0.id, action: $0.action, drivers: counts[$0.id] ?? 0) },
            entries: entries, overdue: overdue, overdueEarlier: earlier, vehicles: vehicles,
            operators: self.linkedOperators(vehicles), crossAuthority: self.crossAuthority(flagged),
            victimAgeBands: self.victimAgeBands())
    }

    /// Overdue checks of the drivers needing action, by the month each fell due.
    func overdue(_ flagged: [(driver: TaxiDriverLicence, decision: Decision)]) -> ([OverdueMonth], OverdueMonth) {
        let (year, month, _) = self.asOf.components
        var months: [String] = []
        for back in stride(from: 23, through: 0, by: -1) {
            let total = year * 12 + (month - 1) - back
            months.append(String(format: "%04d-%02d", total / 12, total % 12 + 1))
        }
        var rows = Dictionary(uniqueKeysWithValues: months.map { ($0, OverdueMonth(month: $0)) })
        var earlier = OverdueMonth(month: "earlier")
        func add(_ due: CalendarDay?, _ field: WritableKeyPath<OverdueMonth, Int>) {
            let day = min(due ?? self.asOf, self.asOf)
            let (y, m, _) = day.components
            let key = String(format: "%04d-%02d", y, m)
            if rows[key] != nil { rows[key]![keyPath: field] += 1 } else { earlier[keyPath: field] += 1 }
        }
        for (driver, decision) in flagged {
            let fired = Set(decision.findings.map(\.ruleID))
            if !fired.isDisjoint(with: Self.dbsRules) {
                var due: [CalendarDay] = []
                if fired.contains("driver-update-service-check-stale") {
                    if let check = driver.dbsLastStatusCheck ?? driver.dbsIssuedOn { due.append(check.adding(days: 183)) }
                }
                if fired.contains("driver-dbs-stale-without-update-service"), let issued = driver.dbsIssuedOn {
                    due.append(issued.adding(days: 1_096))
                }
                if fired.contains("driver-no-enhanced-dbs") || fired.contains("driver-barred-lists-not-checked") {
                    if let grant = driver.issuedOn { due.append(grant) }
                }
                add(due.min(), \.dbs)
            }
            if !fired.isDisjoint(with: Self.trainingRules) {
                add(driver.issuedOn, \.training)
            }
            if !fired.isDisjoint(with: Self.nr3sRules) {
                let search = self.builder.latestSearch(driver)
                if fired.contains("driver-nr3s-match-open"), let since = search?.stateOn {
                    add(since.adding(days: 28), \.nr3s)
                } else if !fired.contains("driver-nr3s-not-searched"), let expired = driver.expiresOn {
                    add(expired, \.nr3s)  // the renewal (and its search) fell due when the licence expired
                } else {
                    add(search?.applicationOn ?? driver.issuedOn, \.nr3s)
                }
            }
        }
        return (months.map { rows[$0]! }, earlier)
    }

    func lines(_ indices: [Int]) -> [DocumentLine] {
        indices.map { index in
            let document = self.snapshot.documents[index]
            var signs: [String] = []
            for item in document.evidence where !signs.contains(item.sign) { signs.append(item.sign) }
            return DocumentLine(
                source: document.source.rawValue, id: document.id, date: document.date, origin: document.origin,
                signs: signs, snippet: document.snippet)
        }
        .sorted { ($0.date ?? CalendarDay(daysSinceEpoch: 0), $0.id) > ($1.date ?? CalendarDay(daysSinceEpoch: 0), $1.id) }
    }

    func linkedVehicles() -> [LinkedVehicle] {
        let operators = Dictionary(self.snapshot.operators.map { ($0.licenceNumber, $0) }, uniquingKeysWith: { a, _ in a })
        var driversByPlate: [String: [String]] = [:]
        for driver in self.snapshot.drivers {
            if let plate = TaxiRegisterSnapshot.matchKey(driver.vehicleRegistration) {
                driversByPlate[plate, default: []].append(driver.licenceNumber)
            }
        }
        var result: [LinkedVehicle] = []
        for vehicle in self.snapshot.vehicles {
            let indices = self.builder.documentIndices(registration: vehicle.vehicleRegistration)
            guard !indices.isEmpty else { continue }
            let plate = TaxiRegisterSnapshot.matchKey(vehicle.vehicleRegistration) ?? ""
            result.append(
                LinkedVehicle(
                    licenceNumber: vehicle.licenceNumber, registration: vehicle.vehicleRegistration,
                    issuingAuthority: vehicle.issuingAuthority, operatorLicence: vehicle.operatorLicence,
                    operatorName: vehicle.operatorLicence.flatMap { operators[$0]?.operatorName },
                    drivers: driversByPlate[plate] ?? [], documents: self.lines(indices)))
        }
        return result.sorted { ($0.documents.count, $1.licenceNumber) > ($1.documents.count, $0.licenceNumber) }
    }

    func linkedOperators(_ vehicles: [LinkedVehicle]) -> [LinkedOperator] {
        var byOperator: [String: (vehicles: [String], documents: Set<String>)] = [:]
        for vehicle in vehicles {
            guard let licence = vehicle.operatorLicence else { continue }
            byOperator[licence, default: ([], [])].vehicles.append(vehicle.registration)
            for document in vehicle.documents { byOperator[licence]!.documents.insert(document.source + ":" + document.id) }
        }
        let operators = Dictionary(self.snapshot.operators.map { ($0.licenceNumber, $0) }, uniquingKeysWith: { a, _ in a })
        return byOperator.map { licence, value in
            LinkedOperator(
                licenceNumber: licence, name: operators[licence]?.operatorName ?? "not in the register",
                issuingAuthority: operators[licence]?.issuingAuthority ?? "unknown", vehicles: value.vehicles.sorted(),
                documents: value.documents.count)
        }
        .sorted { ($0.documents, $1.licenceNumber) > ($1.documents, $0.licenceNumber) }
    }

    func crossAuthority(_ flagged: [(driver: TaxiDriverLicence, decision: Decision)]) -> [CrossAuthorityEntry] {
        let local = self.builder.localAuthority
        let outcomes = Dictionary(
            flagged.map { (DriverFactsBuilder.key($0.driver.issuingAuthority, $0.driver.licenceNumber), $0.decision.band) },
            uniquingKeysWith: { a, _ in a })
        let replies = Dictionary(grouping: self.snapshot.replies) { DriverFactsBuilder.key($0.issuingAuthority, $0.licenceNumber) }
        var result: [CrossAuthorityEntry] = []
        func entry(kind: String, licence: String, identifier: String, authority: String, indices: [Int]) {
            let key = DriverFactsBuilder.key(authority, licence)
            let documents = self.lines(indices)
            let reply = (replies[key] ?? []).max { $0.notifiedOn < $1.notifiedOn }
            let status = reply == nil ? "draft" : (reply?.repliedOn == nil ? "awaiting-reply" : "replied")
            result.append(
                CrossAuthorityEntry(
                    kind: kind, licenceNumber: licence, badgeOrRegistration: identifier, issuingAuthority: authority,
                    outcome: kind == "driver" ? (outcomes[key] ?? "no-action") : nil, documents: documents,
                    notificationStatus: status, notifiedOn: reply?.notifiedOn, repliedOn: reply?.repliedOn,
                    decision: reply?.decision?.rawValue, replyNote: reply?.note,
                    draftNotification: self.notifications.render(
                        kind: kind, licenceNumber: licence, identifier: identifier, authority: authority,
                        localAuthority: local, date: self.asOf.description, documents: documents)))
        }
        for driver in self.snapshot.drivers where driver.issuingAuthority != local {
            let indices = self.builder.documentIndices(driver)
            guard !indices.isEmpty else { continue }
            entry(
                kind: "driver", licence: driver.licenceNumber, identifier: driver.badgeNumber ?? driver.licenceNumber,
                authority: driver.issuingAuthority, indices: indices)
        }
        for vehicle in self.snapshot.vehicles where vehicle.issuingAuthority != local {
            let indices = self.builder.documentIndices(registration: vehicle.vehicleRegistration)
            guard !indices.isEmpty else { continue }
            entry(
                kind: "vehicle", licence: vehicle.licenceNumber, identifier: vehicle.vehicleRegistration,
                authority: vehicle.issuingAuthority, indices: indices)
        }
        return result.sorted { ($0.documents.count, $1.licenceNumber) > ($1.documents.count, $0.licenceNumber) }
    }

    func victimAgeBands() -> [AgeBandCount] {
        var here: [VictimAgeBand: Int] = [:]
        var elsewhere: [VictimAgeBand: Int] = [:]
        let local = self.builder.localAuthority
        var withHistory = Set<String>()
        for event in self.snapshot.history where event.kind.isAdverse && event.reason == .sexualOffence {
            withHistory.insert(DriverFactsBuilder.key(event.issuingAuthority, event.licenceNumber))
            let band = event.victimAgeBand ?? .notRecorded
            if event.decidedBy == local { here[band, default: 0] += 1 } else { elsewhere[band, default: 0] += 1 }
        }
        // Register rows that carry a sexual-offence reason but no history rows.
        for driver in self.snapshot.drivers {
            guard let reason = driver.revocationReason, DriverFactsBuilder.isSexualOffence(reason),
                !withHistory.contains(DriverFactsBuilder.key(driver.issuingAuthority, driver.licenceNumber))
            else { continue }
            let band = driver.victimAgeBand.flatMap(VictimAgeBand.init(rawValue:)) ?? .notRecorded
            if driver.issuingAuthority == local { here[band, default: 0] += 1 } else { elsewhere[band, default: 0] += 1 }
        }
        return VictimAgeBand.allCases.map { AgeBandCount(band: $0.rawValue, here: here[$0] ?? 0, elsewhere: elsewhere[$0] ?? 0) }
    }
}
