import Foundation
import Testing
@testable import SafeguardText

/// The sentence classifier: deterministic training, a model file that round-trips, paraphrases
/// found with evidence, and scoping and sense still deciding.
@Suite struct SignClassifierTests {
    /// A few hand-written sentences (not from any data set).
    static let examples: [SignModelTrainer.Example] = [
        .init(text: "Blokes were hanging about by the front door all night.", signs: ["men-loitering"]),
        .init(text: "A group of lads stood around in the car park for hours.", signs: ["men-loitering"]),
        .init(text: "Men kept lurking near the entrance watching the door.", signs: ["men-loitering"]),
        .init(text: "Some guys lingered in the corridor outside our room.", signs: ["men-loitering"]),
        .init(text: "The breakfast was lovely and the staff were kind.", signs: []),
        .init(text: "Our room had a great view of the river.", signs: []),
        .init(text: "The car park was free and easy to find.", signs: []),
        .init(text: "The front door was painted a cheerful red.", signs: []),
        .init(text: "The corridor carpet looked new.", signs: []),
        .init(text: "We stood around in the lobby waiting for our taxi.", signs: []),
    ]

    static func model() -> SignModelFile {
        var trainer = SignModelTrainer()
        trainer.keep = 0.001
        return trainer.train(examples: Self.examples, signs: ["men-loitering", "noise"], trainedOn: "unit test sentences")
    }

    static let repositoryClassifier: SignClassifier = {
        let url = TextFixtures.repositoryRoot.appendingPathComponent("rules/models/signs-v1.json")
        return try! SignClassifier(model: JSONDecoder().decode(SignModelFile.self, from: Data(contentsOf: url)))
    }()

    static let analyser = TextAnalyser(
        signs: TextFixtures.signs, key: TextFixtures.key, gazetteer: TextFixtures.gazetteer, classifier: repositoryClassifier)

    /// Thirty different words, each faint evidence for the sign.
    static let faintWords: [String] = [
        "amber", "brick", "cedar", "daisy", "ember", "fern", "gravel", "hazel", "iris", "juniper", "kelp", "lilac",
        "maple", "nettle", "oak", "pebble", "quartz", "reed", "sage", "thistle", "umber", "violet", "willow",
        "yarrow", "zinc", "acorn", "birch", "clover", "dune", "elm",
    ]

    /// A hand-made model: "loud" alone passes the threshold, the faint words only in numbers.
    static func faintModel() throws -> SignClassifier {
        var weights = ["w:loud": 2.0]
        for word in Self.faintWords { weights["w:" + word] = 0.06 }
        let sign = SignModelFile.Sign(id: "noise", bias: -1, threshold: 0, weights: weights)
        return try SignClassifier(model: SignModelFile(
            format: "safeguard-sign-classifier", version: 1, features: "hand-made", trainedOn: "unit test",
            settings: "none", signs: [sign]))
    }

    @Test func manyFaintWordsAcrossALongSentenceAreNoEvidence() throws {
        // Given a run-on sentence of 60 words, 30 of them faint for the sign (1.8 in all, but at most
        // 0.6 in any 20 consecutive words)
        let classifier = try Self.faintModel()
        let runOn = Self.faintWords.map { $0 + " word" }.joined(separator: " ")
        // then the classifier does not find the sign: its evidence is nowhere in particular
        #expect(classifier.scan(runOn + ".").isEmpty)
        // while one strong word still counts at the end of the same long sentence, and alone
        #expect(classifier.scan(runOn + " and it was loud.").map(\.hit.sign) == ["noise"])
        #expect(classifier.scan("It was loud.").map(\.hit.sign) == ["noise"])
        // and a short sentence whose faint words add up (no stretch to choose) keeps its sign
        let short = Self.faintWords.prefix(18).joined(separator: " ")
        #expect(classifier.scan(short + ".").map(\.hit.sign) == ["noise"])
    }

    @Test func aRepeatedWordCountsOnceAsInTraining() throws {
        // the trainer learns from the set of a sentence's features, so the scanner scores that set
        let classifier = try Self.faintModel()
        let once = try #require(classifier.scan("It was loud.").first)
        let thrice = try #require(classifier.scan("It was loud loud loud.").first)
        #expect(once.score == thrice.score)
        // twenty different faint words pass the threshold; one faint word twenty times does not
        #expect(classifier.scan(Self.faintWords.prefix(20).joined(separator: " ") + ".").map(\.hit.sign) == ["noise"])
        #expect(classifier.scan(Array(repeating: "amber", count: 20).joined(separator: " ") + ".").isEmpty)
    }

    @Test func trainingIsDeterministic() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        #expect(try encoder.encode(Self.model()) == encoder.encode(Self.model()))
    }

    @Test func aTrainedModelFileRoundTrips() throws {
        // Given a trained model written as the CLI writes it
        let model = Self.model()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = try encoder.encode(model)
        // When it is read back and compiled
        let decoded = try JSONDecoder().decode(SignModelFile.self, from: data)
        // Then it is the same model and scores a sentence the same
        #expect(decoded == model)
        let text = "Some men were hanging about near the entrance."
        #expect(try SignClassifier(model: decoded).scan(text) == SignClassifier(model: model).scan(text))
    }

    @Test func readableFeatureNamesHashAsTheScannerHashesWords() {
        var bytes = Array("Loitering lads".utf8)
        var tokens: [SignFeatures.Token] = []
        var scratch = [UInt8](repeating: 0, count: 64)
        bytes.withUnsafeMutableBufferPointer { text in
            scratch.withUnsafeMutableBufferPointer { s in
                SignFeatures.tokens(UnsafeBufferPointer(text), 0..<text.count, scratch: s, into: &tokens)
            }
        }
        var hashes: [UInt64] = []
        SignFeatures.features(tokens, 1) { hashes.append($0) }
        let names = SignFeatures.names("Loitering lads").filter { $0 == "w:lads" || $0 == "s:lad" || $0 == "b:loiter lad" }
        #expect(names.count == 3)
        #expect(Set(names.compactMap { SignFeatures.hash(name: $0) }) == Set(hashes))
    }

    @Test func longWordsShareAFiveLetterPrefixFeature() {
        // "pornographic" and "pornos" meet on p:porno; short words have no prefix feature
        #expect(SignFeatures.names("Pornographic films").contains("p:porno"))
        #expect(SignFeatures.names("Some pornos").contains("p:porno"))
        #expect(!SignFeatures.names("Lads in cars").contains { $0.hasPrefix("p:") })
        var bytes = Array("Pornographic".utf8)
        var tokens: [SignFeatures.Token] = []
        var scratch = [UInt8](repeating: 0, count: 64)
        bytes.withUnsafeMutableBufferPointer { text in
            scratch.withUnsafeMutableBufferPointer { s in
                SignFeatures.tokens(UnsafeBufferPointer(text), 0..<text.count, scratch: s, into: &tokens)
            }
        }
        var hashes: [UInt64] = []
        SignFeatures.features(tokens, 0) { hashes.append($0) }
        #expect(hashes.contains(SignFeatures.hash(name: "p:porno")!))
    }

    @Test func anUnseenParaphraseIsFoundWithEvidence() throws {
        // "at night ... lurking about near the front door" appears in no training sentence
        let classifier = try SignClassifier(model: Self.model())
        let hits = classifier.scan("At night a few men were lurking about near the front door.")
        let hit = try #require(hits.first { $0.hit.sign == "men-loitering" })
        #expect(!hit.words.isEmpty)
        #expect(hit.hit.start < hit.hit.end)
    }

    @Test func aNegatedParaphraseIsNotFound() throws {
        let classifier = try SignClassifier(model: Self.model())
        #expect(classifier.scan("At night there were never any men lurking about near the front door.").isEmpty)
    }

    @Test func theRepositoryModelFindsAParaphraseAndKeepsScoping() {
        // no phrase rule and no bank sentence says "men stood about by the entrance"
        let found = Self.analyser.analyse("A group of men stood about by the entrance every evening.")
        #expect(found.signs.contains("men-loitering"))
        // found by a concept rule or by the classifier, and either way explained by the words that matched
        #expect(found.evidence.contains { $0.sign == "men-loitering" && (!($0.weighed ?? []).isEmpty || $0.concept != nil) })
        let negated = Self.analyser.analyse("We never saw a group of men stood about by the entrance.")
        #expect(!negated.signs.contains("men-loitering"))
    }

    @Test(arguments: [
        ("The pipes banged every time someone used the shower.", "noise"),
        ("Trains rumbled past the window until midnight.", "noise"),
        ("Secure parking behind locked gates.", "security-present"),
        ("There's a safe in the wardrobe.", "security-present"),
    ])
    func senseHoldsWithTheClassifier(text: String, sign: String) {
        #expect(!Self.analyser.analyse(text).signs.contains(sign), "\(sign) found in: \(text)")
    }
}
