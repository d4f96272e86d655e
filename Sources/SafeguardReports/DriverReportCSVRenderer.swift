/// `drivers.csv`: the drivers needing action, one row each, in the HTML's and JSON's order and
/// with the same outcome, score and reasons.
public struct DriverReportCSVRenderer: Sendable {
    public init() {}

    /// The header row.
    public static let columns = [
        "rank", "licence_number", "badge_number", "issuing_authority", "licensed_elsewhere", "licence_type", "status",
        "expires_on", "vehicle_registration", "operator_licence", "outcome", "action", "score", "required_actions",
        "rules", "reasons",
    ]

    /// Renders the CSV (RFC 4180, LF line ends, fields quoted when needed).
    public func render(_ report: DriverReport) -> String {
        var text = ProfileCSVRenderer.line(Self.columns)
        for entry in report.entries {
            text += ProfileCSVRenderer.line([
                String(entry.rank), entry.licenceNumber, entry.badgeNumber ?? "", entry.issuingAuthority,
                entry.licensedElsewhere ? "yes" : "no", entry.licenceType, entry.status,
                entry.expiresOn?.description ?? "", entry.vehicleRegistration ?? "", entry.operatorLicence ?? "",
                entry.outcome, entry.action, scoreText(entry.score),
                entry.requiredActions.map(\.outcome).joined(separator: ";"),
                entry.findings.map(\.ruleID).joined(separator: ";"), entry.reasons.joined(separator: " | "),
            ])
        }
        return text
    }
}
