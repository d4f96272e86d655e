/// One evidence item prepared for fast evaluation: interned sign and source, day and month as integers.
struct PreparedEvidence: Sendable {
    var signID: Int
    var sourceIndex: Int
    var day: Int?
    var month: Int?
    var weight: Double
    var kind: String
    var item: Evidence
}

/// The state one evaluation reads: typed fact slots, prepared evidence, the day, the current evidence item.
///
/// Created once per entity evaluation; compiled expressions read it without string lookups.
final class EvaluationContext {
    let slots: [FactValue]
    let evidence: [PreparedEvidence]
    let today: Int
    /// Index of the evidence item an aggregate filter is looking at.
    var current = 0

    init(slots: [FactValue], evidence: [PreparedEvidence], today: Int) {
        self.slots = slots
        self.evidence = evidence
        self.today = today
    }
}

/// Signs known to the compiler, interned to integers so `sign == "condoms"` compares ints.
public struct SignTable: Sendable {
    /// Sign ids in index order; index `ids.count` stands for any unknown sign.
    public let ids: [String]
    let indexByID: [String: Int]
    let weights: [Double]
    let kinds: [String]

    /// Builds the table from sign definitions.
    public init(_ signs: [SignDefinition]) {
        self.ids = signs.map(\.id)
        var index: [String: Int] = [:]
        for (position, sign) in signs.enumerated() where index[sign.id] == nil {
            index[sign.id] = position
        }
        self.indexByID = index
        self.weights = signs.map(\.weight)
        self.kinds = signs.map(\.kind.rawValue)
    }

    var unknown: Int { self.ids.count }

    func index(of id: String) -> Int {
        self.indexByID[id] ?? self.unknown
    }

    func prepare(_ item: Evidence) -> PreparedEvidence {
        let id = self.index(of: item.sign)
        let known = id < self.ids.count
        return PreparedEvidence(
            signID: id, sourceIndex: EvidenceSource.allCases.firstIndex(of: item.source) ?? 0,
            day: item.date?.daysSinceEpoch, month: item.date?.monthIndex, weight: known ? self.weights[id] : 0,
            kind: known ? self.kinds[id] : "unknown", item: item)
    }
}
