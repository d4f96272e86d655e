import Foundation
import Testing
import SafeguardCore
import SafeguardImport
import SafeguardPipeline
import SafeguardReports
import SafeguardStore

/// Workflow 1 end to end with the shipped rules, calendar and letter template, over the committed
/// corpus applications (synthetic) and small in-test stores.
enum ScreeningSupport {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let asOf = CalendarDay(iso: "2026-11-01")!

    static func screening() throws -> ApplicationScreening {
        try ApplicationScreening(rules: self.repository.appendingPathComponent("rules"))
    }

    static func corpusFile(_ number: Int) -> String {
        self.repository.appendingPathComponent("corpus/applications/APP-2026-\(String(format: "%04d", number)).json").path
    }

    static func corpusFiles() throws -> [String] {
        let directory = self.repository.appendingPathComponent("corpus/applications")
        return try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".json") }.sorted()
            .map { directory.appendingPathComponent($0).path }
    }

    static func store() throws -> (SQLiteStore, URL) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("screen-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return (try SQLiteStore(path: directory.appendingPathComponent("s.sqlite").path), directory)
    }
}

@Test func theEightCasesGiveDistinctReasonedOutcomes() throws {
    // Given the corpus's sauna, nightclub with under-18 nights, hotel with residents' bar, off-licence with a
    // convicted DPS, sexual entertainment venue, amusement centre with café, coffee shop and quiet pub variation
    let screening = try ScreeningSupport.screening()
    var results: [Int: ScreeningResult] = [:]
    for number in 1...8 {
        results[number] = try screening.screen(file: ScreeningSupport.corpusFile(number), store: nil, asOf: ScreeningSupport.asOf).result
    }
    func fired(_ number: Int) -> Set<String> { Set(results[number]!.findings.map(\.ruleID)) }
    func conditions(_ number: Int) -> Set<String> { Set(results[number]!.conditions.map(\.id)) }
    // Then each gets its own reasons
    #expect(fired(1).isSuperset(of: ["application-sauna-or-massage", "coventry-adult-entertainment"]))
    #expect(conditions(1).contains("staff-id-and-right-to-work"))
    #expect(fired(2).isSuperset(of: ["coventry-alcohol-to-under-18s", "coventry-children-activities"]))
    #expect(conditions(2).contains("admission-by-age"))
    #expect(fired(3).contains("application-overnight-with-alcohol"))
    #expect(conditions(3).isSuperset(of: ["walk-in-photo-id", "guest-age-verification", "trigger-plan"]))
    #expect(fired(4).contains("coventry-staff-conviction-or-register"))
    #expect(results[4]!.band == "representation")
    #expect(fired(5).contains("coventry-adult-entertainment"))
    #expect(results[5]!.volunteered.map(\.fact).contains("application.admission_age_control"))
    #expect(!conditions(5).contains("admission-by-age"))
    #expect(fired(6).isSuperset(of: ["coventry-gambling", "application-gambling-with-children"]))
    // The quiet ones: no representation, no conditions
    for quiet in [7, 8] {
        #expect(results[quiet]!.findings.isEmpty)
        #expect(results[quiet]!.conditions.isEmpty)
        #expect(results[quiet]!.representation == false)
    }
    #expect(results[8]!.notNeeded.map(\.id) == ["refusal-and-incident-logs"])
    // Every outcome is distinct and every reason explains itself
    let outcomes = Set(results.values.map { "\($0.band)|\($0.findings.map(\.ruleID).sorted())|\($0.conditions.map(\.id).sorted())" })
    #expect(outcomes.count == 7)  // the two quiet ones share "nothing to do"; the six others all differ
    for result in results.values {
        #expect(result.representation == !result.findings.isEmpty)
        for finding in result.findings { #expect(!finding.explanation.isEmpty && !finding.source.isEmpty) }
        for condition in result.conditions {
            #expect(!condition.explanation.isEmpty && !condition.proportionality.isEmpty && !condition.wording.isEmpty)
        }
    }
}

@Test(arguments: PipelineBackend.available) func aPremisesWithRecurringSignsInTheStoreIsRaisedByItsHistory(backend: PipelineBackend) throws {
    // Given intelligence about the Harbour View Hotel in three different months
    let (store, directory) = try backend.makeStore()
    defer { try? FileManager.default.removeItem(at: directory) }
    let place = PlaceReference(premises: "Harbour View Hotel", postcode: "KV2 3AB")
    let records = [("I1", "2026-03-04", "young-people"), ("I2", "2026-05-10", "night-traffic"), ("I3", "2026-08-21", "young-people")]
        .map { id, date, sign in
            IntelligenceRecord(
                id: id, date: CalendarDay(iso: date)!, source: .police, place: place, signs: [sign], summary: "seen at the hotel",
                evidence: [Evidence(sign: sign, source: .intelligence, sourceID: id, date: CalendarDay(iso: date)!, snippet: "[PERSON-1] seen with girls at night")])
        }
    _ = try store.saveIntelligence(records)
    // And an application for the same hotel that volunteers every good-practice step
    typealias A = LicenceApplication
    var application = A(
        reference: "KV/APP/2026/0950", kind: .fullVariation, received: CalendarDay(iso: "2026-10-20")!,
        applicant: A.Applicant(name: "Harbour Hotels Ltd"),
        premises: A.Premises(name: "The Harbour View Hotel", postcode: "KV23AB", uprn: "10001", type: .hotel),
        activities: [A.ActivityHours(activity: .alcoholOn, times: [A.Session(days: A.Weekday.allCases, from: A.ClockTime("11:00")!, to: A.ClockTime("23:00")!)])],
        operatingSchedule: A.OperatingSchedule(childrenFromHarm: [
            "CSE awareness training", "Refusals register and incident log", "Photo ID at check-in for walk-in bookings",
            "Guest age checked", "Trigger plan and police reporting protocol",
        ]),
        declarations: A.Declarations(accommodationRooms: 12, ageVerificationPolicy: .challenge25), variation: "Later hours")
    let screening = try ScreeningSupport.screening()
    // When it is screened with and without the store
    let withHistory = try screening.screen(application, inputHash: "h", store: store, asOf: ScreeningSupport.asOf)
    let without = try screening.screen(application, inputHash: "h", store: nil, asOf: ScreeningSupport.asOf)
    // Then the history raises it, with the dated evidence
    #expect(withHistory.findings.map(\.ruleID).contains("application-premises-history-signs"))
    #expect(!without.findings.map(\.ruleID).contains("application-premises-history-signs"))
    #expect(withHistory.score > without.score)
    #expect(withHistory.history?.matchedBy == "name+postcode")
    #expect(withHistory.history?.evidence.count == 3)
    #expect(withHistory.conditions.isEmpty)  // everything was volunteered
    // And the letter carries that evidence, the deadline and the objective
    let letter = screening.letter(for: withHistory).markdown
    #expect(letter.contains("seen with girls at night"))
    #expect(letter.contains("2026-03-04"))
    #expect(letter.contains(withHistory.window.lastDay.description))
    #expect(letter.contains("the protection of children from harm"))
    // And the UPRN learned on the way finds the premises under a new trading name
    application.premises.name = "Quayside Rooms"
    let renamed = try screening.screen(application, inputHash: "h2", store: store, asOf: ScreeningSupport.asOf)
    #expect(renamed.history?.matchedBy == "uprn")
}

@Test func theLetterRendersForEveryCorpusApplication() throws {
    let screening = try ScreeningSupport.screening()
    let files = try ScreeningSupport.corpusFiles()
    #expect(files.count >= 8)
    for file in files {
        let result = try screening.screen(file: file, store: nil, asOf: ScreeningSupport.asOf).result
        let (markdown, html) = screening.letter(for: result)
        #expect(markdown.contains("Last day for representations: \(result.window.lastDay)"), "\(file)")
        #expect(markdown.contains("the protection of children from harm"))
        #expect(markdown.contains("DRAFT"))
        for finding in result.findings { #expect(markdown.contains(finding.explanation), "\(file): \(finding.ruleID)") }
        for condition in result.conditions { #expect(markdown.contains(condition.wording), "\(file): \(condition.id)") }
        if result.conditions.isEmpty && result.representation { #expect(markdown.contains("No additional conditions")) }
        if !result.representation { #expect(markdown.contains("No representation is recommended")) }
        #expect(html.contains("size: A4"))
        #expect(html.contains("<h1>Representation: \(result.premises.name.replacingOccurrences(of: "&", with: "&amp;"))</h1>"))
    }
}

@Test func aBrokenTemplateNamesTheFileAndLine() {
    let error = #expect(throws: LetterTemplateError.self) {
        _ = try RepresentationLetter(text: "# Letter\n\nGrounds:\n{{#grounds}}{{title}}{{/ground}}\n", file: "rules/templates/representation.mustache")
    }
    #expect(error?.line == 4)
    #expect(error?.description.hasPrefix("rules/templates/representation.mustache:4:") == true)
}

@Test func jsonAndXMLAreOneSchema() throws {
    let json = try ApplicationFormReader.decode(Array(ApplicationFixtures.quietPubJSON.utf8), file: "pub.json")
    let xml = try ApplicationFormReader.decode(Array(ApplicationFixtures.quietPubXML.utf8), file: "pub.xml")
    #expect(json.application == xml.application)
    #expect(json.warnings.isEmpty && xml.warnings.isEmpty)
    // And what the corpus generator encodes reads back to the same value
    let encoder = JSONEncoder()
    let again = try ApplicationFormReader.decode(Array(try encoder.encode(json.application)), file: "again.json")
    #expect(again.application == json.application)
}

@Test func badFieldsAreNamedWithAFixAndUnknownFieldsWarned() throws {
    var text = ApplicationFixtures.quietPubJSON
    text = text.replacingOccurrences(of: "\"type\": \"pub\"", with: "\"type\": \"pubb\"")
    text = text.replacingOccurrences(of: "\"received\": \"2026-10-26\"", with: "\"received\": \"26/10/2026\", \"recieved-by\": \"x\"")
    let error = #expect(throws: ApplicationFormError.self) {
        _ = try ApplicationFormReader.decode(Array(text.utf8), file: "bad.json")
    }
    let message = error?.description ?? ""
    #expect(message.contains("`premises.type`: `pubb` is not one of"))
    #expect(message.contains("did you mean `pub`?"))
    #expect(message.contains("`received`: `26/10/2026` is not a date: write it as YYYY-MM-DD"))
    #expect(error?.issues.contains { $0.severity == .warning && $0.field == "recieved-by" } == true)
    // XML errors carry the line
    let xml = ApplicationFixtures.quietPubXML.replacingOccurrences(of: "<from>11:00</from>", with: "<from>11.00</from>")
    let xmlError = #expect(throws: ApplicationFormError.self) {
        _ = try ApplicationFormReader.decode(Array(xml.utf8), file: "bad.xml")
    }
    #expect(xmlError?.description.contains("bad.xml:20: `activities[0].times[0].from`: `11.00` is not a time") == true)
    // An unknown field alone is a warning, and the application still reads
    let extra = ApplicationFixtures.quietPubXML.replacingOccurrences(of: "<type>pub</type>", with: "<type>pub</type><colour>red</colour>")
    let read = try ApplicationFormReader.decode(Array(extra.utf8), file: "extra.xml")
    #expect(read.warnings.map(\.field) == ["premises.colour"])
}

@Test(arguments: PipelineBackend.available) func screeningDecisionsAreStoredAndReplayed(backend: PipelineBackend) throws {
    let (store, directory) = try backend.makeStore()
    defer { try? FileManager.default.removeItem(at: directory) }
    let screening = try ScreeningSupport.screening()
    let (result, _) = try screening.screen(file: ScreeningSupport.corpusFile(4), store: store, asOf: ScreeningSupport.asOf)
    let (replayed, record) = try ApplicationScreening.replay(id: result.decisionID, store: store)
    #expect(replayed == result)
    #expect(record.rulesetHash == screening.hash)
    let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: ScreeningSupport.corpusFile(4))))
    #expect(record.inputHash == ApplicationScreening.inputHash(bytes))
    #expect(!record.resultJSON.contains(try ApplicationFormReader.read(path: ScreeningSupport.corpusFile(4)).application.proposedDPS!.name))
    #expect(throws: PipelineError.self) { _ = try ApplicationScreening.replay(id: "SCR-0000", store: store) }
}

@Test func theDocumentedExamplesReadAsTheSameApplication() throws {
    // docs/formats.md carries a full JSON and a full XML example of the one schema: both must read, alike, cleanly.
    let text = try String(contentsOf: ScreeningSupport.repository.appendingPathComponent("docs/formats.md"), encoding: .utf8)
    let section = try #require(text.range(of: "## Licence applications")).upperBound
    func lastBlock(_ fence: String) throws -> String {
        let body = text[section...]
        let start = try #require(body.range(of: "```\(fence)\n", options: .backwards)).upperBound
        let end = try #require(body[start...].range(of: "```")).lowerBound
        return String(body[start..<end])
    }
    let json = try ApplicationFormReader.decode(Array(try lastBlock("json").utf8), file: "formats.md#json")
    let xml = try ApplicationFormReader.decode(Array(try lastBlock("xml").utf8), file: "formats.md#xml")
    #expect(json.application == xml.application)
    #expect(json.warnings.isEmpty && xml.warnings.isEmpty)
    #expect(json.application.activities.count == 3)
}

@Test func stepsAreRecognisedAsWholeWords() {
    let step = ScheduleStep(fact: "application.door_staff", title: "SIA door supervisors", phrases: ["sia"])
    #expect(step.match("SIA-registered door staff") == "sia")
    #expect(step.match("Staff trained in Malaysia") == nil)
}
