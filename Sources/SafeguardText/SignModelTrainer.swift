import Foundation

/// Trains a ``SignModelFile`` from labelled sentences: one L2-regularised logistic regression per
/// sign over binary features (``SignFeatures/names(_:)``), by AdaGrad in a fixed order, so the
/// same examples give the same file byte for byte.
public struct SignModelTrainer: Sendable {
    /// A labelled sentence.
    public struct Example: Sendable {
        /// The sentence.
        public var text: String
        /// The signs it asserts.
        public var signs: Set<String>
        /// Creates an example.
        public init(text: String, signs: Set<String>) {
            self.text = text
            self.signs = signs
        }
    }

    /// Passes over the data.
    public var epochs = 20
    /// L2 penalty per update.
    public var l2 = 0.002
    /// AdaGrad step.
    public var rate = 0.5
    /// Most a positive example weighs relative to a negative one (class balance).
    public var maximumPositiveWeight = 4.0
    /// Weights smaller than this are dropped from the file.
    public var keep = 0.05
    /// Logit a sentence must exceed.
    public var threshold = 0.0
    /// Features seen in fewer sentences than this are not learnt (rare words memorise, not generalise).
    public var minimumCount = 1
    /// Feature kinds learnt, by their prefix letter: w (word), s (stem), p (five-letter prefix), b (stem pair), k (skip pair).
    public var kinds: Set<Character> = ["w", "s", "b", "k"]

    /// Creates a trainer with the default settings.
    public init() {}

    /// Trains one model per sign id of `signs` on `examples`; `trainedOn` is recorded in the file.
    public func train(examples: [Example], signs: [String], trainedOn: String) -> SignModelFile {
        var index: [String: Int] = [:]
        var names: [String] = []
        let featureLists = examples.map { Set(SignFeatures.names($0.text)).filter { self.kinds.contains($0.first ?? " ") } }
        var seen: [String: Int] = [:]
        for list in featureLists { for name in list { seen[name, default: 0] += 1 } }
        let rows: [[Int]] = featureLists.map { list in
            var row: [Int] = []
            for name in list.sorted() where seen[name, default: 0] >= self.minimumCount {
                if let k = index[name] {
                    row.append(k)
                } else {
                    index[name] = names.count
                    row.append(names.count)
                    names.append(name)
                }
            }
            return Array(Set(row)).sorted()
        }
        // a fixed pseudo-random order per epoch (LCG), the same on every run
        var order = Array(0..<rows.count)
        var state: UInt64 = 0x5AFE_6A2D
        var orders: [[Int]] = []
        for _ in 0..<self.epochs {
            for k in stride(from: order.count - 1, to: 0, by: -1) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                let j = Int((state >> 33) % UInt64(k + 1))
                order.swapAt(k, j)
            }
            orders.append(order)
        }
        var models: [SignModelFile.Sign] = []
        for sign in signs {
            let labels = examples.map { $0.signs.contains(sign) }
            let positives = labels.filter { $0 }.count
            let negatives = labels.count - positives
            let positiveWeight = positives == 0 ? 1 : min(self.maximumPositiveWeight, max(1, Double(negatives) / Double(positives) / 8))
            var w = [Double](repeating: 0, count: names.count)
            var g2 = [Double](repeating: 1e-8, count: names.count)
            var b = 0.0, gb = 1e-8
            for epochOrder in orders {
                for r in epochOrder {
                    let row = rows[r]
                    var z = b
                    for k in row { z += w[k] }
                    let p = 1 / (1 + exp(-z))
                    let y = labels[r] ? 1.0 : 0.0
                    let weight = labels[r] ? positiveWeight : 1
                    let g = (p - y) * weight
                    for k in row {
                        let grad = g + self.l2 * w[k]
                        g2[k] += grad * grad
                        w[k] -= self.rate * grad / g2[k].squareRoot()
                    }
                    gb += g * g
                    b -= self.rate * g / gb.squareRoot()
                }
            }
            var weights: [String: Double] = [:]
            for (k, value) in w.enumerated() where abs(value) >= self.keep {
                weights[names[k]] = (value * 10_000).rounded() / 10_000
            }
            models.append(
                SignModelFile.Sign(id: sign, bias: (b * 10_000).rounded() / 10_000, threshold: self.threshold, weights: weights))
        }
        return SignModelFile(
            format: "safeguard-sign-classifier", version: 1,
            features: "per sentence: w: lower-cased word, s: crude stem, p: first five letters of words of six or more, b: adjacent stems, k: stems one word apart (FNV-1a 64 hashed at scan time)",
            trainedOn: trainedOn,
            settings: "logistic regression per sign, AdaGrad, \(self.epochs) epochs, l2 \(self.l2), rate \(self.rate), positive weight up to \(self.maximumPositiveWeight), weights under \(self.keep) dropped, threshold \(self.threshold), features \(String(self.kinds.sorted())) seen in at least \(self.minimumCount) sentences",
            signs: models)
    }

    /// Sentence examples from labelled documents: a sentence carries the signs of the evidence
    /// spans (Unicode scalar offsets) it overlaps; a document without evidence gives examples only
    /// if it asserts nothing (every sentence a negative) or is one sentence long.
    public static func examples(text: String, signs: [String], evidence: [(sign: String, start: Int, end: Int)]?) -> [Example] {
        let sentences = SignFeatures.sentences(text)
        // scalar offset → byte offset
        var byteOf: [Int] = []
        var offset = 0
        for scalar in text.unicodeScalars {
            byteOf.append(offset)
            offset += String(scalar).utf8.count
        }
        byteOf.append(offset)
        if let evidence {
            return sentences.map { sentence in
                var labels = Set<String>()
                for e in evidence where e.start < byteOf.count && e.end < byteOf.count {
                    if byteOf[e.start] < sentence.range.upperBound && sentence.range.lowerBound < byteOf[e.end] { labels.insert(e.sign) }
                }
                return Example(text: sentence.text, signs: labels)
            }
        }
        if signs.isEmpty { return sentences.map { Example(text: $0.text, signs: []) } }
        if sentences.count == 1 { return [Example(text: sentences[0].text, signs: Set(signs))] }
        return []
    }
}
