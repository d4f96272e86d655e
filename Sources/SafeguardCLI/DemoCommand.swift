import ArgumentParser
import Foundation
import SafeguardCore
import SafeguardCorpus
import SafeguardPipeline
import SafeguardRules
import SafeguardStore
import SafeguardStorePostgres
import SafeguardText

/// `safeguard demo`: the whole pipeline on the shipped corpus, from an empty database.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Import the demo corpus into a fresh database, scan, score and write the hotel problem profile.",
        discussion: """
            From an empty database in a temporary directory: check the rules, import the whole corpus \
            (FHRS, licences, taxis, reviews, whistle-blowing reports, intelligence; every text \
            pseudonymised and scanned), score every hotel, write the hotel problem profile, screen the \
            corpus licence applications, and print a summary with the paths. Run from the repository root:
              swift run safeguard demo
            """)

    @OptionGroup var rules: RulesDirectoryOptions

    @Option(help: "The corpus directory (as written by `safeguard corpus generate`).")
    var corpus = "corpus"

    @Option(help: "Directory to write the results into.")
    var out = "safeguard-demo"

    @Option(help: ArgumentHelp("Keep the demo database at this path (it must not exist yet), and its pseudonymisation key beside it in <path>.key (mode 0600); by default both live in a temporary directory that is removed. A postgres://USER@HOST:PORT/DB?authority=ID URL imports into that (migrated, empty for the authority) PostgreSQL database instead.", valueName: "path|url"))
    var db: String?

    @Option(help: "The day to score as of (YYYY-MM-DD; default: the corpus's own date from manifest.json).")
    var asOf: String?

    func run() async throws {
        let postgresURL = self.db.flatMap { PostgresLocation.matches($0) ? $0 : nil }
        if let kept = self.db, postgresURL == nil, FileManager.default.fileExists(atPath: kept) {
            throw CommandError(.output, "--db \(kept) already exists; the demo starts from an empty database", fix: "remove it or choose another path")
        }
        if let kept = self.db, postgresURL == nil, FileManager.default.fileExists(atPath: Self.keyPath(forKept: kept)) {
            throw CommandError(
                .output, "\(Self.keyPath(forKept: kept)) already exists; the demo makes a new pseudonymisation key for a new database",
                fix: "remove it (and the database it belongs to) or choose another --db path")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: self.corpus, isDirectory: &isDirectory) else {
            throw CommandError(.input, "--corpus \(self.corpus) does not exist", fix: "run from the repository root, or pass the corpus directory (the one holding fhrs/, reviews/, ...)")
        }
        guard isDirectory.boolValue else {
            throw CommandError(.input, "--corpus \(self.corpus) is a file, not the corpus directory", fix: "pass the directory holding fhrs/, reviews/, ..., e.g. --corpus corpus")
        }
        // The output directory first, so an unwritable --out fails before a minute of importing.
        do {
            try FileManager.default.createDirectory(at: URL(fileURLWithPath: self.out), withIntermediateDirectories: true)
        } catch {
            throw CommandError(.output, "cannot create the output directory \(self.out): \((error as NSError).localizedDescription)", fix: "choose a directory you can write to with --out")
        }
        let rulesDirectory = try self.rules.directory()
        print("== 1. Checking the rules in \(rulesDirectory.path)")
        let report = RuleSetLoader.check(directory: rulesDirectory)
        guard let ruleSet = report.ruleSet, report.errors.isEmpty else {
            for diagnostic in report.diagnostics { print("  \(diagnostic)") }
            throw CommandError(.rules, "the rules in \(rulesDirectory.path) do not load", fix: "fix the errors listed above (`safeguard rules check`)")
        }
        print("  \(report.files.count) files, \(ruleSet.rules.count) rules, \(ruleSet.signs.count) signs; ruleset \(ruleSet.hash.prefix(16))")

        let corpusURL = URL(fileURLWithPath: self.corpus)
        let manifest = try? CorpusManifest.read(from: corpusURL.appendingPathComponent(CorpusGenerator.Layout.manifest))
        let asOf = self.asOf.flatMap { CalendarDay(iso: $0) } ?? manifest?.asOf ?? ExplainCommand.today()
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("safeguard-demo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let databasePath = self.db.map(PostgresLocation.redacted) ?? work.appendingPathComponent("demo.sqlite").path

        print("\n== 2. Importing \(corpusURL.path) into a fresh database (\(databasePath))")
        let store: any SafeguardStore
        if let postgresURL {
            store = try Self.emptyPostgresStore(postgresURL)
        } else {
            do {
                store = try SQLiteStore(path: databasePath)
            } catch let error as StoreError {
                throw CommandError(.database, error.message)
            }
        }
        // A kept database keeps its key beside it: without it nothing scanned later links to what is stored.
        // (A PostgreSQL demo's key is temporary: pass your own --key-file to later imports.)
        let keyPath = postgresURL != nil ? work.appendingPathComponent("demo.key").path
            : self.db.map(Self.keyPath(forKept:)) ?? work.appendingPathComponent("demo.key").path
        let text = try TextOptions.parse(["--key-file", keyPath, "--rules", rulesDirectory.path])
        let importer = CorpusImport(store: store, analyser: try text.makeAnalyser())
        let lines = try importer.importAll(from: corpusURL) { line in
            print("  \(line.source): \(line.read) read, \(line.stored) stored, \(line.rejected) rejected (\(String(format: "%.1f", line.seconds)) s)")
        }
        _ = lines
        for source in importer.skipped {
            print("  \(source): skipped (this store does not keep it)")
        }
        let output = URL(fileURLWithPath: self.out)
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        if !importer.issues.isEmpty {
            let rejects = output.appendingPathComponent("import-issues.txt")
            try Data(importer.issues.map { "\($0.location): \($0.message)" }.joined(separator: "\n").utf8).write(to: rejects)
            print("  \(importer.issues.count) record(s) with problems: \(rejects.path)")
        }

        print("\n== 3. Scoring hotels and writing the hotel problem profile (as of \(asOf))")
        let result = try ProfileJob(
            databasePath: databasePath, rulesDirectory: rulesDirectory, asOf: asOf, since: nil, area: nil,
            suppressSmall: false, outputDirectory: output, store: store
        ).run()
        print(result.summary.split(separator: "\n").map { "  \($0)" }.joined(separator: "\n"))

        print("\n== 4. Screening the corpus licence applications")
        let applications = try ApplicationScreening(rules: rulesDirectory).screen(
            directory: corpusURL.appendingPathComponent(CorpusGenerator.Layout.applications),
            store: store as? any ScreeningStore, asOf: asOf, output: output.appendingPathComponent("applications.json"),
            letters: output.appendingPathComponent("letters"))
        for line in applications.lines { print("  \(line)") }

        print("\n== 5. Checking the taxi drivers against the driver standards (safeguard drivers)")
        let drivers = try DriversRun(
            store: try StoreOptions.parse(["--db", postgresURL ?? databasePath]), rulesDirectory: rulesDirectory, asOf: asOf,
            authority: nil, html: output.appendingPathComponent("drivers.html"),
            csv: output.appendingPathComponent("drivers.csv"), json: output.appendingPathComponent("drivers.json"))
        print(drivers.summary.split(separator: "\n").prefix(12).map { "  \($0)" }.joined(separator: "\n"))

        print("\n== Done. Results in \(output.path):")
        for file in result.files + [applications.file].compactMap({ $0 }) + drivers.files {
            print("  \(file.path)")
        }
        if postgresURL != nil {
            print("The rows are in \(databasePath); the pseudonymisation key was temporary and is removed.")
        } else if let kept = self.db {
            print("Kept the database in \(kept) and its pseudonymisation key in \(keyPath) (mode 0600).")
            print("Text imported later links to it only under the same key: add --db \(kept) --key-file \(keyPath)")
        } else {
            print("The database and its pseudonymisation key were in \(work.path) and are removed; use --db to keep them.")
        }
        print("Nothing here proves exploitation; it shows where a visit, an interview or a representation is justified.")
    }

    /// Where the demo keeps the pseudonymisation key of a kept database: beside it, `<db>.key`.
    static func keyPath(forKept database: String) -> String { database + ".key" }

    /// The PostgreSQL store at `url` for the demo: migrated, and holding no rows for the URL's
    /// authority (the demo starts from empty, as it does on SQLite).
    static func emptyPostgresStore(_ url: String) throws -> PostgresStore {
        let store = try StoreOptions.openPostgres(url)
        let held = try store.tableCounts().values.reduce(0, +)
        guard held == 0 else {
            throw CommandError(
                .output, "\(store.location) already holds \(held) row(s) for authority '\(store.authority)'; the demo starts from an empty store",
                fix: "use a fresh database (createdb, then `safeguard db migrate`) or another ?authority=ID")
        }
        return store
    }
}
