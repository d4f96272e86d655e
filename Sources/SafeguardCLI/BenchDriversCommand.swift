import ArgumentParser
import Foundation
import SafeguardCore
import SafeguardCorpus
import SafeguardPipeline
import SafeguardReports
import SafeguardRules
import SafeguardStore

/// `safeguard bench drivers`: generate a big taxi register, store it, and time the driver checks.
struct BenchDriversCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drivers",
        abstract: "Time the driver checks (workflow 3) on a generated register (default 100,000 drivers).",
        discussion: """
            Generates a corpus with --drivers drivers (vehicles, operators, reports and intelligence \
            naming badges and plates scaled with it; few hotels and reviews), imports it into a fresh \
            database, and adds an NR3S search and a grant to the licence history of every driver (2% \
            with a refusal, suspension or revocation, 1% with an NR3S match), so the register is as \
            full as a real one. Then, each timed (best of --runs): scoring every driver with its \
            explanations from the register in memory; the whole report from it (score and assemble); \
            and end to end as `safeguard drivers` runs it: read the stored register, score, assemble, \
            write HTML, CSV and JSON. Targets (issue 10): scoring under 2 s, end to end under 5 s.

            Example:
              swift build -c release --scratch-path .build-release
              .build-release/release/safeguard bench drivers --drivers 100000 --work /tmp/bench-drivers
              time .build-release/release/safeguard drivers --db /tmp/bench-drivers/bench.sqlite --as-of 2026-11-01 \\
                --html /tmp/bench-drivers/drivers.html --csv /tmp/bench-drivers/drivers.csv
            """)

    @Option(help: "Drivers in the generated register.")
    var drivers = 100_000

    @Option(help: "Seed of the corpus generator.")
    var seed: UInt64 = 42

    @Option(help: "Timed runs of each step; the best and the median are printed.")
    var runs = 3

    @Option(help: "Working directory (default: a new temporary directory, removed afterwards).")
    var work: String?

    @Flag(help: "Reuse the database already in --work (skip generation and import).")
    var reuse = false

    @OptionGroup var rules: RulesDirectoryOptions

    func validate() throws {
        guard self.drivers >= 1_000 else { throw ValidationError("--drivers must be at least 1000.") }
        guard self.runs >= 1 else { throw ValidationError("--runs must be at least 1.") }
        if self.reuse, self.work == nil { throw ValidationError("--reuse needs --work DIR (the directory of an earlier run).") }
    }

    func run() throws {
        let rulesDirectory = try self.rules.directory()
        let temporary = self.work == nil
        let work = URL(fileURLWithPath: self.work ?? FileManager.default.temporaryDirectory.appendingPathComponent("safeguard-bench-drivers-\(UUID().uuidString)").path)
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { if temporary { try? FileManager.default.removeItem(at: work) } }
        let database = work.appendingPathComponent("bench.sqlite").path
        var generator = CorpusGenerator(seed: self.seed, scale: 1)
        generator.counts.drivers = self.drivers
        generator.counts.vehicles = self.drivers * 3 / 4
        generator.counts.operators = max(40, self.drivers / 50)
        generator.counts.intelligence = max(50, self.drivers / 40)
        generator.counts.reports = max(30, self.drivers / 60)
        generator.counts.reviews = 2_000
        let clock = ContinuousClock()
        if !self.reuse {
            try? FileManager.default.removeItem(atPath: database)
            let corpus = work.appendingPathComponent("corpus")
            var start = clock.now
            _ = try generator.write(to: corpus)
            print("generate: \(self.drivers) drivers in \(BenchProfileCommand.seconds(clock.now - start)) s")
            let store = try SQLiteStore(path: database)
            let text = try TextOptions.parse(["--key-file", work.appendingPathComponent("bench.key").path, "--rules", rulesDirectory.path])
            let importer = CorpusImport(store: store, analyser: try text.makeAnalyser())
            start = clock.now
            try importer.importAll(from: corpus)
            print("import corpus: \(BenchProfileCommand.seconds(clock.now - start)) s")
            start = clock.now
            let added = try Self.fillRegister(store: store, asOf: generator.asOf)
            print("register filled: \(added.searches) NR3S searches, \(added.events) history events in \(BenchProfileCommand.seconds(clock.now - start)) s")
        }
        let asOf = generator.asOf
        let store = try SQLiteStore(path: database)
        let ruleSet = try RuleSetLoader.load(directory: rulesDirectory)
        let engine = Engine(ruleSet: ruleSet)
        let notifications = try Section5NotificationRenderer(rulesDirectory: rulesDirectory)

        var times: [String: [Double]] = [:]
        func timed<T>(_ step: String, _ body: () throws -> T) rethrows -> T {
            let start = clock.now
            let result = try body()
            let elapsed = clock.now - start
            times[step, default: []].append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
            return result
        }
        var snapshot = TaxiRegisterSnapshot()
        var findings = 0
        var report: DriverReport?
        var files: [URL] = []
        for _ in 0..<self.runs {
            snapshot = try timed("read register") { try store.taxiRegister() }
            let decisions = timed("score with explanations") {
                let builder = DriverFactsBuilder(snapshot: snapshot, localAuthority: nil)
                return DriverScreening.score(snapshot.drivers, builder: builder, engine: engine, asOf: asOf)
            }
            findings = decisions.reduce(0) { $0 + $1.findings.count }
            report = timed("score + assemble report") {
                DriverScreening.assess(snapshot, engine: engine, notifications: notifications, asOf: asOf)
            }
            let output = work.appendingPathComponent("out")
            files = try timed("end to end (safeguard drivers: read, rules, score, report, 3 files)") {
                let run = try DriversRun(
                    store: try StoreOptions.parse(["--db", database]), rulesDirectory: rulesDirectory, asOf: asOf,
                    authority: nil, html: output.appendingPathComponent("drivers.html"),
                    csv: output.appendingPathComponent("drivers.csv"), json: output.appendingPathComponent("drivers.json"))
                return run.files
            }
        }
        guard let report else { return }
        print("register: \(snapshot.drivers.count) drivers, \(snapshot.vehicles.count) vehicles, \(snapshot.operators.count) operators, \(snapshot.history.count) history events, \(snapshot.nr3s.count) NR3S searches, \(snapshot.documents.count) reports/intelligence naming a badge or plate")
        print("result: \(report.entries.count) drivers need action, \(findings) findings with explanations, \(report.crossAuthority.count) cross-authority entries")
        print("outcomes: " + report.outcomes.map { "\($0.outcome) \($0.drivers)" }.joined(separator: ", "))
        let sizes = files.map { url -> String in
            let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
            return "\(url.lastPathComponent) \(size / 1_024) KiB"
        }
        print("files: " + sizes.joined(separator: ", "))
        for step in ["read register", "score with explanations", "score + assemble report", "end to end (safeguard drivers: read, rules, score, report, 3 files)"] {
            let values = (times[step] ?? []).sorted()
            guard let best = values.first else { continue }
            print(String(format: "%@: best %.3f s, median %.3f s (%d runs)", step, best, values[values.count / 2], values.count))
        }
        print("targets: score with explanations < 2 s; end to end < 5 s (time the command itself too:)")
        print("  time safeguard drivers --db \(database) --as-of \(asOf) --html \(work.path)/drivers.html --csv \(work.path)/drivers.csv")
    }

    /// Adds what a full register holds beyond the generated CSVs: an NR3S search and a grant for
    /// every driver, and (seeded) adverse decisions and NR3S matches for a few.
    static func fillRegister(store: SQLiteStore, asOf: CalendarDay) throws -> (searches: Int, events: Int) {
        let drivers = try store.taxiRegister().drivers
        var searches: [NR3SSearch] = []
        var events: [TaxiLicenceEvent] = []
        let reasons: [TaxiAdverseReason] = [.conduct, .driving, .dishonesty, .safeguardingConcern, .sexualOffence, .violence]
        let bands: [VictimAgeBand] = [.under13, .from13to15, .from16to17, .adult, .notRecorded]
        let elsewhere = "Eastbridge City Council"
        for (index, driver) in drivers.enumerated() {
            guard let issued = driver.issuedOn else { continue }
            let applied = issued.adding(days: -10)
            let matched = index % 100 == 37
            searches.append(
                NR3SSearch(
                    licenceNumber: driver.licenceNumber, issuingAuthority: driver.issuingAuthority,
                    applicationKind: index % 3 == 0 ? .grant : .renewal, applicationOn: applied,
                    searchedOn: driver.nr3sSearchedOn, matched: driver.nr3sSearchedOn == nil ? nil : matched,
                    recordingAuthority: matched && driver.nr3sSearchedOn != nil ? elsewhere : nil,
                    detailsRequestedOn: matched && index % 200 == 37 ? driver.nr3sSearchedOn?.adding(days: 2) : nil))
            events.append(
                TaxiLicenceEvent(
                    licenceNumber: driver.licenceNumber, issuingAuthority: driver.issuingAuthority,
                    decidedBy: driver.issuingAuthority, kind: index % 3 == 0 ? .grant : .renewal, date: issued))
            if index % 50 == 11 {
                let reason = reasons[(index / 50) % reasons.count]
                events.append(
                    TaxiLicenceEvent(
                        licenceNumber: driver.licenceNumber, issuingAuthority: driver.issuingAuthority,
                        decidedBy: index % 100 == 11 ? elsewhere : driver.issuingAuthority,
                        kind: [.refusal, .suspension, .revocation, .nonRenewal][(index / 50) % 4],
                        date: issued.adding(days: -400), reason: reason,
                        victimAgeBand: reason == .sexualOffence ? bands[(index / 50) % bands.count] : nil))
            }
        }
        for start in stride(from: 0, to: searches.count, by: 5_000) {
            _ = try store.recordNR3SSearches(Array(searches[start..<min(start + 5_000, searches.count)]))
        }
        for start in stride(from: 0, to: events.count, by: 5_000) {
            _ = try store.recordTaxiHistory(Array(events[start..<min(start + 5_000, events.count)]))
        }
        return (searches.count, events.count)
    }
}
