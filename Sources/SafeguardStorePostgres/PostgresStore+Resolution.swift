import Logging
import PostgresNIO
import SafeguardCore
import SafeguardStore

/// The entity a record was linked to and how (as `SQLiteStore` resolves it).
struct PostgresResolution {
    var entityID: Int64
    var method: String
    var confidence: Double
    var linkedExisting: Bool
    var uncertain: Int
}

extension PostgresStore {
    /// Finds the entity a premises claim belongs to, or creates one: the same decisions as
    /// `SQLiteStore.resolvePremises` (certain matches link; uncertain ones create a new entity and
    /// queue link candidates; FHRS records only join an entity without an FHRS establishment).
    static func resolvePremises(
        _ claim: PremisesClaim, kind: EntityKind, source: String, fhrsID: Int64?, on db: PostgresConnection,
        logger: Logger
    ) async throws -> PostgresResolution {
        var best: (id: Int64, decision: MatchDecision)?
        var uncertain: [(Int64, MatchDecision)] = []
        if let postcodeKey = claim.postcodeKey {
            let rows = try await db.rows(
                "SELECT id, name_key, house_number, fhrs_id IS NOT NULL FROM entity "
                    + "WHERE postcode_key = $1 AND kind IN ('hotel', 'premises') ORDER BY id",
                [.text(postcodeKey)], logger: logger)
            let profile = NameProfile(claim.nameKey)
            scan: for row in rows {
                if fhrsID != nil, try row.bool(3) == true { continue }
                let house = try row.text(2)
                let sameHouse: Bool? = (claim.houseNumber != nil && house != nil) ? claim.houseNumber == house : nil
                let decision = MatchDecision.compare(
                    nameSimilarity: MatchKeys.similarity(profile, NameProfile(try row.text(1) ?? "")),
                    samePostcode: true, bothPostcodes: true, sameHouseNumber: sameHouse)
                let id = try row.int(0)!
                switch decision.strength {
                case .certain:
                    if best == nil || decision.confidence > best!.decision.confidence {
                        best = (id, decision)
                        if decision.confidence >= MatchDecision.perfectConfidence { break scan }
                    }
                case .uncertain: uncertain.append((id, decision))
                case .none: break
                }
            }
        } else if !claim.nameKey.isEmpty {
            let rows = try await db.rows(
                "SELECT id, house_number FROM entity WHERE name_key = $1 AND kind IN ('hotel', 'premises') "
                    + (fhrsID != nil ? "AND fhrs_id IS NULL " : "") + "ORDER BY id LIMIT 20",
                [.text(claim.nameKey)], logger: logger)
            for row in rows {
                let house = try row.text(1)
                let same: Bool? = (claim.houseNumber != nil && house != nil) ? claim.houseNumber == house : nil
                let decision = MatchDecision.compare(
                    nameSimilarity: 1, samePostcode: false, bothPostcodes: false, sameHouseNumber: same)
                if decision.strength == .uncertain { uncertain.append((try row.int(0)!, decision)) }
            }
        }
        if let best {
            if let fhrsID {
                try await db.rows(
                    "UPDATE entity SET fhrs_id = $1, kind = $2 WHERE id = $3",
                    [.int(fhrsID), .text(kind.rawValue), .int(best.id)], logger: logger)
            }
            return PostgresResolution(
                entityID: best.id, method: best.decision.method, confidence: best.decision.confidence,
                linkedExisting: true, uncertain: 0)
        }
        let id = try await Self.insertEntity(
            kind: kind.rawValue, source: source, name: claim.name, nameKey: claim.nameKey, claim: claim,
            fhrsID: fhrsID, on: db, logger: logger)
        let queued = uncertain.sorted { $0.1.confidence > $1.1.confidence }.prefix(5)
        for (candidate, decision) in queued {
            try await db.rows(
                "INSERT INTO link_candidate (entity_id, candidate_id, method, confidence) VALUES ($1, $2, $3, $4) "
                    + "ON CONFLICT DO NOTHING",
                [.int(id), .int(candidate), .text(decision.method), .double(decision.confidence)], logger: logger)
        }
        return PostgresResolution(entityID: id, method: "new", confidence: 1, linkedExisting: false, uncertain: queued.count)
    }

    static func insertEntity(
        kind: String, source: String, name: String, nameKey: String, claim: PremisesClaim?, fhrsID: Int64?,
        on db: PostgresConnection, logger: Logger
    ) async throws -> Int64 {
        let rows = try await db.rows(
            "INSERT INTO entity (kind, source, name, name_key, address, postcode, postcode_key, house_number, "
                + "fhrs_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
            [
                .text(kind), .text(source), .text(name), .text(nameKey), .text(claim?.address),
                .text(claim?.postcode), .text(claim?.postcodeKey), .text(claim?.houseNumber), .int(fhrsID),
            ], logger: logger)
        return try rows[0].int(0)!
    }

    /// The vehicle entity for a normalised registration, created when missing (and whether it existed).
    static func vehicleEntity(_ registration: String, on db: PostgresConnection, logger: Logger) async throws
        -> (Int64, Bool)
    {
        let rows = try await db.rows(
            "SELECT id FROM entity WHERE kind = 'vehicle' AND name_key = $1 ORDER BY id LIMIT 1",
            [.text(registration)], logger: logger)
        if let row = rows.first { return (try row.int(0)!, true) }
        let id = try await Self.insertEntity(
            kind: "vehicle", source: "taxi", name: registration, nameKey: registration, claim: nil, fhrsID: nil,
            on: db, logger: logger)
        return (id, false)
    }
}
