import Foundation
import SafeguardCore

extension CorpusGenerator {
    /// One planted driver case of workflow 3: the licence and the outcome `safeguard drivers` must give.
    public struct PlantedDriverCase: Sendable, Hashable, Codable {
        public var licenceNumber: String
        public var issuingAuthority: String
        public var situation: String
        public var expectedOutcome: String
        /// Exactly the driver rules that must fire (none for no action).
        public var expectedRules: [String]
        /// Words the explanation of the findings must contain (empty for no action).
        public var expectedExplanation: String

        public init(
            licenceNumber: String, issuingAuthority: String, situation: String, expectedOutcome: String,
            expectedRules: [String] = [], expectedExplanation: String = ""
        ) {
            self.licenceNumber = licenceNumber
            self.issuingAuthority = issuingAuthority
            self.situation = situation
            self.expectedOutcome = expectedOutcome
            self.expectedRules = expectedRules
            self.expectedExplanation = expectedExplanation
        }
    }

    /// The files of the planted driver cases (new files, so the generated reports and
    /// intelligence stay as they were).
    public enum DriverCaseLayout {
        public static let history = "taxis/licence-history.csv"
        public static let nr3s = "taxis/nr3s.csv"
        public static let replies = "taxis/s6-replies.csv"
        public static let cases = "taxis/planted-cases.json"
        public static let reports = "reports/planted-drivers.jsonl"
        public static let intelligence = "intelligence/planted-drivers.csv"
    }

    /// The planted driver cases, dated from the corpus day (fixed data: no random draws, so the
    /// rest of the corpus is unchanged by them).
    func driverCaseRows() -> (drivers: [[String]], vehicles: [[String]], cases: [PlantedDriverCase]) {
        let here = CorpusVocabulary.authorityLongName
        let there = CorpusVocabulary.otherAuthorities[0]
        func day(_ offset: Int) -> String { self.asOf.adding(days: offset).description }
        // licence_number, licence_type, holder_name, badge_number, issuing_authority, issued_on, expires_on,
        // status, dbs_issued_on, dbs_update_service, dbs_last_status_check, barred_lists_checked,
        // nr3s_searched_on, safeguarding_training_on, right_to_work_checked, revocation_reason,
        // victim_age_band, vehicle_registration
        let drivers: [[String]] = [
            ["KV/PH/90001", "private-hire", "Alex Current", "PH90001", here, day(-245), day(850), "active", day(-270), "yes", day(-40), "yes", day(-250), day(-248), "yes", "", "", "PK25 ACN"],
            ["KV/PH/90002", "private-hire", "Sam Eightmonths", "PH90002", here, day(-300), day(795), "active", day(-320), "yes", day(-245), "yes", day(-305), day(-302), "yes", "", "", ""],
            ["KV/HC/90003", "hackney", "Jo Renewal", "HC90003", here, day(-1_065), day(30), "active", day(-1_080), "yes", day(-60), "yes", day(-1_070), "", "yes", "", "", ""],
            ["KV/PH/90004", "private-hire", "Chris Grant", "PH90004", "\(here)", "2024-05-10", "2027-05-09", "active", "2024-04-20", "yes", day(-50), "yes", "", "2024-05-02", "yes", "", "", ""],
            ["KV/PH/90005", "private-hire", "Lee Nightplate", "PH90005", here, day(-400), day(695), "active", day(-420), "yes", day(-30), "yes", day(-405), day(-402), "yes", "", "", "PY24 NHT"],
            ["RM/PH/90006", "private-hire", "Pat Elsewhere", "R90006", there, day(-200), day(895), "active", day(-220), "yes", day(-20), "yes", day(-205), day(-203), "yes", "", "", ""],
            ["KV/PH/90007", "private-hire", "Kim Applicant", "PH90007", here, day(-12), day(1_083), "applied", day(-30), "yes", day(-30), "yes", day(-11), day(-20), "yes", "", "", ""],
            ["RM/PH/90008", "private-hire", "Ray Replied", "R90008", there, day(-500), day(595), "active", day(-520), "yes", day(-25), "yes", day(-505), day(-503), "yes", "", "", ""],
        ]
        let vehicles: [[String]] = [
            ["KV/V/90001", "private-hire", "PK25 ACN", "Toyota", "Corolla", "Alex Current", "KV/OP/0001", here, day(-200), day(165), "active"],
            ["KV/V/90005", "private-hire", "PY24 NHT", "Skoda", "Octavia", "Lee Nightplate", "KV/OP/0002", here, day(-120), day(245), "active"],
        ]
        let cases = [
            PlantedDriverCase(licenceNumber: "KV/PH/90001", issuingAuthority: here, situation: "every check current", expectedOutcome: "no-action"),
            PlantedDriverCase(
                licenceNumber: "KV/PH/90002", issuingAuthority: here, situation: "Update Service check eight months old",
                expectedOutcome: "request-dbs-status-check", expectedRules: ["driver-update-service-check-stale"],
                expectedExplanation: "Last Update Service status check: \(day(-245))"),
            PlantedDriverCase(
                licenceNumber: "KV/HC/90003", issuingAuthority: here, situation: "no safeguarding training, renewal in 30 days",
                expectedOutcome: "require-training-before-renewal",
                expectedRules: ["driver-no-safeguarding-training", "driver-renewal-due-without-training"],
                expectedExplanation: "The licence is due for renewal on \(day(30))"),
            PlantedDriverCase(
                licenceNumber: "KV/PH/90004", issuingAuthority: here, situation: "NR3S not searched since a 2024 grant",
                expectedOutcome: "nr3s-search-required", expectedRules: ["driver-nr3s-not-searched"],
                expectedExplanation: "the last application (grant or renewal) was on 2024-05-01"),
            PlantedDriverCase(
                licenceNumber: "KV/PH/90005", issuingAuthority: here,
                situation: "two independent reports naming the plate at night near a children's home",
                expectedOutcome: "summon-for-interview", expectedRules: ["driver-linked-concern", "driver-repeated-reports"],
                expectedExplanation: "Concern signs come from 2 separate documents"),
            PlantedDriverCase(
                licenceNumber: "RM/PH/90006", issuingAuthority: there,
                situation: "licensed by another authority, seen in three intelligence records here",
                expectedOutcome: "refer-to-licensing-committee",
                expectedRules: ["driver-licensed-elsewhere-with-concerns", "driver-linked-concern", "driver-repeated-reports"],
                expectedExplanation: "Licensed by \(there), not here, and named in 3 report(s) or intelligence record(s) here"),
            PlantedDriverCase(
                licenceNumber: "KV/PH/90007", issuingAuthority: here, situation: "revoked elsewhere for a sexual offence, now applying here",
                expectedOutcome: "refer-to-licensing-committee",
                expectedRules: ["driver-sexual-offence-history", "driver-child-victim-and-licensed", "driver-adverse-history"],
                expectedExplanation: "A licence was refused or revoked for a sexual offence (\(there), 2021-06-01; victim age band 13-15)"),
            PlantedDriverCase(
                licenceNumber: "RM/PH/90008", issuingAuthority: there, situation: "licensed elsewhere, s.5 notified and the s.6 reply recorded",
                expectedOutcome: "refer-to-licensing-committee",
                expectedRules: ["driver-licensed-elsewhere-with-concerns", "driver-linked-concern"],
                expectedExplanation: "Licensed by \(there), not here, and named in 1 report(s) or intelligence record(s) here"),
        ]
        return (drivers, vehicles, cases)
    }

    /// Writes the new files of the planted driver cases (history, NR3S, s.6 replies, reports, intelligence, the case list).
    func writeDriverCaseFiles(directory: URL, cases: [PlantedDriverCase]) throws {
        let here = CorpusVocabulary.authorityLongName
        let there = CorpusVocabulary.otherAuthorities[0]
        func day(_ offset: Int) -> String { self.asOf.adding(days: offset).description }
        func write(_ relative: String, _ lines: [String]) throws {
            let sink = try TextSink(url: directory.appendingPathComponent(relative))
            for line in lines { try sink.write(line) }
            try sink.close()
        }
        try write(DriverCaseLayout.history, [
            csvLine(["licence_number", "issuing_authority", "event", "event_date", "decided_by", "reason_category", "victim_age_band"]),
            csvLine(["KV/PH/90007", here, "revocation", "2021-06-01", there, "sexual-offence", "13-15"]),
            csvLine(["KV/PH/90007", here, "application", day(-12), here, "", ""]),
            csvLine(["KV/PH/90001", here, "grant", day(-245), here, "", ""]),
            csvLine(["KV/PH/90004", here, "grant", "2024-05-10", here, "", ""]),
        ])
        try write(DriverCaseLayout.nr3s, [
            csvLine(["licence_number", "issuing_authority", "application_type", "application_date", "nr3s_searched_on", "nr3s_result", "recording_authority", "details_requested_on", "details_received_on", "decided_on"]),
            csvLine(["KV/PH/90001", here, "grant", day(-252), day(-250), "no-match", "", "", "", ""]),
            csvLine(["KV/PH/90004", here, "grant", "2024-05-01", "", "", "", "", "", ""]),
            csvLine(["KV/PH/90007", here, "grant", day(-12), day(-11), "match", there, day(-10), day(-3), ""]),
        ])
        try write(DriverCaseLayout.replies, [
            csvLine(["licence_number", "issuing_authority", "notified_on", "replied_on", "decision", "note"]),
            csvLine(["RM/PH/90008", there, day(-60), day(-22), "suspended", "Suspended pending the police investigation; review in three months."]),
        ])
        let reportLines = [
            #"{"id": "WB-9001", "received": "\#(day(-50))", "role": "taxi-driver", "seen": "young girls picked up at night near the children's home", "signs": ["young-people"], "text": "Around 1am a private hire car, reg PY24 NHT, picked up two girls who looked about 14 from the corner by the children's home on Marlow Road. They had no coats and the driver told them to get in quick. Same car as last week.", "where": {"premises": "", "address": "", "postcode": "", "vehicle": "PY24 NHT", "badge": ""}, "when": "\#(day(-51))T01:10", "apparent-age": "13-15", "danger-now": false, "contact": null}"#,
            #"{"id": "WB-9002", "received": "\#(day(-20))", "role": "public", "seen": "girls dropped off by a taxi at 3am, one crying", "signs": ["young-people", "night-traffic"], "text": "A silver Octavia taxi PY24 NHT dropped three young girls back at the children's home at 3am. One was crying and another could hardly stand. I have seen it there at night before.", "where": {"premises": "", "address": "", "postcode": "", "vehicle": "PY24 NHT", "badge": ""}, "when": "\#(day(-21))T03:05", "apparent-age": "13-15", "danger-now": false, "contact": null}"#,
        ]
        try write(DriverCaseLayout.reports, reportLines.map { $0 + "\n" })
        try write(DriverCaseLayout.intelligence, [
            csvLine(["id", "date", "source", "premises_name", "address", "postcode", "vehicle_registration", "badge_number", "signs", "summary"]),
            csvLine(["INT-9001", day(-90), "police", "", "", "", "", "R90006", "young-people", "Private hire driver badge R90006 (licensed by \(there)) seen collecting a missing 15-year-old girl from the bus station late at night."]),
            csvLine(["INT-9002", day(-55), "return-interview", "", "", "", "", "R90006", "young-people;night-traffic", "Return interview: the young person said the driver with badge R90006 drives her and friends to parties at night and does not charge them."]),
            csvLine(["INT-9003", day(-15), "complaint", "", "", "", "", "R90006", "young-people", "Hotel night porter reported the driver with badge R90006 dropping teenage girls at the side entrance after midnight."]),
            csvLine(["INT-9004", day(-70), "police", "", "", "", "", "R90008", "young-people", "Driver with badge R90008 (licensed by \(there)) stopped with two girls under 16 in the car at 2am; no account given."]),
        ])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try write(DriverCaseLayout.cases, [String(decoding: try encoder.encode(cases), as: UTF8.self) + "\n"])
    }
}
