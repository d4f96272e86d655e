/// The inflected forms a concept class entry matches: a light English suffix generator, the
/// mirror of a suffix stripper, run once when the scanner is compiled so scanning stays one pass of
/// the pattern matcher. "loiter" gives loiters, loitered, loitering; "smoke" gives smoked, smoking;
/// "carry" gives carries, carried; "sit" gives sitting; "-ize/-ise" and "-or/-our" spellings
/// give each other. Only the first and last word of a phrase are inflected ("hang about" →
/// "hanging about", "sit in car" → "sitting in cars"). Forms that are not English words simply
/// never match. Irregular forms (men, hung, sat) are written in the class itself.
public enum ConceptForms {
    /// Short function words left as they are inside phrases.
    static let fixed: Set<String> = [
        "a", "an", "the", "of", "in", "on", "at", "to", "for", "by", "up", "out", "off", "with", "and", "or",
        "about", "around", "round", "into", "onto", "no", "not", "any", "all", "our", "my", "his", "her", "their",
        "we", "i", "us", "me", "it", "is", "was", "were", "be", "been", "one", "nobody", "anyone", "anybody",
    ]

    /// The entry and its forms, lower-cased, without repeats (the entry first). An entry written
    /// with a leading `=` ("=man") is matched as written, without inflections ("manned").
    public static func forms(of entry: String) -> [String] {
        if entry.hasPrefix("=") { return [String(entry.dropFirst()).lowercased()] }
        let words = entry.lowercased().split(separator: " ").map(String.init)
        guard let first = words.first, let last = words.last else { return [] }
        var result: [String] = []
        var seen = Set<String>()
        if words.count == 1 {
            for f in Self.wordForms(first) where seen.insert(f).inserted { result.append(f) }
            return result
        }
        let middle = words.dropFirst().dropLast().joined(separator: " ")
        for a in Self.wordForms(first) {
            for b in Self.wordForms(last) {
                let phrase = middle.isEmpty ? a + " " + b : a + " " + middle + " " + b
                if seen.insert(phrase).inserted { result.append(phrase) }
            }
        }
        return result
    }

    /// One word and its inflections.
    static func wordForms(_ word: String) -> [String] {
        if Self.fixed.contains(word) || word.count < 3 || !word.allSatisfy({ $0.isLetter && $0.isASCII }) {
            return [word]
        }
        var bases = [word]
        if word.hasSuffix("ize") { bases.append(String(word.dropLast(3)) + "ise") }
        if word.hasSuffix("ise") { bases.append(String(word.dropLast(3)) + "ize") }
        if word.hasSuffix("our") { bases.append(String(word.dropLast(3)) + "or") }
        if word.hasSuffix("or"), !word.hasSuffix("oor") { bases.append(String(word.dropLast(2)) + "our") }
        var result: [String] = []
        for base in bases { result.append(contentsOf: Self.inflections(base)) }
        return result
    }

    static func inflections(_ w: String) -> [String] {
        let chars = Array(w)
        let vowels: Set<Character> = ["a", "e", "i", "o", "u"]
        let last = chars[chars.count - 1]
        let beforeLast = chars[chars.count - 2]
        var forms = [w]
        if w.hasSuffix("ie") {
            let stem = String(chars.dropLast(2))
            forms += [w + "s", w + "d", stem + "ying"]
        } else if last == "e" {
            let stem = String(chars.dropLast())
            forms += [w + "s", w + "d", stem + "ing", w + "ly"]
        } else if last == "y" && !vowels.contains(beforeLast) {
            let stem = String(chars.dropLast())
            forms += [stem + "ies", stem + "ied", w + "ing", stem + "ily"]
        } else {
            let sibilant = w.hasSuffix("s") || w.hasSuffix("x") || w.hasSuffix("z") || w.hasSuffix("ch") || w.hasSuffix("sh")
            forms += [sibilant ? w + "es" : w + "s", w + "ed", w + "ing", w + "ly"]
            // consonant-vowel-consonant: sit → sitting, stop → stopped
            if chars.count >= 3, !vowels.contains(last), !"wxy".contains(last), vowels.contains(beforeLast),
                !vowels.contains(chars[chars.count - 3])
            {
                forms += [w + String(last) + "ing", w + String(last) + "ed"]
            }
        }
        return forms
    }
}
