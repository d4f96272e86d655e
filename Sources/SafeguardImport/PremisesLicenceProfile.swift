import SafeguardCore

/// The LGA open-data premises-licence register CSV (one row per licence event; rows sharing a
/// CaseReference are that licence's history).
public struct PremisesLicenceProfile: CSVProfile {
    /// Creates the profile.
    public init() {}

    public var name: String { "lga-premises" }

    public var columns: [CSVColumn] {
        [
            CSVColumn("ExtractDate", aliases: ["Extract Date"]),
            CSVColumn("OrganisationURI", aliases: ["Organisation URI", "OrganizationURI"]),
            CSVColumn("OrganisationLabel", aliases: ["Organisation", "OrganisationName", "Council"]),
            CSVColumn("CaseReference", aliases: ["LicenceNumber", "LicenceReference", "Reference"], required: true),
            CSVColumn("CaseDate", aliases: ["Date", "EventDate"]),
            CSVColumn("ServiceTypeURI"),
            CSVColumn("ServiceTypeLabel", aliases: ["ServiceType", "LicenceType"]),
            CSVColumn("PremisesName", aliases: ["Name", "TradingName"], required: true),
            CSVColumn("LocationText", aliases: ["Address", "PremisesAddress", "Location"]),
            CSVColumn("Postcode", aliases: ["PostCode", "Post Code"], required: true),
            CSVColumn("EntertainmentTypeURI"),
            CSVColumn("EntertainmentTypeLabel", aliases: ["EntertainmentType"]),
            CSVColumn("AlcoholSupply", aliases: ["Alcohol"]),
            CSVColumn("LateNightRefreshment"),
            CSVColumn("OpeningHours", aliases: ["Hours"]),
            CSVColumn("LicenceHolder", aliases: ["Holder"]),
            CSVColumn("StatusLabel", aliases: ["Status", "LicenceStatus"]),
        ]
    }

    public func record(from row: MappedRow) throws(RowProblem) -> PremisesLicenceEvent {
        PremisesLicenceEvent(
            extractDate: try row.date(0), organisationURI: row.text(1), organisationLabel: row.text(2),
            caseReference: try row.required(3), caseDate: try row.date(4), serviceTypeURI: row.text(5),
            serviceTypeLabel: row.text(6), premisesName: row.text(7), locationText: row.text(8),
            postcode: row.text(9), entertainmentTypeURI: row.text(10), entertainmentTypeLabel: row.text(11),
            alcoholSupply: row.text(12), lateNightRefreshment: row.text(13), openingHours: row.text(14),
            licenceHolder: row.text(15), statusLabel: row.text(16))
    }
}
