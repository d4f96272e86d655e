import SafeguardCore

/// The Safeguard intelligence-record CSV (`docs/formats.md`). The summary is returned as read:
/// the caller must pseudonymise it before it is stored.
public struct IntelligenceProfile: CSVProfile {
    /// Creates the profile.
    public init() {}

    public var name: String { "intelligence" }

    public var columns: [CSVColumn] {
        [
            CSVColumn("id", aliases: ["Record ID", "Reference"], required: true),
            CSVColumn("date", aliases: ["Date"], required: true),
            CSVColumn("source", aliases: ["Source"], required: true),
            CSVColumn("premises_name", aliases: ["Premises", "Premises Name"]),
            CSVColumn("address", aliases: ["Address"]),
            CSVColumn("postcode", aliases: ["Postcode"]),
            CSVColumn("vehicle_registration", aliases: ["Vehicle", "Registration", "VRM"]),
            CSVColumn("badge_number", aliases: ["Badge"]),
            CSVColumn("signs", aliases: ["Signs", "Sign IDs"]),
            CSVColumn("summary", aliases: ["Summary", "Text"], required: true),
        ]
    }

    public func record(from row: MappedRow) throws(RowProblem) -> IntelligenceRecord {
        guard let date = try row.date(1) else {
            throw RowProblem(code: "csv.required", field: "date", message: "date is empty; every record needs one")
        }
        guard let source = try row.choice(2, IntelligenceSource.self) else {
            throw RowProblem(code: "csv.required", field: "source", message: "source is empty")
        }
        let place = PlaceReference(
            premises: row.text(3), address: row.text(4), postcode: row.text(5), vehicle: row.text(6),
            badge: row.text(7))
        guard !place.isEmpty else {
            throw RowProblem(
                code: "intel.where", field: "premises_name",
                message: "the record says nothing about where: give a premises, address, postcode, vehicle or badge")
        }
        let signs = (row.text(8) ?? "").split(separator: ";").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        return IntelligenceRecord(
            id: try row.required(0), date: date, source: source, place: place, signs: signs,
            summary: try row.required(9))
    }
}
