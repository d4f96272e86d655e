/// Words that would make a rule depend on a protected characteristic; the loader rejects them.
///
/// Age is deliberately not here: a child's apparent age is the point of the work. `sex` is not
/// here because `sex-work` describes activity, not a person's sex.
public enum ProtectedCharacteristics {
    /// Why such rules are refused (shown in every rejection).
    public static let reason =
        "rules must never use ethnicity, race, religion, nationality, country of birth, skin colour or "
        + "another protected characteristic: the health check report (2.3, and 7.1.2) warns that "
        + "stereotyping one community hides victims and perpetrators and puts other children at risk"

    static let words: Set<String> = [
        "ethnicity", "ethnic", "ethnically", "race", "racial", "racially", "religion", "religious",
        "nationality", "nationalities", "citizenship", "caste", "complexion", "asian", "asians", "pakistani",
        "bangladeshi", "kashmiri", "muslim", "muslims", "islam", "islamic", "christian", "jewish", "sikh",
        "hindu", "roma", "gypsy", "gypsies", "immigrant", "immigrants", "migrant", "migrants", "asylum",
        "foreigner", "foreigners", "gay", "lesbian", "transgender", "disability", "pregnancy",
        "pregnant", "bame",
    ]

    static let phrases: [[String]] = [
        ["country", "of", "birth"], ["birth", "country"], ["place", "of", "birth"], ["national", "origin"],
        ["skin", "colour"], ["skin", "color"], ["colour", "of", "skin"], ["immigration", "status"],
        ["sexual", "orientation"], ["marital", "status"], ["gender", "reassignment"],
        ["first", "language"], ["foreign", "accent"],
    ]

    static let peopleWords: Set<String> = [
        "men", "man", "women", "woman", "girls", "girl", "boys", "boy", "people", "guys", "males", "lads",
        "person", "persons", "drivers", "driver", "family", "families", "community", "communities",
    ]

    static let colourWords: Set<String> = ["black", "white", "brown", "foreign", "eastern", "european"]

    /// The first protected-characteristic term found in `text`, if any (whole words, any case;
    /// `_`, `-` and `.` separate words so field paths are checked too).
    public static func match(in text: String) -> String? {
        var words: [String] = []
        var current = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty {
            words.append(current)
        }
        for (index, word) in words.enumerated() {
            if self.words.contains(word) {
                return word
            }
            if self.colourWords.contains(word), index + 1 < words.count, self.peopleWords.contains(words[index + 1]) {
                return "\(word) \(words[index + 1])"
            }
            for phrase in self.phrases where index + phrase.count <= words.count {
                if Array(words[index..<(index + phrase.count)]) == phrase {
                    return phrase.joined(separator: " ")
                }
            }
        }
        return nil
    }
}
