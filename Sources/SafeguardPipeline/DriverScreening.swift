import Foundation
import SafeguardCore
import SafeguardImport

/// Checks every driver of a taxi register CSV against the driver rules (`rules/taxis/drivers.yaml`)
/// and writes the drivers that need action, highest band first. No names are written: the
/// licence number is what an officer acts on.
public enum DriverScreening {
    public struct Result: Sendable {
        /// Decisions for drivers above the lowest band, highest first.
        public var flagged: [Decision]
        public var drivers: Int
        /// Drivers per band, lowest band first.
        public var bands: [(band: String, drivers: Int)]
        public var file: URL?
    }

    /// Reads `drivers` (and `reports`, to count reports naming each badge or vehicle), evaluates, writes `output` (CSV).
    public static func run(
        drivers: URL, reports: URL?, localAuthority: String?, engine: Engine, asOf: CalendarDay, output: URL
    ) throws -> Result {
        var licences: [TaxiDriverLicence] = []
        try CSVImporter.read(path: drivers.path, profile: TaxiDriverProfile(), onIssue: { _ in }) { licences.append($0) }
        var mentions: [String: Int] = [:]
        if let reports, FileManager.default.fileExists(atPath: reports.path) {
            try WhistleblowingReportReader().read(path: reports.path, onIssue: { _ in }) { report in
                for key in [report.place.badge, report.place.vehicle].compactMap({ $0 }) {
                    mentions[Self.normalise(key), default: 0] += 1
                }
            }
        }
        // The local authority is the one most drivers are licensed by, unless given.
        var authorityCounts: [String: Int] = [:]
        for licence in licences { authorityCounts[licence.issuingAuthority, default: 0] += 1 }
        let local = localAuthority ?? authorityCounts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
        let bandOrder = (engine.ruleSet.bands[.driver] ?? []).sorted { $0.minimumScore < $1.minimumScore }.map(\.id)
        var decisions: [Decision] = []
        var counts: [String: Int] = [:]
        for licence in licences {
            let linked = [licence.badgeNumber, licence.vehicleRegistration].compactMap { $0 }
                .reduce(0) { $0 + (mentions[Self.normalise($1)] ?? 0) }
            let decision = engine.evaluate(Self.facts(licence, local: local, linkedReports: linked), asOf: asOf)
            counts[decision.band, default: 0] += 1
            if let first = bandOrder.first, decision.band != first {
                decisions.append(decision)
            }
        }
        let rank = Dictionary(bandOrder.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        decisions.sort { (rank[$0.band] ?? 0, $0.score, $1.entityID) > (rank[$1.band] ?? 0, $1.score, $0.entityID) }
        var csv = "licence_number,band,score,action,reasons\n"
        for decision in decisions {
            let fields = [
                decision.entityID, decision.band, String(format: "%.1f", decision.score), decision.action,
                decision.findings.map(\.title).joined(separator: "; "),
            ]
            csv += fields.map { field in
                field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
            }.joined(separator: ",") + "\n"
        }
        try Data(csv.utf8).write(to: output, options: .atomic)
        return Result(
            flagged: decisions, drivers: licences.count, bands: bandOrder.map { ($0, counts[$0] ?? 0) }, file: output)
    }

    /// A register row as driver facts (field paths of the `driver` schema).
    public static func facts(_ licence: TaxiDriverLicence, local: String?, linkedReports: Int) -> EntityFacts {
        var fields: [String: FactValue] = [
            "driver.licence.number": .string(licence.licenceNumber),
            "driver.licence.type": .string(licence.licenceType.rawValue),
            "driver.licence.status": .string(licence.status.rawValue),
            "driver.licence.issuing_authority": .string(licence.issuingAuthority),
            "driver.licensed_elsewhere": .bool(local.map { $0 != licence.issuingAuthority } ?? false),
            "driver.revocations": .number(licence.status == .revoked || licence.revocationReason != nil ? 1 : 0),
            "driver.linked_reports": .number(Double(linkedReports)),
        ]
        func date(_ key: String, _ value: CalendarDay?) { if let value { fields[key] = .date(value) } }
        func flag(_ key: String, _ value: Bool?) { if let value { fields[key] = .bool(value) } }
        func text(_ key: String, _ value: String?) { if let value, !value.isEmpty { fields[key] = .string(value) } }
        date("driver.licence.issued_on", licence.issuedOn)
        date("driver.licence.expires_on", licence.expiresOn)
        date("driver.dbs.issued_on", licence.dbsIssuedOn)
        flag("driver.dbs.update_service", licence.dbsUpdateService)
        date("driver.dbs.last_status_check", licence.dbsLastStatusCheck)
        flag("driver.dbs.barred_lists_checked", licence.barredListsChecked)
        date("driver.nr3s.searched_on", licence.nr3sSearchedOn)
        date("driver.training.safeguarding_on", licence.safeguardingTrainingOn)
        flag("driver.right_to_work_checked", licence.rightToWorkChecked)
        text("driver.revocation.reason", licence.revocationReason)
        text("driver.revocation.victim_age_band", licence.victimAgeBand)
        text("driver.vehicle_registration", licence.vehicleRegistration)
        return EntityFacts(kind: .driver, id: licence.licenceNumber, fields: fields)
    }

    static func normalise(_ key: String) -> String {
        String(key.uppercased().filter { $0.isLetter || $0.isNumber })
    }
}
