import ArgumentParser
import Foundation
import SafeguardCore
import SafeguardText

/// `safeguard model`: the sign classifier's weights under `rules/models/`.
struct ModelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "model",
        abstract: "Train the sentence classifier that finds signs said in other words.",
        subcommands: [ModelTrainCommand.self])
}

/// `safeguard model train LABELLED.jsonl... --out rules/models/signs-v1.json`.
struct ModelTrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train one logistic regression per sign from labelled JSON Lines (deterministic).",
        discussion: """
            Each line: {"id": "...", "text": "...", "signs": [...], "evidence": [{"sign", "start", "end"}]}
            (evidence spans in Unicode scalars mark the asserting sentences). Never train on the locked
            test part (bench/text/signs-test.jsonl).
              safeguard model train bench/text/signs-tune.jsonl --out rules/models/signs-v1.json
            """)

    @Argument(help: "Labelled JSON Lines files.")
    var files: [String]

    @Option(help: "Where to write the model (JSON).")
    var out: String = "rules/models/signs-v1.json"

    /// `--rules DIR` (or `$SAFEGUARD_RULES`): hotels/signs.yaml gives the sign ids to train.
    @OptionGroup var rules: RulesDirectoryOptions

    @Option(help: "L2 penalty per update.")
    var l2: Double = SignModelTrainer().l2

    @Option(help: "Passes over the data.")
    var epochs: Int = SignModelTrainer().epochs

    @Option(help: "Weights smaller than this are left out of the file.")
    var keep: Double = SignModelTrainer().keep

    @Option(help: "Logit a sentence must exceed to assert a sign.")
    var threshold: Double = SignModelTrainer().threshold

    @Option(help: "Features seen in fewer sentences than this are not learnt.")
    var minCount: Int = SignModelTrainer().minimumCount

    @Option(help: "Feature kinds learnt: w word, s stem, p five-letter prefix, b stem pair, k skip pair (e.g. ws).")
    var features: String = "wsbk"

    func validate() throws {
        if self.features.isEmpty || !self.features.allSatisfy({ "wspbk".contains($0) }) {
            throw ValidationError("--features takes letters of wspbk (w word, s stem, p prefix, b stem pair, k skip pair), e.g. ws.")
        }
        if self.files.contains(where: { $0.hasSuffix("signs-test.jsonl") }) {
            throw ValidationError("signs-test.jsonl is the locked test part: train on signs-tune.jsonl only.")
        }
    }

    func run() throws {
        var options = try TextOptions.parse(["--rules", try self.rules.directory().path])
        options.keyFile = "/dev/null"
        let ids = try options.loadSigns().map(\.id)
        var examples: [SignModelTrainer.Example] = []
        var names: [String] = []
        for file in self.files {
            let documents = try LabelledDocument.read(path: file)
            for d in documents {
                examples += SignModelTrainer.examples(text: d.text, signs: d.signs, evidence: d.evidence)
            }
            names.append("\((file as NSString).lastPathComponent) (\(documents.count) documents)")
        }
        var trainer = SignModelTrainer()
        trainer.l2 = self.l2
        trainer.epochs = self.epochs
        trainer.keep = self.keep
        trainer.minimumCount = self.minCount
        trainer.threshold = self.threshold
        trainer.kinds = Set(self.features)
        let model = trainer.train(
            examples: examples, signs: ids, trainedOn: names.joined(separator: ", ") + "; \(examples.count) sentences")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = try encoder.encode(model)
        let url = URL(fileURLWithPath: self.out)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try (data + Data("\n".utf8)).write(to: url, options: .atomic)
        } catch {
            throw CommandError(.output, "--out \(self.out): \(FileErrorReason.of(error))", fix: "pass --out in a writable directory")
        }
        let kept = model.signs.map(\.weights.count).reduce(0, +)
        print("trained \(ids.count) signs on \(examples.count) sentences; \(kept) weights written to \(self.out)")
    }
}

/// A labelled document of the development set.
struct LabelledDocument {
    var id: String
    var text: String
    var signs: [String]
    var evidence: [(sign: String, start: Int, end: Int)]?

    static func read(path: String) throws -> [LabelledDocument] {
        let data = try InputFile.read(path, what: "labelled JSON Lines set")
        var result: [LabelledDocument] = []
        for (k, line) in String(decoding: data, as: UTF8.self).split(separator: "\n").enumerated() {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let text = object["text"] as? String, let signs = object["signs"] as? [String]
            else {
                throw CommandError(
                    .input, "\(path) line \(k + 1): expected {\"text\": ..., \"signs\": [...]}",
                    fix: "fix or remove the line (the format is in bench/text/LABELLING.md)")
            }
            var evidence: [(sign: String, start: Int, end: Int)]?
            if let list = object["evidence"] as? [[String: Any]] {
                evidence = try list.map { item in
                    guard let s = item["sign"] as? String, let a = item["start"] as? Int, let b = item["end"] as? Int else {
                        throw CommandError(.input, "\(path) line \(k + 1): evidence items need sign, start and end", fix: "fix or remove the item")
                    }
                    return (s, a, b)
                }
            }
            result.append(LabelledDocument(id: object["id"] as? String ?? "line \(k + 1)", text: text, signs: signs, evidence: evidence))
        }
        return result
    }
}
