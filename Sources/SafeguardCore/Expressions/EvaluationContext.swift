/// One evidence item prepared for hotel scoring: interned sign and source, day and month as integers.
struct PreparedEvidence: Sendable {
    var signID: Int
    var sourceIndex: Int
    var day: Int?
    var month: Int?
    var weight: Double
    var kind: String
    var item: Evidence
}

/// The state one evaluation reads: typed fact slots and evidence columns in plain memory, the day,
/// and the evidence item an aggregate filter is looking at.
///
/// Created once per entity evaluation. Compiled expressions read numbers, dates and flags through
/// unsafe pointers, so the hot path does no reference counting, hashing or string lookups.
final class EvaluationContext {
    /// Sentinels for missing values.
    static let missingDay = Int.min
    static let missingFlag: Int8 = -1

    let slotCount: Int
    let numbers: UnsafeMutablePointer<Double>  // .nan when missing
    let dates: UnsafeMutablePointer<Int>  // missingDay when missing
    let flags: UnsafeMutablePointer<Int8>  // -1 missing, 0 false, 1 true
    let strings: UnsafeMutablePointer<String?>
    let lists: UnsafeMutablePointer<[String]?>

    let evidenceCount: Int
    let signIDs: UnsafeMutablePointer<Int>
    let sourceIndexes: UnsafeMutablePointer<Int>
    let days: UnsafeMutablePointer<Int>  // missingDay when undated
    let months: UnsafeMutablePointer<Int>  // missingDay when undated
    let weights: UnsafeMutablePointer<Double>
    let kindCodes: UnsafeMutablePointer<Int>  // SignKind index, 3 = unknown sign
    let items: [Evidence]

    let today: Int
    /// Index of the evidence item an aggregate filter is looking at.
    var current = 0

    /// The raw block holding every numeric column (one allocation instead of eleven).
    private let block: UnsafeMutableRawPointer

    init(slotCount: Int, evidence: [Evidence], signs: SignTable, today: Int) {
        let slots = max(1, slotCount)
        let count = evidence.count
        let capacity = max(1, count)
        // Layout: 8-byte columns first (numbers, dates, six evidence columns), then the Int8 flags.
        let words = slots * 2 + capacity * 6
        self.block = .allocate(byteCount: words * 8 + slots, alignment: 8)
        var cursor = self.block
        func doubles(_ n: Int) -> UnsafeMutablePointer<Double> {
            let pointer = cursor.bindMemory(to: Double.self, capacity: n)
            cursor += n * 8
            return pointer
        }
        func ints(_ n: Int) -> UnsafeMutablePointer<Int> {
            let pointer = cursor.bindMemory(to: Int.self, capacity: n)
            cursor += n * 8
            return pointer
        }
        self.slotCount = slotCount
        self.numbers = doubles(slots)
        self.numbers.initialize(repeating: .nan, count: slots)
        self.dates = ints(slots)
        self.dates.initialize(repeating: Self.missingDay, count: slots)
        self.signIDs = ints(capacity)
        self.sourceIndexes = ints(capacity)
        self.days = ints(capacity)
        self.months = ints(capacity)
        self.weights = doubles(capacity)
        self.kindCodes = ints(capacity)
        self.flags = cursor.bindMemory(to: Int8.self, capacity: slots)
        self.flags.initialize(repeating: Self.missingFlag, count: slots)
        self.strings = .allocate(capacity: slots)
        self.strings.initialize(repeating: nil, count: slots)
        self.lists = .allocate(capacity: slots)
        self.lists.initialize(repeating: nil, count: slots)
        self.evidenceCount = count
        self.items = evidence
        for (index, item) in evidence.enumerated() {
            let id = signs.index(of: item.sign)
            let known = id < signs.ids.count
            self.signIDs[index] = id
            self.sourceIndexes[index] = EvidenceSource.index(of: item.source)
            self.days[index] = item.date?.daysSinceEpoch ?? Self.missingDay
            self.months[index] = item.date?.monthIndex ?? Self.missingDay
            self.weights[index] = known ? signs.weights[id] : 0
            self.kindCodes[index] = known ? signs.kindCodes[id] : SignTable.unknownKind
        }
        self.today = today
    }

    deinit {
        self.strings.deinitialize(count: max(1, self.slotCount))
        self.strings.deallocate()
        self.lists.deinitialize(count: max(1, self.slotCount))
        self.lists.deallocate()
        self.block.deallocate()
    }

    /// Stores a typed fact value in its slot.
    func store(_ value: FactValue, at slot: Int) {
        switch value {
        case .number(let number): self.numbers[slot] = number
        case .string(let text): self.strings[slot] = text
        case .bool(let flag): self.flags[slot] = flag ? 1 : 0
        case .date(let day): self.dates[slot] = day.daysSinceEpoch
        case .list(let values): self.lists[slot] = values
        case .null: break
        }
    }
}

extension EvidenceSource {
    /// Position in `allCases`, used as a small integer code.
    static func index(of source: EvidenceSource) -> Int {
        switch source {
        case .review: return 0
        case .report: return 1
        case .intelligence: return 2
        case .visit: return 3
        case .register: return 4
        }
    }
}

/// Signs known to the compiler, interned to integers so `sign == "condoms"` compares ints.
public struct SignTable: Sendable {
    /// Code of the kind of a sign not in the table.
    static let unknownKind = 3

    /// Sign ids in index order; index `ids.count` stands for any unknown sign.
    public let ids: [String]
    let indexByID: [String: Int]
    let weights: [Double]
    let kinds: [String]
    let kindCodes: [Int]

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
        self.kindCodes = signs.map { Self.kindCode($0.kind.rawValue) }
    }

    /// `concern` 0, `weak` 1, `good-practice` 2, anything else (unknown) 3.
    static func kindCode(_ name: String) -> Int {
        switch name {
        case "concern": return 0
        case "weak": return 1
        case "good-practice": return 2
        default: return self.unknownKind
        }
    }

    var unknown: Int { self.ids.count }

    func index(of id: String) -> Int {
        self.indexByID[id] ?? self.unknown
    }

    func prepare(_ item: Evidence) -> PreparedEvidence {
        let id = self.index(of: item.sign)
        let known = id < self.ids.count
        return PreparedEvidence(
            signID: id, sourceIndex: EvidenceSource.index(of: item.source),
            day: item.date?.daysSinceEpoch, month: item.date?.monthIndex, weight: known ? self.weights[id] : 0,
            kind: known ? self.kinds[id] : "unknown", item: item)
    }
}
