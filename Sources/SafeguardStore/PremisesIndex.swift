import Foundation
import GRDB

/// The premises-like entities at each postcode, cached in memory while the store imports, so
/// resolving a record costs a dictionary look-up and a few name comparisons instead of a query.
///
/// Loaded lazily per postcode from the database; the store drops the cache when a transaction
/// fails, when another connection has written (`PRAGMA data_version`) and after a merge.
final class PremisesIndex {
    struct Entry {
        var id: Int64
        var nameKey: String
        var houseNumber: String?
        var hasFHRS: Bool
        var profile: NameProfile

        init(id: Int64, nameKey: String, houseNumber: String?, hasFHRS: Bool, profile: NameProfile? = nil) {
            self.id = id
            self.nameKey = nameKey
            self.houseNumber = houseNumber
            self.hasFHRS = hasFHRS
            self.profile = profile ?? NameProfile(nameKey)
        }
    }

    private var byPostcode: [String: [Entry]] = [:]
    private var cachedEntries = 0
    /// One profile per distinct name key: registers repeat names ("Royal Oak") across many
    /// postcodes, and entries sharing a profile share its arrays (copy-on-write).
    private var profiles: [String: NameProfile] = [:]
    var dataVersion: Int?
    /// Claims (name key, postcode key, house number) already resolved to a perfect match at
    /// their postcode, with that resolution: the scan keeps the first perfect candidate and new
    /// entities only ever join the end of a postcode's list, so the same claim resolves the same
    /// way until the cache is cleared. Lets an import of many reviews of one hotel resolve it once.
    var perfectLinks: [PerfectLinkKey: Resolution] = [:]
    /// FHRS ids written since the FHRS table was seen empty (a first import): no other id can
    /// exist, so their look-ups are skipped. Nil when the table held rows, or after a clear.
    var fhrsWritten: Set<Int>?
    /// Licence case keys (`PreparedLicenceEvent.caseKey`) written since the licence_case table was
    /// seen empty: any other case cannot exist yet, so its look-up is skipped. Nil when the table
    /// held rows, or after a clear (a failed transaction, another connection's write, a merge).
    var licenceCasesWritten: Set<Int64>?

    /// The cache stays below this many entries; past it, it is cleared and reloads lazily. Entries
    /// share name profiles (~70 bytes each), so a million-row register fits without a reload storm.
    let capacity = 1_000_000

    /// The premises-like entities at one postcode (`?1`): both partial postcode indexes, in id order.
    /// The unclaimed half names its index (the planner would otherwise pick the UNIQUE fhrs_id
    /// index for `fhrs_id IS NULL`); the claimed half does not, because a bulk load may have
    /// dropped that index for the time being (`deferrableIndexes`).
    static let loadSQL = """
        SELECT id, name_key, house_number, 0 FROM entity INDEXED BY entity_unclaimed_by_postcode
        WHERE postcode_key = ?1 AND fhrs_id IS NULL AND kind IN ('hotel', 'premises')
        UNION ALL
        SELECT id, name_key, house_number, 1 FROM entity
        WHERE postcode_key = ?1 AND fhrs_id IS NOT NULL AND kind IN ('hotel', 'premises')
        ORDER BY 1
        """

    func entries(at postcodeKey: String, in db: Database) throws -> [Entry] {
        if let hit = self.byPostcode[postcodeKey] { return hit }
        // Two partial indexes cover a postcode (unclaimed and FHRS-claimed entities, migration
        // v3-csv-import); entries are kept in id order, as one index on postcode_key gave them,
        // because resolution keeps the first of equally good matches.
        let statement = try db.cachedStatement(sql: Self.loadSQL)
        let rows = try Row.fetchAll(statement, arguments: [postcodeKey])
        let loaded = rows.map { row in
            let nameKey: String = row[1]
            return Entry(
                id: row[0], nameKey: nameKey, houseNumber: row[2], hasFHRS: row[3], profile: self.profile(nameKey))
        }
        if self.cachedEntries + loaded.count > self.capacity { self.clear() }
        self.byPostcode[postcodeKey] = loaded
        self.cachedEntries += loaded.count
        return loaded
    }

    /// The shared profile of a name key, computed on first use.
    func profile(_ nameKey: String) -> NameProfile {
        if let hit = self.profiles[nameKey] { return hit }
        let profile = NameProfile(nameKey)
        self.profiles[nameKey] = profile
        return profile
    }

    /// Adds a new entity when its postcode is cached (otherwise it loads with the postcode later).
    func add(
        id: Int64, nameKey: String, houseNumber: String?, hasFHRS: Bool, at postcodeKey: String,
        profile: NameProfile? = nil
    ) {
        guard self.byPostcode[postcodeKey] != nil else { return }
        self.byPostcode[postcodeKey]!.append(
            Entry(
                id: id, nameKey: nameKey, houseNumber: houseNumber, hasFHRS: hasFHRS,
                profile: profile ?? self.profile(nameKey)))
        self.cachedEntries += 1
    }

    /// Marks an entity as now holding an FHRS establishment.
    func markFHRS(_ id: Int64, at postcodeKey: String) {
        guard let list = self.byPostcode[postcodeKey], let index = list.firstIndex(where: { $0.id == id }) else {
            return
        }
        self.byPostcode[postcodeKey]![index].hasFHRS = true
    }

    func clear() {
        self.byPostcode.removeAll(keepingCapacity: true)
        self.profiles.removeAll(keepingCapacity: true)
        self.cachedEntries = 0
        self.perfectLinks.removeAll(keepingCapacity: true)
        self.fhrsWritten = nil
        self.licenceCasesWritten = nil
    }
}

/// The normalised keys a premises claim resolves by (the postcode path).
struct PerfectLinkKey: Hashable {
    var nameKey: String
    var postcodeKey: String
    var houseNumber: String?
}

/// The premises index behind a lock. Only touched inside the store's serial write closure;
/// the lock makes that assumption safe.
final class PremisesIndexLock: @unchecked Sendable {
    private let lock = NSLock()
    private let index = PremisesIndex()

    func withLock<T>(_ body: (PremisesIndex) throws -> T) rethrows -> T {
        self.lock.lock()
        defer { self.lock.unlock() }
        return try body(self.index)
    }
}
