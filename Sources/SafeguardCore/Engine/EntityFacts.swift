/// Everything the engine knows about one entity: typed fields by path, and its evidence.
///
/// Read from a facts file (`{"kind": "hotel", "id": "...", "as-of": "2026-11-25",
/// "facts": {"hotel.name": "..."}, "evidence": [...]}`) or built by the profile and import code.
public struct EntityFacts: Sendable, Hashable, Codable {
    /// Which kind of entity; decides the fact schema and which rules apply.
    public var kind: EntityKind
    /// A stable id (FHRS id, licence number, report receipt code).
    public var id: String
    /// Facts by field path, `kind.field` (`driver.dbs.last_status_check`).
    public var fields: [String: FactValue]
    /// Evidence items (signs seen in reviews, reports, intelligence, visits).
    public var evidence: [Evidence]
    /// The day the facts describe, when the file says (`as-of`); evaluation takes its own day.
    public var asOf: CalendarDay?

    /// Creates entity facts.
    public init(
        kind: EntityKind, id: String, fields: [String: FactValue] = [:], evidence: [Evidence] = [],
        asOf: CalendarDay? = nil
    ) {
        self.kind = kind
        self.id = id
        self.fields = fields
        self.evidence = evidence
        self.asOf = asOf
    }

    enum CodingKeys: String, CodingKey {
        case kind, id
        case fields = "facts"
        case evidence
        case asOf = "as-of"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.kind = try container.decode(EntityKind.self, forKey: .kind)
        self.id = try container.decode(String.self, forKey: .id)
        self.fields = try container.decodeIfPresent([String: FactValue].self, forKey: .fields) ?? [:]
        self.evidence = try container.decodeIfPresent([Evidence].self, forKey: .evidence) ?? []
        self.asOf = try container.decodeIfPresent(CalendarDay.self, forKey: .asOf)
    }
}
