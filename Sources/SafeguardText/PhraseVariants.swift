import Foundation

/// Spelling variants compiled into the matcher alongside each phrase, so misspelled and
/// apostrophe-less text ("didnt", "didn t" as in punctuation-stripped review dumps,
/// "prostitue", "canabis") matches without rewriting the text.
public enum PhraseVariants {
    /// Word → common variant spellings seen in reviews.
    public static let words: [String: [String]] = [
        "condom": ["condon", "condum"], "condoms": ["condons", "condums"],
        "prostitute": ["prostitue", "prostitude", "prositute"], "prostitutes": ["prostitues", "prostitudes"],
        "prostitution": ["prostitustion"], "cannabis": ["canabis", "cannibis", "cannabiss"],
        "marijuana": ["marihuana", "marajuana", "marijuanna"], "weed": ["skunk", "ganja"],
        "screaming": ["screeming", "screming"], "pornography": ["pornagraphy", "pornografy"],
        "security": ["securty", "secuirty"], "reception": ["reciption", "recption", "receiption"],
        "loitering": ["loittering", "lottering"], "teenagers": ["teenages", "teens"],
        "id": ["i.d.", "i.d", "identification", "identity", "ids", "passport", "passports"], "nobody": ["no body"],
        "cctv": ["c.c.t.v.", "cameras"], "smelled": ["smelt", "smelling", "smells", "stank", "stunk", "stinks"],
        "smelt": ["smelled"], "dirty": ["dirtey", "durty"], "filthy": ["filthey"],
    ]

    /// The phrase and its variants (contractions with and without apostrophe; word variants one at a time).
    public static func variants(of phrase: String) -> [String] {
        var result: [String] = [phrase]
        // Foundation's search is slow and the scanner asks for every phrase and class word (about a
        // tenth of `scan`'s start-up); an ASCII phrase without the bytes of "n't" holds no contraction
        // under any comparison, so only other phrases go through it
        if !Self.isASCIIWithoutContraction(phrase) && phrase.contains("n't") {
            result.append(phrase.replacingOccurrences(of: "n't", with: "nt"))
            result.append(phrase.replacingOccurrences(of: "n't", with: "n t"))
        }
        if !Self.isASCIIWithoutContraction(phrase) && phrase.contains("can't") {
            result.append(phrase.replacingOccurrences(of: "can't", with: "can t"))
        }
        let words = phrase.split(separator: " ").map(String.init)
        for (index, word) in words.enumerated() {
            for variant in Self.words[word] ?? [] {
                var copy = words
                copy[index] = variant
                result.append(copy.joined(separator: " "))
            }
        }
        var seen = Set<String>()
        return result.filter { seen.insert($0).inserted }
    }

    /// Whether `phrase` is all ASCII and its bytes hold no `n't`.
    static func isASCIIWithoutContraction(_ phrase: String) -> Bool {
        var previous2: UInt8 = 0
        var previous: UInt8 = 0
        for b in phrase.utf8 {
            if b >= 0x80 { return false }
            if previous2 == 0x6E && previous == 0x27 && b == 0x74 { return false }
            previous2 = previous
            previous = b
        }
        return true
    }
}
