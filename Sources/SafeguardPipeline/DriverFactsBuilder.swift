import SafeguardCore

/// Builds the engine facts of every driver in a register snapshot: the licence row, its licence
/// history, its NR3S searches, and the evidence of the reports and intelligence records that name
/// its badge or the plate of the vehicle it drives.
public struct DriverFactsBuilder: Sendable {
    /// The authority whose register this is.
    public let localAuthority: String
    let history: [String: [TaxiLicenceEvent]]
    let searches: [String: [NR3SSearch]]
    let documentsByBadge: [String: [Int]]
    let documentsByRegistration: [String: [Int]]
    let documents: [LinkedDocument]

    /// Indexes a snapshot; the local authority defaults to the one most drivers are licensed by.
    public init(snapshot: TaxiRegisterSnapshot, localAuthority: String?) {
        self.localAuthority = localAuthority ?? Self.majorityAuthority(snapshot.drivers)
        self.history = Dictionary(grouping: snapshot.history) { Self.key($0.issuingAuthority, $0.licenceNumber) }
        self.searches = Dictionary(grouping: snapshot.nr3s) { Self.key($0.issuingAuthority, $0.licenceNumber) }
        var byBadge: [String: [Int]] = [:]
        var byRegistration: [String: [Int]] = [:]
        for (index, document) in snapshot.documents.enumerated() {
            if let badge = document.badgeKey { byBadge[badge, default: []].append(index) }
            if let registration = document.registrationKey { byRegistration[registration, default: []].append(index) }
        }
        self.documentsByBadge = byBadge
        self.documentsByRegistration = byRegistration
        self.documents = snapshot.documents
    }

    static func key(_ authority: String, _ licence: String) -> String { authority + "|" + licence }

    /// The authority most drivers are licensed by (ties: the alphabetically first).
    public static func majorityAuthority(_ drivers: [TaxiDriverLicence]) -> String {
        var counts: [String: Int] = [:]
        for driver in drivers { counts[driver.issuingAuthority, default: 0] += 1 }
        return counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? "this authority"
    }

    /// The documents naming a driver's badge or its vehicle's plate (each once), by index.
    public func documentIndices(_ driver: TaxiDriverLicence) -> [Int] {
        var indices: [Int] = []
        if let badge = TaxiRegisterSnapshot.matchKey(driver.badgeNumber) { indices += self.documentsByBadge[badge] ?? [] }
        if let plate = TaxiRegisterSnapshot.matchKey(driver.vehicleRegistration) {
            for index in self.documentsByRegistration[plate] ?? [] where !indices.contains(index) { indices.append(index) }
        }
        return indices.sorted()
    }

    /// The documents of a vehicle registration.
    public func documentIndices(registration: String) -> [Int] {
        TaxiRegisterSnapshot.matchKey(registration).flatMap { self.documentsByRegistration[$0] } ?? []
    }

    /// The NR3S search of the driver's latest application, when the register has one.
    public func latestSearch(_ driver: TaxiDriverLicence) -> NR3SSearch? {
        (self.searches[Self.key(driver.issuingAuthority, driver.licenceNumber)] ?? []).max { $0.applicationOn < $1.applicationOn }
    }

    /// The driver's licence history (oldest first).
    public func history(_ driver: TaxiDriverLicence) -> [TaxiLicenceEvent] {
        (self.history[Self.key(driver.issuingAuthority, driver.licenceNumber)] ?? []).sorted { $0.date < $1.date }
    }

    /// The driver's facts (field paths of the `driver` schema) and evidence.
    public func facts(_ driver: TaxiDriverLicence) -> EntityFacts {
        var fields: [String: FactValue] = [
            "driver.licence.number": .string(driver.licenceNumber),
            "driver.licence.type": .string(driver.licenceType.rawValue),
            "driver.licence.status": .string(driver.status.rawValue),
            "driver.licence.issuing_authority": .string(driver.issuingAuthority),
            "driver.licensed_elsewhere": .bool(driver.issuingAuthority != self.localAuthority),
        ]
        func date(_ key: String, _ value: CalendarDay?) { if let value { fields[key] = .date(value) } }
        func flag(_ key: String, _ value: Bool?) { if let value { fields[key] = .bool(value) } }
        func text(_ key: String, _ value: String?) { if let value, !value.isEmpty { fields[key] = .string(value) } }
        date("driver.licence.issued_on", driver.issuedOn)
        date("driver.licence.expires_on", driver.expiresOn)
        date("driver.dbs.issued_on", driver.dbsIssuedOn)
        flag("driver.dbs.update_service", driver.dbsUpdateService)
        date("driver.dbs.last_status_check", driver.dbsLastStatusCheck)
        flag("driver.dbs.barred_lists_checked", driver.barredListsChecked)
        date("driver.training.safeguarding_on", driver.safeguardingTrainingOn)
        flag("driver.right_to_work_checked", driver.rightToWorkChecked)
        text("driver.vehicle_registration", driver.vehicleRegistration)

        // Licence history: adverse decisions here and elsewhere, plus the register's own reason column.
        let key = Self.key(driver.issuingAuthority, driver.licenceNumber)
        let adverse = (self.history[key] ?? []).filter(\.kind.isAdverse).sorted { $0.date < $1.date }
        let legacyReason = driver.revocationReason.flatMap { $0.isEmpty ? nil : $0 }
        let legacyAdverse = legacyReason != nil || driver.status == .revoked ? 1 : 0
        fields["driver.revocations"] = .number(Double(adverse.count + (adverse.isEmpty ? legacyAdverse : 0)))
        if let latest = adverse.last {
            fields["driver.history.latest_event"] = .string(latest.kind.rawValue)
            fields["driver.history.latest_authority"] = .string(latest.decidedBy)
            fields["driver.history.latest_on"] = .date(latest.date)
            text("driver.revocation.reason", latest.reason?.rawValue)
        } else {
            text("driver.revocation.reason", legacyReason)
        }
        let sexual = adverse.filter { $0.reason == .sexualOffence }
        var sexualCount = sexual.count
        var band = sexual.compactMap(\.victimAgeBand).min { Self.bandOrder($0) < Self.bandOrder($1) }?.rawValue
        if sexual.isEmpty, let legacyReason, Self.isSexualOffence(legacyReason) {
            sexualCount = 1
            band = driver.victimAgeBand
        }
        fields["driver.history.sexual_offence"] = .number(Double(sexualCount))
        if let last = sexual.last {
            fields["driver.history.sexual_offence_authority"] = .string(last.decidedBy)
            fields["driver.history.sexual_offence_on"] = .date(last.date)
        }
        text("driver.revocation.victim_age_band", band ?? (sexual.isEmpty ? driver.victimAgeBand : nil))

        // NR3S: the search of the latest application; else the register's search date against the grant.
        if let search = self.latestSearch(driver) {
            fields["driver.nr3s.state"] = .string(search.state.rawValue)
            date("driver.nr3s.state_on", search.stateOn)
            fields["driver.nr3s.application_on"] = .date(search.applicationOn)
            date("driver.nr3s.searched_on", search.searchedOn)
            text("driver.nr3s.recording_authority", search.recordingAuthority)
        } else {
            date("driver.nr3s.searched_on", driver.nr3sSearchedOn)
            date("driver.nr3s.application_on", driver.issuedOn)
            fields["driver.nr3s.state"] = .string(driver.nr3sSearchedOn == nil ? NR3SState.notSearched.rawValue : "searched")
            date("driver.nr3s.state_on", driver.nr3sSearchedOn)
        }

        // Reports and intelligence naming the badge or the plate.
        let indices = self.documentIndices(driver)
        var evidence: [Evidence] = []
        for index in indices { evidence += self.documents[index].evidence }
        fields["driver.documents"] = .number(Double(indices.count))
        fields["driver.linked_reports"] = .number(Double(indices.count))
        return EntityFacts(kind: .driver, id: driver.licenceNumber, fields: fields, evidence: evidence)
    }

    static func isSexualOffence(_ reason: String) -> Bool {
        let lower = reason.lowercased()
        return ["sexual", "indecen", "grooming"].contains { lower.contains($0) }
    }

    /// Youngest band first (the most serious).
    static func bandOrder(_ band: VictimAgeBand) -> Int {
        VictimAgeBand.allCases.firstIndex(of: band) ?? 99
    }
}
