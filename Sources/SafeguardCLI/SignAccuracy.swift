import ArgumentParser
import Foundation
import SafeguardText

/// Precision and recall per sign on a labelled set.
struct SignAccuracy {
    var truePositives: [String: Int] = [:]
    var falsePositives: [String: Int] = [:]
    var falseNegatives: [String: Int] = [:]
    var documents = 0
    var errors: [String] = []

    static func evaluate(labelledPath: String, booking: [Int: String], analyser: TextAnalyser) throws -> SignAccuracy {
        guard let data = FileManager.default.contents(atPath: labelledPath) else {
            throw CommandError(.input, "Cannot read the labelled set \(labelledPath).")
        }
        var result = SignAccuracy()
        for (k, line) in String(decoding: data, as: UTF8.self).split(separator: "\n").enumerated() {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let labels = object["signs"] as? [String]
            else { throw CommandError(.input, "\(labelledPath):\(k + 1): not a labelled record with \"signs\".") }
            let text: String
            let name: String
            if let review = object["review"] as? Int {
                guard let t = booking[review] else { throw CommandError(.input, "\(labelledPath):\(k + 1): review \(review) not in the CSV.") }
                text = t
                name = "booking \(review)"
            } else if let t = object["text"] as? String {
                text = t
                name = object["id"] as? String ?? "line \(k + 1)"
            } else {
                throw CommandError(.input, "\(labelledPath):\(k + 1): needs \"review\" or \"text\".")
            }
            let analysis = analyser.analyse(text)
            let found = Set(analysis.signs)
            let expected = Set(labels)
            result.documents += 1
            for s in found.intersection(expected) { result.truePositives[s, default: 0] += 1 }
            for s in found.subtracting(expected) { result.falsePositives[s, default: 0] += 1 }
            for s in expected.subtracting(found) { result.falseNegatives[s, default: 0] += 1 }
            if found != expected {
                result.errors.append("\(name): expected \(expected.sorted()) found \(found.sorted()) :: \(analysis.text.prefix(300))")
            }
        }
        return result
    }

    func report(showErrors: Bool) -> String {
        var lines: [String] = []
        let signs = Set(self.truePositives.keys).union(self.falsePositives.keys).union(self.falseNegatives.keys).sorted()
        lines.append("sign                 tp  fp  fn  precision recall  f1")
        var tp = 0, fp = 0, fn = 0
        for s in signs {
            let t = self.truePositives[s, default: 0], f = self.falsePositives[s, default: 0], n = self.falseNegatives[s, default: 0]
            tp += t; fp += f; fn += n
            let p = t + f == 0 ? 1 : Double(t) / Double(t + f)
            let r = t + n == 0 ? 1 : Double(t) / Double(t + n)
            let f1 = p + r == 0 ? 0 : 2 * p * r / (p + r)
            lines.append(String(format: "%-20@ %3d %3d %3d  %.2f      %.2f    %.2f", s as NSString, t, f, n, p, r, f1))
        }
        let p = tp + fp == 0 ? 1 : Double(tp) / Double(tp + fp)
        let r = tp + fn == 0 ? 1 : Double(tp) / Double(tp + fn)
        let f1 = p + r == 0 ? 0 : 2 * p * r / (p + r)
        lines.append(String(format: "micro (%d documents)  %3d %3d %3d  %.3f     %.3f   %.3f", self.documents, tp, fp, fn, p, r, f1))
        if showErrors { lines.append(contentsOf: self.errors) }
        return lines.joined(separator: "\n")
    }
}
