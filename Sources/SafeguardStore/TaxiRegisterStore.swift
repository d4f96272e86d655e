import SafeguardCore

/// The taxi register beyond the licences themselves (workflow 3): licence history, NR3S searches,
/// s.5 notifications with their s.6 replies, and the whole register read back for screening.
public protocol TaxiRegisterStore: Sendable {
    /// Stores licence-history events (keyed by authority, licence, event, date and deciding authority).
    func recordTaxiHistory(_ events: [TaxiLicenceEvent]) throws -> ImportSummary
    /// Stores NR3S searches (one per application: authority, licence and application date).
    func recordNR3SSearches(_ searches: [NR3SSearch]) throws -> ImportSummary
    /// Stores s.5 notifications and s.6 replies (authority, licence and notification date).
    func recordSection6Replies(_ replies: [Section6Reply]) throws -> ImportSummary
    /// Drivers, vehicles, operators, history, NR3S, replies and the reports and intelligence
    /// records naming a badge or a plate.
    func taxiRegister() throws -> TaxiRegisterSnapshot
}
