import Foundation
import Testing

/// Every command given a file of the wrong kind, a directory, a missing file and an output it
/// cannot write: a non-zero exit status of the documented kind (`safeguard --help`), a message
/// naming what is wrong, no usage text, and for imports nothing created.
@Suite struct CommandFaultTests {
    /// Exit statuses by kind, as `safeguard --help` lists them.
    enum Status: Int32 {
        case input = 1, output = 2, database = 3, rules = 4
    }

    /// One fault case: the arguments (with `{file}` standing for the path given), the status, and
    /// text the message must contain.
    struct Case: CustomStringConvertible, Sendable {
        var arguments: [String]
        var status: Status
        var says: [String]
        /// Standard output redirected to this file (an unwritable standard output).
        var stdout: String? = nil
        var description: String { self.arguments.joined(separator: " ") + (self.stdout.map { " > \($0)" } ?? "") }
    }

    static let premisesCSV = """
        ExtractDate,OrganisationLabel,CaseReference,CaseDate,PremisesName,LocationText,Postcode,StatusLabel
        2023-04-01,Blackpool,PL/2019/0001,2019-01-01,The Grand,1 Promenade,FY1 1AA,Granted

        """
    static let driversCSV = """
        licence_number,licence_type,surname,badge_number,issuing_authority,status
        D1,private hire,Smith,B1,Kelverton,Licensed

        """
    static let reviewsCSV = """
        id,premises_name,address,postcode,site,date,rating,text
        R1,The Grand,1 Promenade,FY1 1AA,example,2023-01-01,5,Nobody asked for ID at the desk.

        """
    static let reportsJSONL = """
        {"id": "WB-1", "received": "2025-05-11", "role": "public", "seen": "party", "signs": [], "text": "Loud music.", "where": {"premises": "The Grand"}}

        """

    /// Each importer, and a file of another format with what that format should be called.
    static let importers: [(command: [String], wrongFile: String, wrongText: String, looksLike: String)] = [
        (["import", "fhrs"], "licences.csv", premisesCSV, "premises licence register CSV"),
        (["import", "premises"], "feed.xml", "<?xml version=\"1.0\"?><FHRSEstablishment><Header/></FHRSEstablishment>", "FHRS XML"),
        (["import", "taxi"], "reviews.csv", reviewsCSV, "review CSV"),
        (["import", "reviews"], "drivers.csv", driversCSV, "taxi register CSV"),
        (["import", "reports"], "reviews.csv", reviewsCSV, "review CSV"),
        (["import", "intel"], "reports.jsonl", reportsJSONL, "whistle-blowing report JSON Lines"),
    ]

    @Test(arguments: 0..<6)
    func importerRefusesAWrongFileADirectoryAndAMissingFileCreatingNothing(index: Int) throws {
        let importer = Self.importers[index]
        let cli = try SafeguardBinary()
        defer { cli.cleanUp() }
        let wrong = try cli.write(importer.wrongFile, importer.wrongText)
        try FileManager.default.createDirectory(atPath: cli.path("folder"), withIntermediateDirectories: true)
        let given: Set<String> = [importer.wrongFile, "folder"]
        for (file, says) in [
            (wrong, ["is not", importer.looksLike]), (cli.path("folder"), ["directory"]), (cli.path("nosuch.csv"), ["nosuch.csv"]),
        ] {
            let result = try cli.run(importer.command + [file, "--rejects", "rejects.csv"])
            #expect(result.status == Status.input.rawValue, "\(importer.command) \(file): \(result.output)")
            for text in says { #expect(result.stderr.contains(text), "\(importer.command) \(file): \(result.stderr)") }
            #expect(!result.output.contains("Usage:"))
            #expect(!result.stdout.contains("read 0"), "no summary line for a file not read")
            #expect(try cli.created(except: given).isEmpty, "\(importer.command) \(file) created files")
        }
    }

    @Test func importWithAnUnwritableRejectsFileFailsAsOutput() throws {
        let cli = try SafeguardBinary()
        defer { cli.cleanUp() }
        let result = try cli.run(["import", "fhrs", SafeguardBinary.fhrsFixture, "--rejects", "/proc/nope/rejects.csv"])
        #expect(result.status == Status.output.rawValue, "\(result.output)")
        #expect(result.stderr.contains("/proc/nope/rejects.csv"))
    }

    /// The commands that read a database, with an output each writes.
    static let readers: [(arguments: [String], writable: [String], unwritable: [String])] = [
        (["profile", "hotels", "--as-of", "2020-11-11"], ["--out", "profile"], ["--out", "/proc/nope/profile"]),
        (["drivers", "--as-of", "2020-11-11"], ["--html", "drivers.html"], ["--html", "/proc/nope/drivers.html"]),
        (["links", "review"], [], []),
        (["audit"], [], []),
    ]

    @Test(arguments: 0..<4)
    func databaseReaderRefusesAWrongFileADirectoryAMissingDatabaseAndAnUnwritableOutput(index: Int) throws {
        let reader = Self.readers[index]
        let cli = try SafeguardBinary()
        defer { cli.cleanUp() }
        let wrong = try cli.write("licences.csv", Self.premisesCSV)
        try FileManager.default.createDirectory(atPath: cli.path("folder"), withIntermediateDirectories: true)
        for database in [wrong, cli.path("folder"), cli.path("nosuch.sqlite")] {
            let result = try cli.run(reader.arguments + reader.writable + ["--db", database])
            #expect(result.status == Status.database.rawValue, "\(reader.arguments) --db \(database): \(result.output)")
            #expect(result.stderr.contains(URL(fileURLWithPath: database).lastPathComponent), "\(result.stderr)")
            #expect(!result.output.contains("Usage:"))
        }
        #expect(!FileManager.default.fileExists(atPath: cli.path("nosuch.sqlite")), "a read-only command created a database")
        // An existing database, and an output it cannot write.
        let drivers = SafeguardBinary.repositoryRoot.appendingPathComponent("corpus/taxis/drivers.csv").path
        for importing in [["fhrs", SafeguardBinary.fhrsFixture], ["taxi", drivers]] {
            let imported = try cli.run(["import"] + importing + ["--db", "real.sqlite"])
            #expect(imported.status == 0, "\(imported.output)")
        }
        let outcome = reader.unwritable.isEmpty
            ? try cli.run(reader.arguments + ["--db", "real.sqlite"], stdoutPath: "/dev/full")
            : try cli.run(reader.arguments + ["--db", "real.sqlite"] + reader.unwritable)
        #expect(outcome.status == Status.output.rawValue, "\(reader.arguments): \(outcome.output)")
        #expect(!outcome.output.contains("Usage:"))
    }

    /// Commands that read files without a database.
    static let fileCommands: [(arguments: [String], wrong: Case, directory: Case, missing: Case, unwritable: Case)] = [
        (
            ["scan"],
            Case(arguments: ["scan", "{wrong}"], status: .input, says: ["error"]),
            Case(arguments: ["scan", "{folder}"], status: .input, says: ["directory"]),
            Case(arguments: ["scan", "{missing}"], status: .input, says: ["nosuch"]),
            Case(arguments: ["scan", "{good}"], status: .output, says: [], stdout: "/dev/full")
        ),
        (
            ["explain"],
            Case(arguments: ["explain", "{wrong}"], status: .input, says: ["licences.csv"]),
            Case(arguments: ["explain", "{folder}"], status: .input, says: ["directory"]),
            Case(arguments: ["explain", "{missing}"], status: .input, says: ["nosuch"]),
            Case(arguments: ["explain", "{facts}"], status: .output, says: [], stdout: "/dev/full")
        ),
        (
            ["rules", "check"],
            Case(arguments: ["rules", "check", "{wrong}"], status: .rules, says: ["licences.csv"]),
            Case(arguments: ["rules", "check", "{folder}"], status: .rules, says: ["folder"]),
            Case(arguments: ["rules", "check", "{missing}"], status: .rules, says: ["nosuch"]),
            Case(arguments: ["rules", "check", "{rules}"], status: .output, says: [], stdout: "/dev/full")
        ),
        (
            ["screen"],
            Case(arguments: ["screen", "{wrong}", "--db", "s.sqlite"], status: .input, says: ["licences.csv"]),
            Case(arguments: ["screen", "{folder}", "--db", "s.sqlite"], status: .input, says: ["folder"]),
            Case(arguments: ["screen", "{missing}", "--db", "s.sqlite"], status: .input, says: ["nosuch"]),
            Case(
                arguments: ["screen", "{application}", "--db", "s.sqlite", "--as-of", "2026-11-01", "--letter", "/proc/nope/letters"],
                status: .output, says: ["/proc/nope"])
        ),
        (
            ["demo"],
            Case(arguments: ["demo", "--corpus", "{wrong}", "--out", "demo-out"], status: .input, says: ["licences.csv"]),
            Case(arguments: ["demo", "--corpus", "{folder}", "--out", "demo-out"], status: .input, says: ["folder"]),
            Case(arguments: ["demo", "--corpus", "{missing}", "--out", "demo-out"], status: .input, says: ["nosuch"]),
            Case(arguments: ["demo", "--corpus", "{corpus}", "--out", "/proc/nope/demo"], status: .output, says: ["/proc/nope"])
        ),
        (
            ["model", "train"],
            Case(arguments: ["model", "train", "{wrong}", "--out", "m.json"], status: .input, says: ["licences.csv line 1"]),
            Case(arguments: ["model", "train", "{folder}", "--out", "m.json"], status: .input, says: ["directory"]),
            Case(arguments: ["model", "train", "{missing}", "--out", "m.json"], status: .input, says: ["nosuch"]),
            Case(arguments: ["model", "train", "{labelled}", "--out", "/proc/nope/m.json"], status: .output, says: ["/proc/nope"])
        ),
        (
            ["report", "submit"],
            Case(arguments: ["report", "submit", "{wrong}", "--token", "t"], status: .input, says: ["not a report"]),
            Case(arguments: ["report", "submit", "{folder}", "--token", "t"], status: .input, says: ["directory"]),
            Case(arguments: ["report", "submit", "{missing}", "--token", "t"], status: .input, says: ["nosuch"]),
            // nothing listens on port 9 (discard) on loopback: the report cannot be delivered
            Case(arguments: ["report", "submit", "{report}", "--token", "t", "--url", "http://127.0.0.1:9"], status: .output, says: ["cannot deliver"])
        ),
    ]

    @Test(arguments: 0..<7)
    func fileCommandRefusesAWrongFileADirectoryAMissingFileAndAnUnwritableOutput(index: Int) throws {
        let command = Self.fileCommands[index]
        let cli = try SafeguardBinary()
        defer { cli.cleanUp() }
        let root = SafeguardBinary.repositoryRoot
        let substitutions = [
            "{wrong}": try cli.write("licences.csv", Self.premisesCSV),
            "{folder}": cli.path("folder"),
            "{missing}": cli.path("nosuch.json"),
            "{good}": try cli.write("good.jsonl", "{\"id\": 1, \"text\": \"Nobody asked for ID at the desk.\"}\n"),
            "{facts}": root.appendingPathComponent("corpus/facts/sample-hotel.json").path,
            "{rules}": root.appendingPathComponent("rules").path,
            "{application}": root.appendingPathComponent("corpus/applications/APP-2026-0001.json").path,
            "{corpus}": root.appendingPathComponent("corpus").path,
            "{labelled}": try cli.write("labelled.jsonl", "{\"text\": \"Men hanging around the car park.\", \"signs\": [\"men-loitering\"]}\n"),
            "{report}": try cli.write("report.json", "{\"role\": \"public\", \"text\": \"Men hanging around the car park.\"}"),
        ]
        try FileManager.default.createDirectory(atPath: cli.path("folder"), withIntermediateDirectories: true)
        for fault in [command.wrong, command.directory, command.missing, command.unwritable] {
            let arguments = fault.arguments.map { substitutions[$0] ?? $0 }
            let result = try cli.run(arguments, stdoutPath: fault.stdout)
            #expect(result.status == fault.status.rawValue, "\(fault): \(result.output)")
            for text in fault.says { #expect(result.output.contains(text), "\(fault): \(result.output)") }
            #expect(!result.output.contains("Usage:"), "\(fault) printed usage text")
        }
    }
}
