import ArgumentParser
import Foundation
import SafeguardText

/// `safeguard bench text`: sign accuracy on the labelled set, pseudonymisation recall on
/// Presidio's evaluation data and a UK-style synthetic set, and end-to-end speed.
struct BenchTextCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "text",
        abstract: "Sign precision/recall, pseudonymisation recall and scan speed (build with -c release).",
        discussion: """
            Example (as recorded in BENCHMARKS.md):
              swift build -c release
              python3 ../shared/peers/make_big_reviews.py ../shared/data/reviews/booking-hotel-reviews.csv /tmp/big-reviews.jsonl 50
              .build/release/safeguard bench text --speed /tmp/big-reviews.jsonl
            """)

    @Option(help: "Labelled set (JSON Lines: {\"source\":\"booking\",\"review\":N,\"signs\":[…]} or {\"id\",\"text\",\"signs\"}).")
    var labelled: String = "bench/text/labelled.jsonl"

    @Option(help: "Booking.com review CSV the labelled review ids refer to.")
    var reviews: String = "../shared/data/reviews/booking-hotel-reviews.csv"

    @Option(help: "Presidio evaluation JSON (synth_dataset_v2.json).")
    var pii: String = "../shared/data/pii/synth_dataset_v2.json"

    @Option(help: "JSON Lines of {\"id\",\"text\"} to time end to end (e.g. from make_big_reviews.py); omitted: no speed run.")
    var speed: String?

    @Option(help: "Write the UK synthetic check's locked part and clean texts to this JSON Lines file (for bench/text/presidio_uk_leaks.py) and stop.")
    var exportUK: String?

        @Flag(help: "Print each labelled text the scanner gets wrong (pseudonymised).")
    var showErrors = false

    @OptionGroup var text: TextOptions

    func run() throws {
        if let path = self.exportUK {
            try UKSyntheticCheck.export(path: path)
            print("wrote \(path)")
            return
        }
        let analyser = try self.text.makeAnalyser()
        let bookingTexts = try Self.bookingTexts(path: self.reviews)
        print("== Sign accuracy (\(self.labelled)) ==")
        let accuracy = try SignAccuracy.evaluate(labelledPath: self.labelled, booking: bookingTexts, analyser: analyser)
        print(accuracy.report(showErrors: self.showErrors))
        print("== Pseudonymisation on \(self.pii) ==")
        print(try PIIRecall.evaluate(path: self.pii, detector: analyser.pseudonymiser.detector))
        print("== UK-style synthetic check ==")
        print(UKSyntheticCheck.run(pseudonymiser: analyser.pseudonymiser))
        let changed = bookingTexts.values.filter { analyser.pseudonymiser.pseudonymise($0).text != $0 }.count
        print("real Booking.com reviews changed by pseudonymisation: \(changed)/\(bookingTexts.count) (informative: they may name staff)")
        if let speed = self.speed {
            print("== Speed (\(speed)) ==")
            print(try ScanSpeed.measure(path: speed, analyser: analyser))
        }
    }

    /// Booking.com review texts by review id (1-based data row), as `make_big_reviews.py` joins them.
    static func bookingTexts(path: String) throws -> [Int: String] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandError(.input, "Cannot read \(path); pass --reviews with the Booking.com CSV.")
        }
        let (reviews, _) = data.withUnsafeBytes { ReviewFileReader.readCSV($0.bindMemory(to: UInt8.self), file: path) }
        var texts: [Int: String] = [:]
        for review in reviews { if let id = Int(review.id) { texts[id] = review.text } }
        return texts
    }
}
