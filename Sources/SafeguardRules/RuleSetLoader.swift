import Foundation
import SafeguardCore
import Yams

/// Loads a `rules/` directory into a checked `RuleSet`, all or nothing.
///
/// Every `*.yaml` file outside `tests/` is read: the sign list (a file with a top-level `signs:`),
/// and rule files (`rules:`, `bands:`, `scoring:`, `conditions:`). Any error anywhere — YAML syntax,
/// unknown field, unknown fact, type error, protected characteristic — fails the whole load, with
/// every problem reported at its `file:line:column`.
public enum RuleSetLoader {
    /// The outcome of checking a directory: the rule set when it loaded, and every diagnostic.
    public struct Report: Sendable {
        public var ruleSet: RuleSet?
        public var diagnostics: [RuleDiagnostic]
        /// Relative paths of the files read.
        public var files: [String]
        public var errors: [RuleDiagnostic] { self.diagnostics.filter { $0.severity == .error } }
    }

    /// Loads and checks `directory`; throws all diagnostics when anything is wrong.
    public static func load(directory: URL) throws(RuleSetError) -> RuleSet {
        let report = self.check(directory: directory)
        guard let ruleSet = report.ruleSet, report.errors.isEmpty else {
            throw RuleSetError(diagnostics: report.diagnostics)
        }
        return ruleSet
    }

    /// Checks `directory` without throwing (for `safeguard rules check`).
    public static func check(directory: URL) -> Report {
        let files = self.ruleFiles(in: directory)
        guard !files.isEmpty else {
            return Report(
                ruleSet: nil,
                diagnostics: [
                    RuleDiagnostic(
                        code: "no-rule-files",
                        message: "no .yaml rule files found in \(directory.path): pass the rules directory (e.g. `rules/`) or set SAFEGUARD_RULES")
                ], files: [])
        }
        var diagnostics: [RuleDiagnostic] = []
        var yamls: [YAMLFile] = []
        for relative in files {
            do {
                yamls.append(try YAMLFile.read(directory.appendingPathComponent(relative), displayPath: relative))
            } catch {
                diagnostics += error.diagnostics
            }
        }
        var (definition, more) = self.definition(yamls)
        diagnostics += more
        definition.files = files
        definition.hash = self.hash(yamls, models: self.modelFiles(in: directory))
        // Compile even when lint found errors, so one run reports every problem.
        let lintFailed = diagnostics.contains { $0.severity == .error }
        do {
            let ruleSet = try RuleSet(compiling: definition)
            return Report(ruleSet: lintFailed ? nil : ruleSet, diagnostics: diagnostics + ruleSet.warnings, files: files)
        } catch {
            return Report(ruleSet: nil, diagnostics: self.sorted(diagnostics + error.diagnostics), files: files)
        }
    }

    /// Builds the definition from parsed files, with cross-file lint (duplicate ids, one band set
    /// per kind, per-document cap below the first flagging band).
    static func definition(_ yamls: [YAMLFile]) -> (RuleSetDefinition, [RuleDiagnostic]) {
        var definition = RuleSetDefinition()
        var diagnostics: [RuleDiagnostic] = []
        var bandFiles: [EntityKind: String] = [:]
        var scoringFile: (path: String, reader: RuleFileReader)?
        var signFiles: [String] = []
        for yaml in yamls {
            if yaml.root?.mapping?["signs"] != nil {
                var reader = YAMLReader(file: yaml)
                definition.signs += SignListLoader.read(&reader)
                diagnostics += reader.diagnostics
                signFiles.append(yaml.path)
                continue
            }
            // Operating-schedule steps (applications/operating-schedule.yaml): checked here, loaded by ScheduleStepLoader.
            if yaml.root?.mapping?["steps"] != nil {
                var reader = YAMLReader(file: yaml)
                _ = ScheduleStepLoader.read(&reader)
                diagnostics += reader.diagnostics
                continue
            }
            var reader = RuleFileReader(file: yaml)
            reader.read()
            diagnostics += reader.reader.diagnostics
            definition.rules += reader.rules
            definition.conditions += reader.conditions
            for (kind, bands) in reader.bands {
                if let other = bandFiles[kind] {
                    diagnostics.append(
                        RuleDiagnostic(
                            code: "duplicate-bands", message: "bands for \(kind.rawValue) are already defined in \(other); keep one set",
                            location: bands.first?.location ?? SourceLocation(file: yaml.path, line: 1, column: 1)))
                }
                bandFiles[kind] = yaml.path
                definition.bands[kind] = bands
            }
            if let scoring = reader.scoring {
                if let other = scoringFile {
                    diagnostics.append(
                        RuleDiagnostic(
                            code: "duplicate-scoring", message: "hotel `scoring` is already defined in \(other.path)",
                            location: yaml.location(of: reader.scoringNode)))
                }
                definition.hotelScoring = scoring
                scoringFile = (yaml.path, reader)
            }
        }
        if signFiles.count > 1 {
            diagnostics.append(
                RuleDiagnostic(
                    code: "duplicate-signs", message: "more than one sign list: \(signFiles.joined(separator: ", ")); keep one",
                    location: SourceLocation(file: signFiles[1], line: 1, column: 1)))
        }
        diagnostics += self.duplicateIDs(definition)
        if let scoring = definition.hotelScoring, let file = scoringFile {
            let flagging = (definition.bands[.hotel] ?? []).filter { $0.minimumScore > 0 }.map(\.minimumScore).min()
            if let flagging, scoring.perDocumentCap >= flagging {
                diagnostics.append(
                    RuleDiagnostic(
                        code: "one-document-can-flag",
                        message: "per-document-cap (\(NumberFormat.short(scoring.perDocumentCap))) must be below the lowest flagging band (\(NumberFormat.short(flagging))) so one review never flags a hotel",
                        location: file.reader.reader.file.location(of: file.reader.scoringNode)))
            }
            if definition.signs.isEmpty {
                diagnostics.append(
                    RuleDiagnostic(
                        code: "missing-signs", message: "hotel scoring needs the sign list (hotels/signs.yaml) for its weights",
                        location: file.reader.reader.file.location(of: file.reader.scoringNode)))
            }
        }
        return (definition, diagnostics)
    }

    /// Diagnostics in file, line, column order (unlocated ones last).
    static func sorted(_ diagnostics: [RuleDiagnostic]) -> [RuleDiagnostic] {
        diagnostics.enumerated().sorted { a, b in
            guard let left = a.element.location, let right = b.element.location else {
                return a.element.location != nil && b.element.location == nil ? true : a.offset < b.offset
            }
            return (left.file, left.line, left.column, a.offset) < (right.file, right.line, right.column, b.offset)
        }.map(\.element)
    }

    static func duplicateIDs(_ definition: RuleSetDefinition) -> [RuleDiagnostic] {
        var seen: [String: SourceLocation?] = [:]
        var diagnostics: [RuleDiagnostic] = []
        let entries = definition.rules.map { ($0.id, $0.location) } + definition.conditions.map { ($0.id, $0.location) }
        for (id, location) in entries {
            if let first = seen[id] {
                diagnostics.append(
                    RuleDiagnostic(
                        code: "duplicate-id",
                        message: "id `\(id)` is already used\(first.map { " at \($0)" } ?? ""); rule and condition ids must be unique",
                        location: location, excerpt: id))
            } else {
                seen[id] = location
            }
        }
        return diagnostics
    }

    /// The sign classifier weight files (`models/*.json`) under `directory`, by path.
    static func modelFiles(in directory: URL) -> [(path: String, bytes: [UInt8])] {
        let models = directory.appendingPathComponent("models")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: models.path) else { return [] }
        return names.filter { $0.hasSuffix(".json") }.sorted().compactMap { name in
            FileManager.default.contents(atPath: models.appendingPathComponent(name).path).map { ("models/" + name, [UInt8]($0)) }
        }
    }

    /// Relative paths of the `.yaml`/`.yml` files under `directory`, excluding `tests/`, sorted.
    public static func ruleFiles(in directory: URL) -> [String] {
        let base = directory.standardizedFileURL.path
        guard let enumerator = FileManager.default.enumerator(atPath: base) else { return [] }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            if relative == "tests" || relative.hasPrefix("tests/") { continue }
            if relative.hasSuffix(".yaml") || relative.hasSuffix(".yml") {
                files.append(relative)
            }
        }
        return files.sorted()
    }

    /// SHA-256 over the canonicalised files: for each file in path order, its relative path, a
    /// newline, its text with CRLF → LF and trailing spaces removed from every line, and a NUL.
    /// Also hashes the classifier weights under `models/` (path, NUL, bytes, NUL each), so a retrained
    /// model changes the ruleset hash like an edited rule does.
    static func hash(_ yamls: [YAMLFile], models: [(path: String, bytes: [UInt8])] = []) -> String {
        var digest = SHA256Digest()
        for model in models {
            digest.update(model.path + "\n")
            digest.update(model.bytes)
            digest.update([0])
        }
        for yaml in yamls.sorted(by: { $0.path < $1.path }) {
            digest.update(yaml.path + "\n")
            for line in yaml.text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false) {
                var trimmed = Substring(line)
                while let last = trimmed.last, last == " " || last == "\t" { trimmed.removeLast() }
                digest.update(trimmed + "\n")
            }
            digest.update([0])
        }
        return digest.hexDigest()
    }
}
