import ArgumentParser
import Foundation
import SafeguardText

/// Recall per type on Presidio's evaluation data, scored like `peers/presidio_synth_eval.py`:
/// a gold span is found when a predicted span of a compatible type overlaps it (code points).
enum PIIRecall {
    static let compatible: [String: Set<String>] = [
        "PERSON": ["person"], "EMAIL_ADDRESS": ["email"], "PHONE_NUMBER": ["phone"],
        "STREET_ADDRESS": ["address"], "ZIP_CODE": ["postcode"],
    ]

    static func evaluate(path: String, detector: PIIDetector) throws -> String {
        guard let data = FileManager.default.contents(atPath: path),
            let records = try JSONSerialization.jsonObject(with: data) as? [[String: Any]]
        else { throw CommandError(.input, "Cannot read \(path) as a JSON array of Presidio records.") }
        var found: [String: Int] = [:], total: [String: Int] = [:]
        var personPredicted = 0, personCorrect = 0
        let start = ContinuousClock.now
        for record in records {
            guard let text = record["full_text"] as? String, let spans = record["spans"] as? [[String: Any]] else { continue }
            var copy = text
            let predicted: [(type: String, start: Int, end: Int)] = copy.withUTF8 { bytes in
                let spans = detector.detect(bytes)
                // byte offsets -> code point offsets
                var scalarAt = [Int](repeating: 0, count: bytes.count + 1)
                var count = 0
                for i in 0..<bytes.count {
                    scalarAt[i] = count
                    if bytes[i] & 0xC0 != 0x80 { count += 1 }
                }
                scalarAt[bytes.count] = count
                return spans.map { ($0.type.rawValue, scalarAt[$0.start], scalarAt[$0.end]) }
            }
            let gold = spans.compactMap { s -> (String, Int, Int)? in
                guard let t = s["entity_type"] as? String, let a = s["start_position"] as? Int, let b = s["end_position"] as? Int else { return nil }
                return (t, a, b)
            }
            for (type, a, b) in gold {
                guard let types = Self.compatible[type] else { continue }
                total[type, default: 0] += 1
                if predicted.contains(where: { types.contains($0.type) && $0.start < b && a < $0.end }) { found[type, default: 0] += 1 }
            }
            for p in predicted where p.type == "person" {
                personPredicted += 1
                if gold.contains(where: { $0.0 == "PERSON" && p.start < $0.2 && $0.1 < p.end }) { personCorrect += 1 }
            }
        }
        let elapsed = ContinuousClock.now - start
        var lines: [String] = []
        for type in ["PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "STREET_ADDRESS", "ZIP_CODE"] {
            let f = found[type, default: 0], t = total[type, default: 0]
            lines.append(String(format: "%-14@ recall %d/%d = %.3f", type as NSString, f, t, t == 0 ? 0 : Double(f) / Double(t)))
        }
        lines.append(String(format: "PERSON         precision %d/%d = %.3f", personCorrect, personPredicted, personPredicted == 0 ? 0 : Double(personCorrect) / Double(personPredicted)))
        lines.append("records=\(records.count) time=\(elapsed)  (STREET_ADDRESS spans include city/zip; Safeguard's address is house number + street; ZIP_CODE are US zips)")
        return lines.joined(separator: "\n")
    }
}
