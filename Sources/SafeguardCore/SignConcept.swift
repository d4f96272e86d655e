/// A concept rule of a sign: two or three word classes that must all occur, in any order, within
/// ``window`` words of one sentence ("men, guys, lads" × "hanging about, loitering, lurking").
///
/// Class entries match their inflections (-s, -es, -ed, -ing, -ly, British -ise/-our spellings), so
/// an analyst writes "loiter" once; the scanner's negation, hypothetical and other-sense scoping
/// still applies to the whole match.
public struct SignConcept: Sendable, Hashable, Codable {
    /// A name for the concept, shown in evidence ("men-hanging-about").
    public var name: String
    /// The word classes; one word or phrase of each must occur.
    public var classes: [[String]]
    /// Most words from the first matched word to the last, inclusive.
    public var window: Int
    /// Whether a class holds a negative word that asserts the sign ("nobody" × "desk"), so negation
    /// scoping is not applied to the match.
    public var assertedByNegation: Bool
    /// Whether a match is another sense of the sign and cancels the sign's hits it overlaps
    /// ("extractor fan" × "noisy" is equipment, not `noise`); its span runs on over the further words
    /// of its classes within the window of its first word.
    public var otherSense: Bool

    /// The window used when a concept gives none.
    public static let defaultWindow = 8
    /// The smallest and largest window a concept may give.
    public static let windowRange = 2...20
    /// How many classes a concept may have.
    public static let classCountRange = 2...3

    /// Creates a concept.
    public init(
        name: String, classes: [[String]], window: Int = SignConcept.defaultWindow, assertedByNegation: Bool = false,
        otherSense: Bool = false
    ) {
        self.name = name
        self.classes = classes
        self.window = window
        self.assertedByNegation = assertedByNegation
        self.otherSense = otherSense
    }
}
