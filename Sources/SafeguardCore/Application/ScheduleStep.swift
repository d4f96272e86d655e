/// A good-practice step an operating schedule may volunteer, and the phrases that show it
/// (`rules/applications/operating-schedule.yaml`). Recognised steps set their fact to true, so a
/// condition the applicant already offers is never asked for again.
public struct ScheduleStep: Sendable, Hashable {
    /// The `application.*` fact the step sets (`application.cse_training`).
    public var fact: String
    /// What the step is, for the officer.
    public var title: String
    /// Lower-case phrases; a volunteered step containing any of them is this step.
    public var phrases: [String]

    /// Creates a step.
    public init(fact: String, title: String, phrases: [String]) {
        self.fact = fact
        self.title = title
        self.phrases = phrases.map { $0.lowercased() }
    }

    /// The first phrase found in `text` (compared lower-case, whitespace collapsed), nil when none.
    /// Whole words only: "sia" is found in "SIA door staff", not in "Malaysia".
    public func match(_ text: String) -> String? {
        let normal = " " + ScheduleStep.normalise(text) + " "
        for phrase in self.phrases where normal.contains(" " + ScheduleStep.normalise(phrase) + " ") {
            return phrase
        }
        return nil
    }

    /// Lower-case words of letters and digits, one space apart (punctuation and hyphens are spaces).
    static func normalise(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).joined(separator: " ")
    }
}

/// A step the operating schedule volunteers, recognised as one the conditions library knows.
public struct RecognisedStep: Sendable, Hashable, Codable {
    /// The fact it sets.
    public var fact: String
    /// The step's title from the rules.
    public var title: String
    /// The objective it was volunteered under (`protection-of-children-from-harm`).
    public var objective: String
    /// The applicant's words.
    public var text: String
    /// The phrase that recognised it.
    public var phrase: String

    /// Creates a recognised step.
    public init(fact: String, title: String, objective: String, text: String, phrase: String) {
        self.fact = fact
        self.title = title
        self.objective = objective
        self.text = text
        self.phrase = phrase
    }
}
