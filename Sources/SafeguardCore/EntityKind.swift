/// The kinds of entity that rules apply to (`applies-to` in a rule file).
public enum EntityKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A hotel, B&B or guest house (licensed or not).
    case hotel
    /// Any licensed premises (pub, club, late-night refreshment, sauna, ...).
    case premises
    /// A premises licence application or variation.
    case application
    /// A hackney carriage or private hire driver.
    case driver
    /// A licensed vehicle.
    case vehicle
    /// A whistle-blowing report.
    case report
}
