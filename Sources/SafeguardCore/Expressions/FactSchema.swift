/// The fields an entity kind has, with their types: the checker rejects anything else.
public struct FactSchema: Sendable {
    /// One field: a path such as `driver.dbs.last_status_check`, its type and what it means.
    public struct Field: Sendable, Hashable {
        public var path: String
        public var type: ValueType
        public var meaning: String
    }

    /// The entity kind this schema describes.
    public let kind: EntityKind
    /// The fields in slot order.
    public let fields: [Field]
    let slotByPath: [String: Int]
    /// Paths bucketed by UTF-8 length: finding a slot compares a few equal-length strings instead of
    /// hashing (facts dictionaries are read once per evaluated entity).
    let buckets: [[(path: String, slot: Int)]]

    init(kind: EntityKind, _ fields: [(String, ValueType, String)]) {
        self.kind = kind
        self.fields = fields.map { Field(path: $0.0, type: $0.1, meaning: $0.2) }
        var slots: [String: Int] = [:]
        for (index, field) in self.fields.enumerated() {
            slots[field.path] = index
        }
        self.slotByPath = slots
        var buckets = [[(path: String, slot: Int)]](repeating: [], count: (self.fields.map(\.path.utf8.count).max() ?? 0) + 1)
        for (index, field) in self.fields.enumerated() {
            buckets[field.path.utf8.count].append((field.path, index))
        }
        self.buckets = buckets
    }

    /// The slot index of `path`, nil when the kind has no such field.
    public func slot(of path: String) -> Int? {
        let length = path.utf8.count
        guard length < self.buckets.count else { return nil }
        for candidate in self.buckets[length] where candidate.path == path {
            return candidate.slot
        }
        return nil
    }

    /// The schema of `kind`.
    public static func of(_ kind: EntityKind) -> FactSchema {
        switch kind {
        case .hotel: return self.hotel
        case .premises: return self.premises
        case .application: return self.application
        case .driver: return self.driver
        case .vehicle: return self.vehicle
        case .report: return self.report
        }
    }

    /// Fields of one evidence item, usable inside `where` filters of aggregates.
    public static let evidenceFields: [(String, ValueType, String)] = [
        ("sign", .string, "sign id, e.g. condoms"),
        ("source", .string, "review, report, intelligence, visit or register"),
        ("source_id", .string, "id of the source document"),
        ("date", .date, "the day the source document is dated"),
        ("origin", .string, "originating site or organisation"),
        ("snippet", .string, "the pseudonymised quotation"),
        ("weight", .number, "the sign's weight from signs.yaml (0 for unknown signs)"),
        ("kind", .string, "concern, weak or good-practice (unknown for signs not in signs.yaml)"),
    ]
}
