import Foundation
import SafeguardCore
import SafeguardCorpus
import SafeguardPipeline
@testable import SafeguardReports
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
                #expect(planted.expectedRules.isEmpty)
                continue
            }
            let found = try #require(entry, "\(planted.situation): not flagged")
            // The outcome, exactly the rules planted for it, and the words of its explanation.
            #expect(found.outcome == planted.expectedOutcome, "\(planted.situation): \(found.reasons)")
            #expect(found.requiredActions.first?.outcome == found.outcome)
            #expect(Set(found.findings.map(\.ruleID)) == Set(planted.expectedRules), "\(planted.situation)")
            let explanations = found.findings.map(\.explanation).joined(separator: "\n")
            #expect(
                !planted.expectedExplanation.isEmpty && explanations.contains(planted.expectedExplanation),
                "\(planted.situation): '\(planted.expectedExplanation)' not in \(explanations)")
            #expect(found.findings.allSatisfy { !$0.explanation.isEmpty && !$0.source.isEmpty && !$0.explanation.contains("{") })
        }
        let plate = try #require(report.entry(licence: "KV/PH/90005")?.findings.first { $0.ruleID == "driver-repeated-reports" })
        #expect(Set(plate.evidence.map(\.sourceID)) == ["WB-9001", "WB-9002"])
        let elsewhere = try #require(report.entry(licence: "RM/PH/90006")?.findings.first { $0.ruleID == "driver-licensed-elsewhere-with-concerns" })
        #expect(Set(elsewhere.evidence.map(\.sourceID)) == ["INT-9001", "INT-9002", "INT-9003"])
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
        // JSON decodes back to the very same report.
        let decoded = try JSONDecoder().decode(DriverReport.self, from: Data(json.utf8))
        #expect(decoded == report)
        // CSV: one row per entry in the same order, with the same outcome, score, rules and reasons.
        let rows = Self.parseCSV(csv)
        #expect(rows.first == DriverReportCSVRenderer.columns)
        #expect(rows.count - 1 == report.entries.count)
        let column = Dictionary(uniqueKeysWithValues: DriverReportCSVRenderer.columns.enumerated().map { ($1, $0) })
        for (row, entry) in zip(rows.dropFirst(), report.entries) {
            #expect(row.count == DriverReportCSVRenderer.columns.count)
            #expect(row[column["rank"]!] == String(entry.rank) && row[column["licence_number"]!] == entry.licenceNumber)
            #expect(row[column["issuing_authority"]!] == entry.issuingAuthority)
            #expect(row[column["outcome"]!] == entry.outcome && row[column["action"]!] == entry.action)
            #expect(row[column["rules"]!] == entry.findings.map(\.ruleID).joined(separator: ";"))
            #expect(row[column["required_actions"]!] == entry.requiredActions.map(\.outcome).joined(separator: ";"))
            #expect(row[column["reasons"]!] == entry.reasons.joined(separator: " | "))
            #expect(Double(row[column["score"]!]).map { abs($0 - entry.score) < 0.05 } == true)
            // HTML: the same rank, licence and score in the ranked table.
            #expect(html.contains("<tr><td class=\"num\">\(entry.rank)</td><td>"))
            #expect(html.contains("<td class=\"num\">\(row[column["score"]!])</td>"))
            #expect(html.contains(">\(HTML.escape(entry.licenceNumber))<"))
        }
        // HTML: each detailed driver's explanations, the counts by outcome, the chart, no script.
        for entry in report.entries.prefix(DriverReportHTMLRenderer().detailLimit) {
            for finding in entry.findings {
                #expect(html.contains(HTML.escape(finding.explanation)), "\(entry.licenceNumber): \(finding.ruleID)")
            }
        }
        for outcome in report.outcomes {
            #expect(html.contains("\(outcome.outcome)</span></td><td class=\"num\">\(outcome.drivers)</td>"))
        }
        for entry in report.crossAuthority {
            #expect(html.contains(HTML.escape(entry.licenceNumber)))
        }
        #expect(html.contains("<svg") && !html.contains("<script"))
        #expect(report.outcomes.map(\.drivers).reduce(0, +) == report.drivers)
        #expect(report.entries.count == report.drivers - report.outcomes[0].drivers)
    }

    /// RFC 4180 fields of a CSV text (quoted fields may hold commas, quotes and line ends).
    static func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var characters = Array(text).makeIterator()
        var pending: Character? = nil
        while let character = pending ?? characters.next() {
            pending = nil
            if quoted {
                if character == "\"" {
                    let next = characters.next()
                    if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
                } else {
                    field.append(character)
                }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                row.append(field)
                field = ""
            } else if character == "\n" || character == "\r\n" {
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            } else {
                field.append(character)
            }
        }
        if !field.isEmpty || !row.isEmpty { rows.append(row + [field]) }
        return rows
    }
}
