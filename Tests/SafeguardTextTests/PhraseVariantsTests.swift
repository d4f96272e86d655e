import Foundation
import Testing

@testable import SafeguardText

/// ``PhraseVariants/variants(of:)`` skips Foundation's search for ASCII phrases without "n't"; it must
/// give what the plain Foundation version gives for every phrase of the repository's rules.
struct PhraseVariantsTests {
    static func reference(_ phrase: String) -> [String] {
        var result: [String] = [phrase]
        if phrase.contains("n't") {
            result.append(phrase.replacingOccurrences(of: "n't", with: "nt"))
            result.append(phrase.replacingOccurrences(of: "n't", with: "n t"))
        }
        if phrase.contains("can't") { result.append(phrase.replacingOccurrences(of: "can't", with: "can t")) }
        let words = phrase.split(separator: " ").map(String.init)
        for (index, word) in words.enumerated() {
            for variant in PhraseVariants.words[word] ?? [] {
                var copy = words
                copy[index] = variant
                result.append(copy.joined(separator: " "))
            }
        }
        var seen = Set<String>()
        return result.filter { seen.insert($0).inserted }
    }

    @Test func variantsAreThoseOfThePlainFoundationSearch() {
        var phrases: [String] = [
            "didn't challenge", "can't say", "cannot", "n't", "won't", "don’t care", "café n't", "naïve", "no id",
            "nobody asked for id", "ñ't", "don't, can't", "",
        ]
        for sign in TextFixtures.signs {
            phrases += sign.phrases + sign.assertedByNegation + sign.notThisSense
            for concept in sign.concepts { for cls in concept.classes { phrases += cls } }
        }
        phrases += phrases.map { $0.lowercased() }
        for phrase in phrases { #expect(PhraseVariants.variants(of: phrase) == Self.reference(phrase), "\(phrase)") }
    }
}
