import Logging
import PostgresNIO
import SafeguardCore
import SafeguardStore

/// The links and evidence of a batch of reports or intelligence records, decided in memory and
/// written set-based: what `PostgresStore.linkPlace` and `replaceEvidence` do per record (the
/// premises resolved, the vehicle found or made, the driver found by a badge only one driver
/// holds; one copy of the evidence per linked entity), for all written records of a batch in one
/// look-up of entities, one of badges, and one delete and one insert each of links and evidence.
/// A record written twice in a batch keeps its last version's links and evidence.
struct PostgresPlaceLinks {
    private struct LinkRow: Encodable {
        var source_key: String
        var role: String
        var entity_id: Int64
        var method: String
        var confidence: Double
    }

    private var entities: PostgresEntityBatch
    /// The distinct driver entities holding each badge key the batch names.
    private var badges: [String: Set<Int64>]
    private var links: [String: [LinkRow]] = [:]
    private var evidence: [String: [EvidenceRow]] = [:]
    /// Source keys in the order of their last write, with their evidence record keys.
    private var order: [(key: String, recordKey: String)] = []

    /// Loads the entities and drivers the places can link to (two round trips).
    static func load(_ places: [PlaceReference], on db: PostgresConnection, logger: Logger) async throws
        -> PostgresPlaceLinks
    {
        let entities = try await PostgresEntityBatch.load(
            claims: places.compactMap(Self.claim), registrations: places.compactMap { MatchKeys.plate($0.vehicle) },
            on: db, logger: logger)
        var badges: [String: Set<Int64>] = [:]
        let keys = Set(places.compactMap { MatchKeys.plate($0.badge) })
        if !keys.isEmpty {
            for row in try await db.rows(
                """
                SELECT DISTINCT badge_key, entity_id FROM taxi_driver
                WHERE authority = current_setting('safeguard.authority')
                  AND badge_key = ANY(ARRAY(SELECT value FROM json_array_elements_text($1::json)))
                """, [.text(try PostgresStore.json(keys.sorted()))], logger: logger)
            {
                badges[try row.text(0)!, default: []].insert(try row.int(1)!)
            }
        }
        return PostgresPlaceLinks(entities: entities, badges: badges)
    }

    /// The premises a place names, when it names one.
    private static func claim(_ place: PlaceReference) -> PremisesClaim? {
        let text = [place.premises, place.address, place.postcode].compactMap { $0 }.filter { !$0.allSatisfy(\.isWhitespace) }
        guard !text.isEmpty else { return nil }
        return PremisesClaim(name: place.premises ?? "", address: place.address, postcode: place.postcode)
    }

    /// Links one written record's place (replacing what an earlier version in the batch linked)
    /// and keeps its evidence, one copy per linked entity (or one unattached).
    mutating func link(
        _ place: PlaceReference, source: String, key: String, recordKey: String, evidence: [Evidence]
    ) -> (linked: Int, uncertain: Int) {
        var rows: [LinkRow] = []
        var linked = 0
        var uncertain = 0
        if let claim = Self.claim(place) {
            let resolution = self.entities.resolvePremises(claim, kind: .premises, source: source, fhrsID: nil)
            if resolution.linkedExisting { linked += 1 }
            uncertain += resolution.uncertain
            rows.append(
                LinkRow(
                    source_key: key, role: "premises", entity_id: resolution.entityID, method: resolution.method,
                    confidence: resolution.confidence))
        }
        if let registration = MatchKeys.plate(place.vehicle) {
            let vehicle = self.entities.vehicle(registration)
            if vehicle.existed { linked += 1 }
            rows.append(LinkRow(source_key: key, role: "vehicle", entity_id: vehicle.id, method: "registration", confidence: 1))
        }
        if let badge = MatchKeys.plate(place.badge), let drivers = self.badges[badge], drivers.count == 1 {
            linked += 1
            rows.append(LinkRow(source_key: key, role: "driver", entity_id: drivers.first!, method: "badge", confidence: 1))
        }
        let targets: [Int64?] = rows.isEmpty ? [nil] : rows.map(\.entity_id)
        var copies: [EvidenceRow] = []
        for target in targets {
            for item in evidence {
                copies.append(
                    EvidenceRow(
                        entity_id: target, record_key: recordKey, source: item.source.rawValue, source_id: item.sourceID,
                        sign: item.sign, date: item.date?.description, snippet: item.snippet, origin: item.origin))
            }
        }
        if self.links[key] != nil { self.order.removeAll { $0.key == key } }
        self.order.append((key, recordKey))
        self.links[key] = rows
        self.evidence[key] = copies
        return (linked, uncertain)
    }

    /// Writes the new entities, then replaces the links and evidence of every linked record
    /// (`stored`: the keys of records stored before the batch, the only ones with rows to delete).
    mutating func write(source: String, stored: Set<String>, on db: PostgresConnection, logger: Logger) async throws {
        guard !self.order.isEmpty else { return }
        let ids = try await self.entities.flush(on: db, logger: logger)
        let replaced = self.order.filter { stored.contains($0.key) }
        if !replaced.isEmpty {
            try await db.rows(
                """
                DELETE FROM entity_link WHERE authority = current_setting('safeguard.authority') AND source = $1
                    AND source_key = ANY(ARRAY(SELECT value FROM json_array_elements_text($2::json)))
                """, [.text(source), .text(try PostgresStore.json(replaced.map { $0.key }))], logger: logger)
        }
        let rows = self.order.flatMap { entry in
            self.links[entry.key]!.map { row -> LinkRow in
                var row = row
                row.entity_id = ids[row.entity_id]
                return row
            }
        }
        if !rows.isEmpty {
            try await db.rows(
                """
                INSERT INTO entity_link (source, source_key, role, entity_id, method, confidence)
                SELECT $1, source_key, role, entity_id, method, confidence
                FROM json_to_recordset($2::json) AS x(source_key TEXT, role TEXT, entity_id BIGINT, method TEXT,
                    confidence DOUBLE PRECISION)
                """, [.text(source), .text(try PostgresStore.json(rows))], logger: logger)
        }
        try await PostgresStore.replaceEvidence(
            replaced.map { $0.recordKey },
            with: self.order.flatMap { entry in
                self.evidence[entry.key]!.map { row -> EvidenceRow in
                    var row = row
                    row.entity_id = ids[row.entity_id]
                    return row
                }
            }, on: db, logger: logger)
        self.order = []
        self.links = [:]
        self.evidence = [:]
    }
}
