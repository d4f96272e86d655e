import GRDB
import SafeguardCore

extension SQLiteStore {
    /// Replaces the evidence of one source record, one copy per entity it is linked to
    /// (or unattached when it is linked to none).
    static func replaceEvidence(
        _ evidence: [Evidence], recordKey: String, entities: [Int64], in db: Database
    ) throws {
        try db.cachedStatement(sql: "DELETE FROM evidence WHERE record_key = ?").execute(arguments: [recordKey])
        let insert = try db.cachedStatement(
            sql: "INSERT INTO evidence (entity_id, record_key, source, source_id, sign, date, snippet, origin) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        let targets: [Int64?] = entities.isEmpty ? [nil] : entities.map { $0 }
        for target in targets {
            for item in evidence {
                try insert.execute(arguments: [
                    target, recordKey, item.source.rawValue, item.sourceID, item.sign, item.date?.description,
                    item.snippet, item.origin,
                ])
            }
        }
    }

    /// Links a report's or intelligence record's place to entities: the premises (resolved like any
    /// premises), the vehicle by registration and the driver by badge (only when one driver has it).
    func linkPlace(
        _ place: PlaceReference, source: String, key: String, in db: Database, index: PremisesIndex
    ) throws -> (entities: [Int64], linked: Int, uncertain: Int) {
        try db.cachedStatement(sql: "DELETE FROM entity_link WHERE source = ? AND source_key = ?")
            .execute(arguments: [source, key])
        var entities: [Int64] = []
        var linked = 0
        var uncertain = 0
        func link(_ role: String, _ entity: Int64, _ method: String, _ confidence: Double) throws {
            try db.cachedStatement(
                sql: "INSERT INTO entity_link (source, source_key, role, entity_id, method, confidence) "
                    + "VALUES (?, ?, ?, ?, ?, ?)"
            ).execute(arguments: [source, key, role, entity, method, confidence])
            entities.append(entity)
        }
        let premisesText = [place.premises, place.address, place.postcode].compactMap { $0 }
            .filter { !$0.allSatisfy(\.isWhitespace) }
        if !premisesText.isEmpty {
            let claim = PremisesClaim(name: place.premises ?? "", address: place.address, postcode: place.postcode)
            let resolution = try self.resolvePremises(
                claim, kind: .premises, source: source, fhrsID: nil, in: db, index: index)
            if resolution.linkedExisting { linked += 1 }
            uncertain += resolution.uncertain
            try link("premises", resolution.entityID, resolution.method, resolution.confidence)
        }
        if let registration = MatchKeys.plate(place.vehicle) {
            let (vehicle, existed) = try Self.vehicleEntity(registration, in: db)
            if existed { linked += 1 }
            try link("vehicle", vehicle, "registration", 1)
        }
        if let badge = MatchKeys.plate(place.badge) {
            let drivers = try Int64.fetchAll(
                db.cachedStatement(sql: "SELECT DISTINCT entity_id FROM taxi_driver WHERE badge_key = ?"),
                arguments: [badge])
            if drivers.count == 1 {
                linked += 1
                try link("driver", drivers[0], "badge", 1)
            }
        }
        return (entities, linked, uncertain)
    }
}
