import ArgumentParser
import Foundation
import SafeguardCore
import SafeguardText

/// `safeguard bench signs`: per-sign precision, recall and F1 on the development set's tuning and
/// locked test parts, with and without the classifier.
struct BenchSignsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "signs",
        abstract: "Sign precision/recall/F1 on bench/text/signs-tune.jsonl and the locked signs-test.jsonl.",
        discussion: """
              swift build -c release
              .build/release/safeguard bench signs
            """)

    @Option(help: "Labelled sets to score (JSON Lines with text and signs).")
    var set: [String] = ["bench/text/signs-tune.jsonl", "bench/text/signs-test.jsonl", "bench/text/labelled.jsonl"]

    @Option(help: "Booking.com review CSV that bench/text/labelled.jsonl refers to.")
    var reviews: String = "../shared/data/reviews/booking-hotel-reviews.csv"

    @Flag(help: "Print each document the detector gets wrong.")
    var showErrors = false

    @OptionGroup var text: TextOptions

    func run() throws {
        var phrasesOnly = self.text
        phrasesOnly.noClassifier = true
        let withClassifier = try self.text.makeAnalyser()
        let withoutClassifier = try phrasesOnly.makeAnalyser()
        // the phrase rules alone: the same signs with their concept rules left out
        let phraseSigns = withoutClassifier.scanner.signs.map { sign -> SignDefinition in
            var copy = sign
            copy.concepts = []
            return copy
        }
        let withoutConcepts = TextAnalyser(
            signs: phraseSigns, key: withoutClassifier.pseudonymiser.key, gazetteer: withoutClassifier.pseudonymiser.detector.gazetteer)
        let booking = FileManager.default.fileExists(atPath: self.reviews) ? try BenchTextCommand.bookingTexts(path: self.reviews) : [:]
        for path in self.set {
            if path.hasSuffix("labelled.jsonl") && booking.isEmpty { continue }
            for (name, analyser) in [
                ("phrase rules only", withoutConcepts), ("phrase rules + concepts", withoutClassifier),
                ("phrase rules + concepts + classifier", withClassifier),
            ] {
                if name.hasSuffix("classifier") && withClassifier.classifier == nil { continue }
                print("== \(path): \(name) ==")
                let accuracy = try SignAccuracy.evaluate(labelledPath: path, booking: booking, analyser: analyser)
                print(accuracy.report(showErrors: self.showErrors))
            }
        }
    }
}
