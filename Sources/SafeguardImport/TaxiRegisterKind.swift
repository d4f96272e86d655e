/// Which taxi-register layout a CSV header is, detected from its columns.
public enum TaxiRegisterKind: String, Sendable, CaseIterable {
    case drivers, vehicles, operators
    /// Licence history: grants, renewals, refusals, suspensions, revocations, non-renewals.
    case history
    /// NR3S searches per application.
    case nr3s
    /// s.5 notifications sent to other authorities and their s.6 replies.
    case replies = "s6-replies"
    /// Transport for London's private hire driver list.
    case londonPHV = "london-phv"

    /// Picks the layout whose required columns the header has (drivers before vehicles before
    /// operators before the London list); nil when none fits.
    public static func detect(header: [String]) -> TaxiRegisterKind? {
        let keys = Set(header.map(CSVColumn.key))
        func fits(_ columns: [CSVColumn]) -> Bool {
            columns.filter(\.required).allSatisfy { column in
                ([column.name] + column.aliases).contains { keys.contains(CSVColumn.key($0)) }
            }
        }
        if fits(TaxiDriverProfile().columns) { return .drivers }
        if fits(TaxiVehicleProfile().columns) { return .vehicles }
        if fits(TaxiOperatorProfile().columns) { return .operators }
        if fits(TaxiHistoryProfile().columns) { return .history }
        if fits(NR3SSearchProfile().columns) { return .nr3s }
        if fits(Section6ReplyProfile().columns) { return .replies }
        if fits(LondonPHVDriverProfile().columns) { return .londonPHV }
        return nil
    }
}
