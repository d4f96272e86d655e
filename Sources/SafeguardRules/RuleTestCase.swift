import SafeguardCore

/// One rule test case from `rules/tests/*.yaml`: facts in, expected findings and band out.
public struct RuleTestCase: Sendable {
    public var name: String
    public var facts: EntityFacts
    public var asOf: CalendarDay
    /// Rule ids that must fire.
    public var fired: [String]
    /// Rule ids that must not fire.
    public var notFired: [String]
    /// The expected band, when given.
    public var band: String?
    /// Condition ids that must be recommended.
    public var conditions: [String]
    /// Where the case is defined.
    public var location: SourceLocation
}

/// The result of one case.
public struct RuleTestResult: Sendable, Codable {
    public var name: String
    public var file: String
    public var line: Int
    public var passed: Bool
    /// What did not match, one line each.
    public var failures: [String]
    public var band: String
    public var score: Double
    public var fired: [String]
}

/// The result of running every case against a rule set.
public struct RuleTestReport: Sendable, Codable {
    public var results: [RuleTestResult]
    /// Rule files no case exercises (a failure: every shipped rule file must be covered).
    public var uncoveredFiles: [String]
    /// Rule ids never fired by any case (informational).
    public var neverFired: [String]
    /// Problems reading the test files.
    public var loadErrors: [String]
    public var rulesetHash: String

    /// Creates a report.
    public init(
        results: [RuleTestResult], uncoveredFiles: [String], neverFired: [String], loadErrors: [String],
        rulesetHash: String
    ) {
        self.results = results
        self.uncoveredFiles = uncoveredFiles
        self.neverFired = neverFired
        self.loadErrors = loadErrors
        self.rulesetHash = rulesetHash
    }

    public var passed: Bool {
        self.loadErrors.isEmpty && self.uncoveredFiles.isEmpty && self.results.allSatisfy(\.passed)
    }

    enum CodingKeys: String, CodingKey {
        case results, uncoveredFiles = "uncovered-files", neverFired = "never-fired", loadErrors = "load-errors"
        case rulesetHash = "ruleset-hash", passed
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.results = try container.decode([RuleTestResult].self, forKey: .results)
        self.uncoveredFiles = try container.decode([String].self, forKey: .uncoveredFiles)
        self.neverFired = try container.decode([String].self, forKey: .neverFired)
        self.loadErrors = try container.decode([String].self, forKey: .loadErrors)
        self.rulesetHash = try container.decode(String.self, forKey: .rulesetHash)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(self.passed, forKey: .passed)
        try container.encode(self.results, forKey: .results)
        try container.encode(self.uncoveredFiles, forKey: .uncoveredFiles)
        try container.encode(self.neverFired, forKey: .neverFired)
        try container.encode(self.loadErrors, forKey: .loadErrors)
        try container.encode(self.rulesetHash, forKey: .rulesetHash)
    }
}
