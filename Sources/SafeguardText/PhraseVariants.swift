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
        if phrase.contains("n't") {
            result.append(phrase.replacingOccurrences(of: "n't", with: "nt"))
            result.append(phrase.replacingOccurrences(of: "n't", with: "n t"))
        }
        if phrase.contains("can't") { result.append(phrase.replacingOccurrences(of: "can't", with: "can t")) }
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
}
