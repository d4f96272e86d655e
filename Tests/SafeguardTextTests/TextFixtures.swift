import Foundation
import SafeguardCore
import SafeguardRules
@testable import SafeguardText

/// Shared fixtures: the repository's sign list, the bundled gazetteer and two fixed keys.
enum TextFixtures {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let signs: [SignDefinition] = {
        // The repository's own sign list must load; a failure here is a real test failure.
        try! SignListLoader.load(file: repositoryRoot.appendingPathComponent("rules/hotels/signs.yaml"))
    }()

    static let gazetteer: NameGazetteer = try! NameGazetteer.bundled()

    static let key = try! PseudonymKey(bytes: Array("test-key-0123456789abcdef-000001".utf8))
    static let otherKey = try! PseudonymKey(bytes: Array("test-key-0123456789abcdef-000002".utf8))

    static let analyser = TextAnalyser(signs: signs, key: key, gazetteer: gazetteer)
    static let scanner = SignScanner(signs: signs)
    static let pseudonymiser = Pseudonymiser(detector: PIIDetector(gazetteer: gazetteer), key: key)

    /// Asserted sign ids of a text.
    static func signIDs(_ text: String) -> [String] {
        self.analyser.analyse(text).signs
    }

    /// The PII types found in a text, in order.
    static func piiTypes(_ text: String) -> [String] {
        self.pseudonymiser.pseudonymise(text).pii.map(\.type)
    }
}
