import Foundation
import SafeguardCore
import SafeguardCorpus
import SafeguardPipeline
import SafeguardReports
import SafeguardStore
import Testing

/// `safeguard drivers` on the demo corpus: the planted cases, the cross-authority list, and the
/// three renderings agreeing.
@Suite struct DriverScreeningTests {
    static let shared: Result<DriverReport, PipelineError> = {
        do {
            let run = try DemoRun.get()
            return .success(
                try DriverScreening.report(
                    store: try SQLiteStore(path: run.database), rulesDirectory: run.rules, asOf: run.manifest.asOf))
        } catch let error as PipelineError {
            return .failure(error)
        } catch {
            return .failure(PipelineError(message: "\(error)"))
        }
    }()

    func cases() throws -> [CorpusGenerator.PlantedDriverCase] {
        let url = DemoRun.repository.appendingPathComponent("corpus").appendingPathComponent(CorpusGenerator.DriverCaseLayout.cases)
        return try JSONDecoder().decode([CorpusGenerator.PlantedDriverCase].self, from: Data(contentsOf: url))
    }

    @Test func plantedDriversGetTheExpectedOutcomeAndExplanation() throws {
        let report = try Self.shared.get()
        let cases = try self.cases()
        #expect(cases.count == 8)
        for planted in cases {
            let entry = report.entry(licence: planted.licenceNumber, authority: planted.issuingAuthority)
            if planted.expectedOutcome == "no-action" {
                #expect(entry == nil, "\(planted.situation): expected no action, got \(entry?.outcome ?? "")")
                continue
            }
            let found = try #require(entry, "\(planted.situation): not flagged")
            #expect(found.outcome == planted.expectedOutcome, "\(planted.situation): \(found.reasons)")
            #expect(found.requiredActions.first?.outcome == found.outcome)
            #expect(found.findings.allSatisfy { !$0.explanation.isEmpty && !$0.source.isEmpty })
        }
        func rules(_ licence: String) -> [String] { report.entry(licence: licence)?.findings.map(\.ruleID) ?? [] }
        #expect(rules("KV/PH/90002") == ["driver-update-service-check-stale"])
        #expect(Set(rules("KV/HC/90003")) == ["driver-no-safeguarding-training", "driver-renewal-due-without-training"])
        #expect(rules("KV/PH/90004") == ["driver-nr3s-not-searched"])
        #expect(Set(rules("KV/PH/90005")) == ["driver-linked-concern", "driver-repeated-reports"])
        #expect(rules("RM/PH/90006").contains("driver-licensed-elsewhere-with-concerns"))
        #expect(rules("KV/PH/90007").contains("driver-sexual-offence-history") && rules("KV/PH/90007").contains("driver-child-victim-and-licensed"))
        let elsewhere = try #require(report.entry(licence: "RM/PH/90006")?.findings.first { $0.ruleID == "driver-licensed-elsewhere-with-concerns" })
        #expect(elsewhere.explanation.contains("Ravensmoor") && elsewhere.explanation.contains("3 report(s) or intelligence record(s)"))
        let plate = try #require(report.entry(licence: "KV/PH/90005")?.findings.first { $0.ruleID == "driver-repeated-reports" })
        #expect(plate.explanation.contains("2 separate documents"))
        #expect(Set(plate.evidence.map(\.sourceID)) == ["WB-9001", "WB-9002"])
    }

    @Test func crossAuthorityListHasTheDraftAndTheRecordedReply() throws {
        let report = try Self.shared.get()
        let draft = try #require(report.crossAuthority.first { $0.licenceNumber == "RM/PH/90006" })
        #expect(draft.notificationStatus == "draft" && draft.documents.count == 3)
        #expect(draft.draftNotification.contains("section 5 of the Taxis and Private Hire Vehicles"))
        #expect(draft.draftNotification.contains("INT-9001") && draft.draftNotification.contains("Ravensmoor"))
        let replied = try #require(report.crossAuthority.first { $0.licenceNumber == "RM/PH/90008" })
        #expect(replied.notificationStatus == "replied" && replied.decision == "suspended")
        // Sexual-offence decisions are counted by victim age band, including the one elsewhere.
        #expect(report.victimAgeBands.first { $0.band == "13-15" }.map { $0.elsewhere >= 1 } == true)
        #expect(report.vehicles.contains { $0.registration == "PY24 NHT" && $0.documents.count == 2 && $0.operatorLicence == "KV/OP/0002" })
    }

    @Test func htmlCSVAndJSONAgree() throws {
        let report = try Self.shared.get()
        let csv = DriverReportCSVRenderer().render(report)
        let html = DriverReportHTMLRenderer().render(report)
        let json = try DriverReportJSONRenderer().render(report)
        // CSV: one row per entry in the same order, with the same outcome and score.
        let rows = csv.split(separator: "\n").dropFirst()
        #expect(rows.count == report.entries.count)
        for (row, entry) in zip(rows, report.entries) {
            #expect(row.hasPrefix("\(entry.rank),\(entry.licenceNumber),"))
            #expect(row.contains(",\(entry.outcome),"))
        }
        // JSON decodes back to the same report.
        let decoded = try JSONDecoder().decode(DriverReport.self, from: Data(json.utf8))
        #expect(decoded.entries.map(\.licenceNumber) == report.entries.map(\.licenceNumber))
        #expect(decoded.outcomes == report.outcomes)
        // HTML: every entry in the ranked table, the counts by outcome, the chart, no script.
        for entry in report.entries {
            #expect(html.contains(">\(entry.licenceNumber)<"))
        }
        for outcome in report.outcomes {
            #expect(html.contains("\(outcome.outcome)</span></td><td class=\"num\">\(outcome.drivers)</td>"))
        }
        #expect(html.contains("<svg") && !html.contains("<script"))
        #expect(report.outcomes.map(\.drivers).reduce(0, +) == report.drivers)
        #expect(report.entries.count == report.drivers - report.outcomes[0].drivers)
    }
}
