import Logging
import NIOCore
import PostgresNIO
import SafeguardCore
import SafeguardStore

/// Entity resolution for a whole batch in a few round trips: one look-up loads every premises
/// entity the batch's claims can meet (by postcode key or, without a postcode, by name key) and
/// every vehicle entity its registrations name; the records are then resolved in order in Swift,
/// making the decisions `PostgresStore.resolvePremises` makes row by row (each record sees the
/// entities the records before it created); `flush` then writes the new entities, the FHRS claims on
/// existing ones and the queued link candidates in one statement each.
///
/// An entity created in the batch has a provisional id (negative) until `flush` reserves its real
/// one from the entity sequence, in creation order, so ids come out as row-by-row inserts give them.
/// Callers keep provisional ids in their rows and map them with the returned `ProvisionalIDs`.
struct PostgresEntityBatch {
    /// An entity a premises claim can match.
    private struct Candidate {
        var id: Int64
        var profile: NameProfile
        var houseNumber: String?
        var hasFHRS: Bool
    }

    /// An entity created in this batch (`id` set by `flush`).
    private struct NewEntity {
        var id: Int64 = 0
        var kind: String
        var source: String
        var name: String
        var name_key: String
        var address: String?
        var postcode: String?
        var postcode_key: String?
        var house_number: String?
        var fhrs_id: Int64?
    }

    private struct FHRSClaim: Encodable {
        var id: Int64
        var fhrs_id: Int64
        var kind: String
    }

    private struct QueuedCandidate: Encodable {
        var entity_id: Int64
        var candidate_id: Int64
        var method: String
        var confidence: Double
    }

    private var candidates: [Candidate] = []
    /// Candidate positions by postcode key and by name key, in id order (new entities last).
    private var byPostcode: [String: [Int]] = [:]
    private var byName: [String: [Int]] = [:]
    private var vehicles: [String: Int64] = [:]
    private var created: [NewEntity] = []
    private var claims: [FHRSClaim] = []
    private var queued: [QueuedCandidate] = []

    /// Loads the premises entities `claims` can match and the vehicle entities named by
    /// `registrations` (normalised registration keys), in one round trip.
    static func load(
        claims: [PremisesClaim], registrations: [String] = [], on db: PostgresConnection, logger: Logger
    ) async throws -> PostgresEntityBatch {
        var batch = PostgresEntityBatch()
        let postcodes = Set(claims.compactMap(\.postcodeKey))
        let names = Set(claims.filter { $0.postcodeKey == nil && !$0.nameKey.isEmpty }.map(\.nameKey))
        let plates = Set(registrations)
        guard !postcodes.isEmpty || !names.isEmpty || !plates.isEmpty else { return batch }
        let rows = try await db.rows(
            """
            SELECT id, kind, name_key, house_number, fhrs_id IS NOT NULL, postcode_key FROM entity
            WHERE authority = current_setting('safeguard.authority') AND kind IN ('hotel', 'premises')
              AND postcode_key = ANY(ARRAY(SELECT value FROM json_array_elements_text($1::json)))
            UNION
            SELECT id, kind, name_key, house_number, fhrs_id IS NOT NULL, postcode_key FROM entity
            WHERE authority = current_setting('safeguard.authority') AND kind IN ('hotel', 'premises')
              AND name_key = ANY(ARRAY(SELECT value FROM json_array_elements_text($2::json)))
            UNION
            SELECT id, kind, name_key, house_number, fhrs_id IS NOT NULL, postcode_key FROM entity
            WHERE authority = current_setting('safeguard.authority') AND kind = 'vehicle'
              AND name_key = ANY(ARRAY(SELECT value FROM json_array_elements_text($3::json)))
            ORDER BY id
            """,
            [
                .text(try PostgresStore.json(postcodes.sorted())), .text(try PostgresStore.json(names.sorted())),
                .text(try PostgresStore.json(plates.sorted())),
            ], logger: logger)
        for row in rows {
            let id = try row.int(0)!
            let nameKey = try row.text(2) ?? ""
            if try row.text(1) == "vehicle" {
                if batch.vehicles[nameKey] == nil { batch.vehicles[nameKey] = id }
                continue
            }
            let postcodeKey = try row.text(5)
            batch.addCandidate(
                Candidate(id: id, profile: NameProfile(nameKey), houseNumber: try row.text(3), hasFHRS: try row.bool(4) ?? false),
                postcodeKey: postcodeKey.flatMap { postcodes.contains($0) ? $0 : nil },
                nameKey: names.contains(nameKey) ? nameKey : nil)
        }
        return batch
    }

    private mutating func addCandidate(_ candidate: Candidate, postcodeKey: String?, nameKey: String?) {
        let position = self.candidates.count
        self.candidates.append(candidate)
        if let postcodeKey { self.byPostcode[postcodeKey, default: []].append(position) }
        if let nameKey { self.byName[nameKey, default: []].append(position) }
    }

    /// Finds the entity a premises claim belongs to, or creates one (provisionally): the decisions of
    /// `PostgresStore.resolvePremises`, against the loaded entities and those created before it.
    mutating func resolvePremises(_ claim: PremisesClaim, kind: EntityKind, source: String, fhrsID: Int64?)
        -> PostgresResolution
    {
        var best: (position: Int, decision: MatchDecision)?
        var uncertain: [(Int64, MatchDecision)] = []
        var profile: NameProfile?
        if let postcodeKey = claim.postcodeKey {
            let claimProfile = NameProfile(claim.nameKey)
            profile = claimProfile
            scan: for position in self.byPostcode[postcodeKey] ?? [] {
                let candidate = self.candidates[position]
                if fhrsID != nil, candidate.hasFHRS { continue }
                let sameHouse: Bool? =
                    (claim.houseNumber != nil && candidate.houseNumber != nil)
                    ? claim.houseNumber == candidate.houseNumber : nil
                let decision = MatchDecision.compare(
                    nameSimilarity: MatchKeys.similarity(claimProfile, candidate.profile), samePostcode: true,
                    bothPostcodes: true, sameHouseNumber: sameHouse)
                switch decision.strength {
                case .certain:
                    if best == nil || decision.confidence > best!.decision.confidence {
                        best = (position, decision)
                        if decision.confidence >= MatchDecision.perfectConfidence { break scan }
                    }
                case .uncertain: uncertain.append((candidate.id, decision))
                case .none: break
                }
            }
        } else if !claim.nameKey.isEmpty {
            let named = (self.byName[claim.nameKey] ?? []).filter { fhrsID == nil || !self.candidates[$0].hasFHRS }
            for position in named.prefix(20) {
                let candidate = self.candidates[position]
                let same: Bool? =
                    (claim.houseNumber != nil && candidate.houseNumber != nil)
                    ? claim.houseNumber == candidate.houseNumber : nil
                let decision = MatchDecision.compare(
                    nameSimilarity: 1, samePostcode: false, bothPostcodes: false, sameHouseNumber: same)
                if decision.strength == .uncertain { uncertain.append((candidate.id, decision)) }
            }
        }
        if let best {
            let id = self.candidates[best.position].id
            if let fhrsID {
                self.candidates[best.position].hasFHRS = true
                if id < 0 {
                    self.created[Int(-id - 1)].fhrs_id = fhrsID
                    self.created[Int(-id - 1)].kind = kind.rawValue
                } else {
                    self.claims.append(FHRSClaim(id: id, fhrs_id: fhrsID, kind: kind.rawValue))
                }
            }
            return PostgresResolution(
                entityID: id, method: best.decision.method, confidence: best.decision.confidence, linkedExisting: true,
                uncertain: 0)
        }
        let id = self.newEntity(
            kind: kind.rawValue, source: source, name: claim.name, nameKey: claim.nameKey, claim: claim, fhrsID: fhrsID)
        self.addCandidate(
            Candidate(
                id: id, profile: profile ?? NameProfile(claim.nameKey), houseNumber: claim.houseNumber,
                hasFHRS: fhrsID != nil),
            postcodeKey: claim.postcodeKey, nameKey: claim.nameKey.isEmpty ? nil : claim.nameKey)
        let queued = uncertain.sorted { $0.1.confidence > $1.1.confidence }.prefix(5)
        for (candidate, decision) in queued {
            self.queued.append(
                QueuedCandidate(entity_id: id, candidate_id: candidate, method: decision.method, confidence: decision.confidence))
        }
        return PostgresResolution(entityID: id, method: "new", confidence: 1, linkedExisting: false, uncertain: queued.count)
    }

    /// The vehicle entity for a normalised registration, created (provisionally) when missing, and
    /// whether it existed before (in the store or earlier in the batch).
    mutating func vehicle(_ registration: String) -> (id: Int64, existed: Bool) {
        if let id = self.vehicles[registration] { return (id, true) }
        let id = self.newEntity(
            kind: "vehicle", source: "taxi", name: registration, nameKey: registration, claim: nil, fhrsID: nil)
        self.vehicles[registration] = id
        return (id, false)
    }

    /// A new entity with a provisional id (see the type's notes).
    mutating func newEntity(
        kind: String, source: String, name: String, nameKey: String, claim: PremisesClaim?, fhrsID: Int64?
    ) -> Int64 {
        self.created.append(
            NewEntity(
                kind: kind, source: source, name: name, name_key: nameKey, address: claim?.address,
                postcode: claim?.postcode, postcode_key: claim?.postcodeKey, house_number: claim?.houseNumber,
                fhrs_id: fhrsID))
        return -Int64(self.created.count)
    }

    /// Writes what the batch resolved (call once, before the rows that refer to its entities):
    /// reserves the new entities' ids and inserts them, records FHRS claims on existing entities and
    /// queues the link candidates (a few round trips, none per row).
    mutating func flush(on db: PostgresConnection, logger: Logger) async throws -> ProvisionalIDs {
        let reserved = try await PostgresStore.reserveIDs(self.created.count, table: "entity", on: db, logger: logger)
        for index in self.created.indices { self.created[index].id = reserved[index] }
        let ids = ProvisionalIDs(reserved: reserved)
        if !self.created.isEmpty {
            var writer = CopyTextWriter(capacity: self.created.count * 160)
            for entity in self.created {
                writer.field(entity.id)  // the order: ids ascend in creation order
                writer.field(entity.id)
                writer.field(entity.kind)
                writer.field(entity.source)
                writer.field(entity.name)
                writer.field(entity.name_key)
                writer.field(entity.address)
                writer.field(entity.postcode)
                writer.field(entity.postcode_key)
                writer.field(entity.house_number)
                writer.field(entity.fhrs_id)
                writer.endRow()
            }
            try await db.insertStaged(
                into: "entity",
                columns: [
                    "id", "kind", "source", "name", "name_key", "address", "postcode", "postcode_key", "house_number",
                    "fhrs_id",
                ], rows: writer.buffer, logger: logger)
        }
        if !self.claims.isEmpty {
            try await db.rows(
                """
                UPDATE entity e SET fhrs_id = x.fhrs_id, kind = x.kind
                FROM json_to_recordset($1::json) AS x(id BIGINT, fhrs_id BIGINT, kind TEXT)
                WHERE e.id = x.id
                """, [.text(try PostgresStore.json(self.claims))], logger: logger)
        }
        if !self.queued.isEmpty {
            let rows = self.queued.map {
                QueuedCandidate(
                    entity_id: ids[$0.entity_id], candidate_id: ids[$0.candidate_id], method: $0.method,
                    confidence: $0.confidence)
            }
            try await db.rows(
                """
                INSERT INTO link_candidate (entity_id, candidate_id, method, confidence)
                SELECT entity_id, candidate_id, method, confidence
                FROM ROWS FROM (json_to_recordset($1::json) AS (entity_id BIGINT, candidate_id BIGINT, method TEXT,
                    confidence DOUBLE PRECISION)) WITH ORDINALITY AS x(entity_id, candidate_id, method, confidence, n)
                ORDER BY n
                ON CONFLICT DO NOTHING
                """, [.text(try PostgresStore.json(rows))], logger: logger)
        }
        // Written (a batch is flushed once: provisional ids are not valid across flushes).
        self.created = []
        self.claims = []
        self.queued = []
        return ids
    }
}

/// Maps the provisional (negative) ids of a batch's new rows (-1 for the first) to the ids reserved
/// for them (`PostgresStore.reserveIDs`); real ids map to themselves.
struct ProvisionalIDs: Sendable {
    var reserved: [Int64]

    subscript(id: Int64) -> Int64 {
        id < 0 ? self.reserved[Int(-id - 1)] : id
    }

    subscript(id: Int64?) -> Int64? {
        id.map { self[$0] }
    }
}

extension PostgresStore {
    /// Takes `count` ids from `table`'s identity sequence in one round trip, ascending, so rows
    /// inserted with them get the ids row-by-row inserts would have given them.
    static func reserveIDs(_ count: Int, table: String, on db: PostgresConnection, logger: Logger) async throws
        -> [Int64]
    {
        guard count > 0 else { return [] }
        // The sequence is named once (an init plan), not per row: per row it cost 4 µs an id.
        let rows = try await db.rows(
            """
            SELECT nextval((SELECT pg_get_serial_sequence($1, 'id'))::regclass) AS id FROM generate_series(1, $2)
            ORDER BY id
            """,
            [.text(table), .int(Int64(count))], logger: logger)
        return try rows.map { try $0.int(0)! }
    }
}
