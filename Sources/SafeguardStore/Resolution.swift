import GRDB
import GRDBSQLite
import SafeguardCore

/// A premises as a record names it, with its match keys.
package struct PremisesClaim: Sendable {
    package var name: String
    package var nameKey: String
    package var address: String?
    package var postcode: String?
    package var postcodeKey: String?
    package var houseNumber: String?

    package init(name: String, address: String?, postcode: String?) {
        self.name = name
        self.nameKey = MatchKeys.name(name)
        self.address = address
        self.postcode = postcode
        self.postcodeKey = MatchKeys.postcode(postcode) ?? MatchKeys.postcodeIn(address)
        self.houseNumber = MatchKeys.houseNumber(address)
    }
}

/// The entity a record was linked to and how.
struct Resolution {
    var entityID: Int64
    var method: String
    var confidence: Double
    /// True when linked to an entity that already existed.
    var linkedExisting: Bool
    /// Uncertain candidates queued for an officer.
    var uncertain: Int
}

extension SQLiteStore {
    /// Finds the entity a premises claim belongs to, or creates one.
    ///
    /// Certain matches link; uncertain ones create a new entity and queue `link_candidate`
    /// rows for an officer (never merged silently). FHRS records only ever join an entity
    /// that has no FHRS establishment yet (`forFHRS`).
    func resolvePremises(
        _ claim: PremisesClaim, kind: EntityKind, source: String, fhrsID: Int64?, in db: Database,
        index: PremisesIndex
    ) throws -> Resolution {
        let linkKey = fhrsID == nil ? claim.postcodeKey.map { PerfectLinkKey(nameKey: claim.nameKey, postcodeKey: $0, houseNumber: claim.houseNumber) } : nil
        if let linkKey, let hit = index.perfectLinks[linkKey] { return hit }
        var best: (PremisesIndex.Entry, MatchDecision)?
        var uncertain: [(Int64, MatchDecision)] = []
        var profile: NameProfile?
        if let postcodeKey = claim.postcodeKey {
            let candidates: [PremisesIndex.Entry]
            if fhrsID != nil {
                candidates = try Self.unlinkedEntries(at: postcodeKey, in: db)
            } else {
                candidates = try index.entries(at: postcodeKey, in: db)
            }
            profile = index.profile(claim.nameKey)
            // Index-based so entries are read in place, not copied (retained) one by one.
            scan: for position in candidates.indices {
                if fhrsID != nil && candidates[position].hasFHRS { continue }
                let sameHouse: Bool? =
                    (claim.houseNumber != nil && candidates[position].houseNumber != nil)
                    ? claim.houseNumber == candidates[position].houseNumber : nil
                let decision = MatchDecision.compare(
                    nameSimilarity: MatchKeys.similarity(profile!, candidates[position].profile), samePostcode: true,
                    bothPostcodes: true, sameHouseNumber: sameHouse)
                switch decision.strength {
                case .certain:
                    if best == nil || decision.confidence > best!.1.confidence {
                        best = (candidates[position], decision)
                        // Nothing beats a perfect match (same name key) and ties keep the first, so stop.
                        if decision.confidence >= MatchDecision.perfectConfidence { break scan }
                    }
                case .uncertain: uncertain.append((candidates[position].id, decision))
                case .none: break
                }
            }
        } else if !claim.nameKey.isEmpty {
            // No postcode: a same-named premises can only be an uncertain match.
            // FHRS records never pair with each other (the FHRS id already tells them apart).
            let statement = try db.cachedStatement(
                sql: "SELECT id, house_number FROM entity WHERE name_key = ? AND kind IN ('hotel', 'premises') "
                    + (fhrsID != nil ? "AND fhrs_id IS NULL " : "") + "LIMIT 20")
            for row in try Row.fetchAll(statement, arguments: [claim.nameKey]) {
                let house: String? = row[1]
                let same: Bool? = (claim.houseNumber != nil && house != nil) ? claim.houseNumber == house : nil
                let decision = MatchDecision.compare(
                    nameSimilarity: 1, samePostcode: false, bothPostcodes: false, sameHouseNumber: same)
                if decision.strength == .uncertain { uncertain.append((row[0], decision)) }
            }
        }
        if let (entry, decision) = best {
            if let fhrsID {
                try db.cachedStatement(sql: "UPDATE entity SET fhrs_id = ?, kind = ? WHERE id = ?")
                    .execute(arguments: [fhrsID, kind.rawValue, entry.id])
                if let key = claim.postcodeKey { index.markFHRS(entry.id, at: key) }
            }
            let resolution = Resolution(
                entityID: entry.id, method: decision.method, confidence: decision.confidence, linkedExisting: true,
                uncertain: 0)
            if let linkKey, decision.confidence >= MatchDecision.perfectConfidence {
                index.perfectLinks[linkKey] = resolution
            }
            return resolution
        }
        let id = try self.insertEntity(claim, kind: kind, source: source, fhrsID: fhrsID, in: db)
        if let key = claim.postcodeKey {
            index.add(
                id: id, nameKey: claim.nameKey, houseNumber: claim.houseNumber, hasFHRS: fhrsID != nil, at: key,
                profile: profile)
        }
        let queued = uncertain.sorted { $0.1.confidence > $1.1.confidence }.prefix(5)
        if !queued.isEmpty {
            let insert = try db.cachedStatement(
                sql: "INSERT OR IGNORE INTO link_candidate (entity_id, candidate_id, method, confidence) "
                    + "VALUES (?, ?, ?, ?)")
            for (candidate, decision) in queued {
                var row = FastStatement(insert)
                row.bind(id)
                row.bind(candidate)
                row.bind(decision.method)
                row.bind(decision.confidence)
                try row.run()
            }
        }
        return Resolution(entityID: id, method: "new", confidence: 1, linkedExisting: false, uncertain: queued.count)
    }

    /// Entities at a postcode that no FHRS establishment has claimed (partial index, usually none).
    static func unlinkedEntries(at postcodeKey: String, in db: Database) throws -> [PremisesIndex.Entry] {
        let statement = try db.cachedStatement(
            sql: "SELECT id, name_key, house_number FROM entity INDEXED BY entity_unclaimed_by_postcode "
                + "WHERE postcode_key = ? AND fhrs_id IS NULL AND kind IN ('hotel', 'premises')")
        var query = FastStatement(statement)
        query.bind(postcodeKey)
        return try query.all { row in
            PremisesIndex.Entry(
                id: sqlite3_column_int64(row, 0), nameKey: String(cString: sqlite3_column_text(row, 1)),
                houseNumber: sqlite3_column_text(row, 2).map { String(cString: $0) }, hasFHRS: false)
        }
    }

    func insertEntity(_ claim: PremisesClaim, kind: EntityKind, source: String, fhrsID: Int64?, in db: Database)
        throws -> Int64
    {
        let statement = try db.cachedStatement(
            sql: "INSERT INTO entity (kind, source, name, name_key, address, postcode, postcode_key, "
                + "house_number, fhrs_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        var insert = FastStatement(statement)
        insert.bind(kind.rawValue)
        insert.bind(source)
        insert.bind(claim.name)
        insert.bind(claim.nameKey)
        insert.bind(claim.address)
        insert.bind(claim.postcode)
        insert.bind(claim.postcodeKey)
        insert.bind(claim.houseNumber)
        insert.bind(fhrsID)
        try insert.run()
        return db.lastInsertedRowID
    }

    /// Runs `body` in one write transaction with the premises index, dropping the cache when
    /// another connection has written or the transaction fails.
    func writeWithIndex<T>(_ body: (Database, PremisesIndex) throws -> T) throws -> T {
        try self.writer.write { db in
            let version = try Int.fetchOne(db, sql: "PRAGMA data_version")
            return try self.premisesIndex.withLock { index in
                if index.dataVersion != version {
                    index.clear()
                    index.dataVersion = version
                }
                do {
                    return try body(db, index)
                } catch {
                    index.clear()
                    throw error
                }
            }
        }
    }
}
