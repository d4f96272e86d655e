import Foundation
import Testing

/// Issue 15, item by item: what a newcomer following the README, and then giving wrong paths,
/// meets. The README's workflow block itself is run end to end by `.ci/fresh-clone-check`.
@Suite struct NewcomerTests {
    static var readme: String {
        (try? String(contentsOf: SafeguardBinary.repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)) ?? ""
    }

    /// The indented command lines between the workflow markers.
    static var workflow: [String] {
        guard let begin = readme.range(of: "<!-- workflow:begin -->"), let end = readme.range(of: "<!-- workflow:end -->") else {
            return []
        }
        return readme[begin.upperBound..<end.lowerBound].split(separator: "\n")
            .filter { $0.hasPrefix("    ") }.map { $0.trimmingCharacters(in: .whitespaces) }
    }

    // 1 and 10: a workflow on shipped data, writing only under the git-ignored out/.
    @Test func readmeWorkflowUsesShippedDataAndWritesUnderOut() throws {
        let lines = Self.workflow
        #expect(lines.contains { $0.hasPrefix("swift run safeguard profile hotels") && $0.contains("--as-of") })
        for line in lines where line.hasPrefix("swift run safeguard") {
            // nothing outside the clone: the shared data folder beside it is not there elsewhere
            #expect(!line.split(separator: " ").contains { $0.hasPrefix("..") }, "\(line) reads outside the repository")
            for word in line.split(separator: " ") where word.hasPrefix("corpus/") {
                #expect(FileManager.default.fileExists(atPath: SafeguardBinary.repositoryRoot.appendingPathComponent(String(word)).path), "\(word) in \(line)")
            }
            // Every file or folder written is under out/.
            let words = line.split(separator: " ").map(String.init)
            for (k, word) in words.enumerated()
            where ["--out", "--rejects", "--html", "--csv", "--letter", "--key-file", ">"].contains(word) && k + 1 < words.count {
                #expect(words[k + 1].hasPrefix("out/"), "\(line) writes \(words[k + 1]) outside out/")
            }
        }
        let ignore = try String(contentsOf: SafeguardBinary.repositoryRoot.appendingPathComponent(".gitignore"), encoding: .utf8)
        #expect(ignore.split(separator: "\n").contains("/out/"))
    }

    // 3 and 10: the quick start works in a root shell and names every file the demo writes.
    @Test func quickStartSaysAsRootWithAptGetUpdateAndNamesTheDemoFiles() {
        let readme = Self.readme
        #expect(readme.contains("as\nroot, or with `sudo`") || readme.contains("as root, or with `sudo`"))
        #expect(readme.contains("    apt-get update\n    apt-get install -y libxml2-dev"))
        for file in ["profile.html", "profile.csv", "profile.json", "applications.json", "letters/", "drivers.html", "drivers.csv", "drivers.json", "import-issues.txt"] {
            #expect(readme.contains("`\(file)`"), "README does not name \(file)")
        }
    }

    // 4: a kept demo database keeps its key beside it, 0600, and the demo says where.
    @Test func demoKeepsTheKeyBesideAKeptDatabase() throws {
        let cli = try SafeguardBinary()
        defer { cli.cleanUp() }
        let corpus = SafeguardBinary.repositoryRoot.appendingPathComponent("corpus").path
        let result = try cli.run(["demo", "--corpus", corpus, "--db", "kept.sqlite", "--out", "demo-out"])
        #expect(result.status == 0, "\(result.output)")
        let key = cli.path("kept.sqlite.key")
        let attributes = try FileManager.default.attributesOfItem(atPath: key)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect(result.stdout.contains("kept.sqlite.key"))
        // A second demo onto the same path refuses before touching either.
        let again = try cli.run(["demo", "--corpus", corpus, "--db", "kept.sqlite", "--out", "demo-out"])
        #expect(again.status == 2)
        #expect(again.stderr.contains("kept.sqlite already exists"))
        #expect(!again.output.contains("Usage:"))
    }

    // 5: a read-only command with no database says so and creates none; an import of only missing files creates nothing.
    @Test func readOnlyCommandsAndFailedImportsCreateNoDatabase() throws {
        let cli = try SafeguardBinary()
        defer { cli.cleanUp() }
        let links = try cli.run(["links", "review"])
        #expect(links.status == 3)
        #expect(links.stderr.contains("safeguard.sqlite"))
        let missing = try cli.run(["import", "fhrs", "nosuch.xml"])
        #expect(missing.status == 1)
        #expect(!missing.stdout.contains("read 0"))
        #expect(try cli.created(except: []).isEmpty)
    }

    // 6: the issue's own example, a taxi register given to the review importer.
    @Test func reviewImporterNamesTheFormatItWasGiven() throws {
        let cli = try SafeguardBinary()
        defer { cli.cleanUp() }
        let drivers = SafeguardBinary.repositoryRoot.appendingPathComponent("corpus/taxis/drivers.csv").path
        let result = try cli.run(["import", "reviews", drivers])
        #expect(result.status == 1)
        #expect(result.stderr.contains("drivers.csv"))
        #expect(result.stderr.contains("is not a review file"))
        #expect(result.stderr.contains("taxi register CSV, layout drivers"))
        #expect(try cli.created(except: []).isEmpty)
    }

    // 7: scan finds the rules through $SAFEGUARD_RULES from a folder that has no rules/.
    @Test func scanUsesTheRulesDirectoryFromTheEnvironment() throws {
        let cli = try SafeguardBinary()
        defer { cli.cleanUp() }
        let input = try cli.write("in.jsonl", "{\"id\": \"a\", \"text\": \"Nobody asked for ID at the desk.\"}\n")
        let result = try cli.run(["scan", input, "--key-file", "k.key"])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.stdout.contains("\"id\":\"a\"") || result.stdout.contains("\"id\": \"a\""))
        #expect(result.stdout.contains("no-id-check"))
    }

    // 8: one printer: the same words for a directory in scan and in an import, no usage text.
    @Test func directoryIsTheSameErrorEverywhere() throws {
        let cli = try SafeguardBinary()
        defer { cli.cleanUp() }
        try FileManager.default.createDirectory(atPath: cli.path("corpus"), withIntermediateDirectories: true)
        let scan = try cli.run(["scan", "corpus", "--key-file", "k.key"])
        let fhrs = try cli.run(["import", "fhrs", "corpus"])
        #expect(scan.status == 1 && fhrs.status == 1)
        #expect(scan.stderr.contains("is a directory"), "\(scan.stderr)")
        #expect(fhrs.stderr.contains("is a directory"), "\(fhrs.stderr)")
        #expect(!scan.stderr.contains("errno"))
        let rules = try cli.run(["rules", "check", "nosuchdir"])
        #expect(rules.status == 4)
        #expect(!rules.output.contains("Usage:"))
    }

    // 9: a write that fails (full disk) is an error, not a silent exit 0.
    @Test func scanToAFullDiskFails() throws {
        let cli = try SafeguardBinary()
        defer { cli.cleanUp() }
        let input = try cli.write("in.jsonl", "{\"id\": \"a\", \"text\": \"Nobody asked for ID.\"}\n")
        let result = try cli.run(["scan", input, "--key-file", "k.key"], stdoutPath: "/dev/full")
        #expect(result.status == 2, "\(result.output)")
    }
}
