import Logging
import PostgresNIO
import SafeguardCore
import SafeguardStore

/// Taxi registers in set-based round trips per batch: one look-up of the stored licences, one of the
/// vehicle entities the batch names (`PostgresEntityBatch`), the decisions in order in Swift, then
/// one upsert of every new or changed licence (the last version of a licence the batch repeats) and,
/// for drivers, one replacement of their vehicle links: the rows, links and counts of the row-by-row
/// `SQLiteStore` imports.
extension PostgresStore {
    public func recordDrivers(_ drivers: [TaxiDriverLicence]) throws -> ImportSummary {
        try self.write(rows: drivers.count) { db, logger in
            var summary = ImportSummary()
            let keys = drivers.map { TaxiLicenceKey(issuing_authority: $0.issuingAuthority, licence_number: $0.licenceNumber) }
            var stored = try await Self.storedLicences(keys, table: "taxi_driver", on: db, logger: logger)
            // Only licences stored before this batch can have a vehicle link to replace.
            let before = Set(stored.keys.map { $0.issuing_authority + "|" + $0.licence_number })
            var entities = try await PostgresEntityBatch.load(
                claims: [], registrations: drivers.compactMap { MatchKeys.plate($0.vehicleRegistration) }, on: db,
                logger: logger)
            var rows: [TaxiLicenceKey: TaxiDriverRow] = [:]
            var order: [TaxiLicenceKey] = []
            var links: [String: Int64?] = [:]
            var linkOrder: [String] = []
            for (driver, key) in zip(drivers, keys) {
                summary.read += 1
                let hash = driver.contentHash
                let entityID: Int64
                if let existing = stored[key] {
                    if existing.hash == hash {
                        summary.unchanged += 1
                        continue
                    }
                    summary.updated += 1
                    entityID = existing.entity!
                } else {
                    summary.new += 1
                    entityID = entities.newEntity(
                        kind: "driver", source: "taxi", name: "driver \(driver.licenceNumber) (\(driver.issuingAuthority))",
                        nameKey: MatchKeys.plate(driver.badgeNumber ?? driver.licenceNumber) ?? "", claim: nil, fhrsID: nil)
                }
                stored[key] = (hash, entityID)
                if rows[key] == nil { order.append(key) }
                rows[key] = TaxiDriverRow(
                    issuing_authority: driver.issuingAuthority, licence_number: driver.licenceNumber, entity_id: entityID,
                    badge_key: MatchKeys.plate(driver.badgeNumber), licence_type: driver.licenceType.rawValue,
                    holder_name: driver.holderName, badge_number: driver.badgeNumber,
                    issued_on: driver.issuedOn?.description, expires_on: driver.expiresOn?.description,
                    status: driver.status.rawValue, dbs_issued_on: driver.dbsIssuedOn?.description,
                    dbs_update_service: driver.dbsUpdateService.map { $0 ? 1 : 0 },
                    dbs_last_status_check: driver.dbsLastStatusCheck?.description,
                    barred_lists_checked: driver.barredListsChecked.map { $0 ? 1 : 0 },
                    nr3s_searched_on: driver.nr3sSearchedOn?.description,
                    safeguarding_training_on: driver.safeguardingTrainingOn?.description,
                    right_to_work_checked: driver.rightToWorkChecked.map { $0 ? 1 : 0 },
                    revocation_reason: driver.revocationReason, victim_age_band: driver.victimAgeBand,
                    vehicle_registration: driver.vehicleRegistration, content_hash: hash)
                // Each write replaces the licence's vehicle link (the last version's stays).
                let sourceKey = driver.issuingAuthority + "|" + driver.licenceNumber
                if links[sourceKey] == nil { linkOrder.append(sourceKey) }
                links[sourceKey] = .some(nil)
                if let registration = MatchKeys.plate(driver.vehicleRegistration) {
                    let vehicle = entities.vehicle(registration)
                    if vehicle.existed { summary.linked += 1 }
                    links[sourceKey] = vehicle.id
                }
            }
            guard !order.isEmpty else { return summary }
            let ids = try await entities.flush(on: db, logger: logger)
            try await db.rows(
                """
                INSERT INTO taxi_driver (issuing_authority, licence_number, entity_id, badge_key, licence_type,
                    holder_name, badge_number, issued_on, expires_on, status, dbs_issued_on, dbs_update_service,
                    dbs_last_status_check, barred_lists_checked, nr3s_searched_on, safeguarding_training_on,
                    right_to_work_checked, revocation_reason, victim_age_band, vehicle_registration, content_hash)
                SELECT issuing_authority, licence_number, entity_id, badge_key, licence_type, holder_name,
                    badge_number, issued_on, expires_on, status, dbs_issued_on, dbs_update_service,
                    dbs_last_status_check, barred_lists_checked, nr3s_searched_on, safeguarding_training_on,
                    right_to_work_checked, revocation_reason, victim_age_band, vehicle_registration, content_hash
                FROM ROWS FROM (json_to_recordset($1::json) AS (issuing_authority TEXT, licence_number TEXT,
                    entity_id BIGINT, badge_key TEXT, licence_type TEXT, holder_name TEXT, badge_number TEXT,
                    issued_on TEXT, expires_on TEXT, status TEXT, dbs_issued_on TEXT, dbs_update_service BIGINT,
                    dbs_last_status_check TEXT, barred_lists_checked BIGINT, nr3s_searched_on TEXT,
                    safeguarding_training_on TEXT, right_to_work_checked BIGINT, revocation_reason TEXT,
                    victim_age_band TEXT, vehicle_registration TEXT, content_hash BIGINT))
                    WITH ORDINALITY AS x(issuing_authority, licence_number, entity_id, badge_key, licence_type,
                        holder_name, badge_number, issued_on, expires_on, status, dbs_issued_on, dbs_update_service,
                        dbs_last_status_check, barred_lists_checked, nr3s_searched_on, safeguarding_training_on,
                        right_to_work_checked, revocation_reason, victim_age_band, vehicle_registration, content_hash, n)
                ORDER BY n
                ON CONFLICT (authority, issuing_authority, licence_number) DO UPDATE SET
                    entity_id = excluded.entity_id, badge_key = excluded.badge_key,
                    licence_type = excluded.licence_type, holder_name = excluded.holder_name,
                    badge_number = excluded.badge_number, issued_on = excluded.issued_on,
                    expires_on = excluded.expires_on, status = excluded.status,
                    dbs_issued_on = excluded.dbs_issued_on, dbs_update_service = excluded.dbs_update_service,
                    dbs_last_status_check = excluded.dbs_last_status_check,
                    barred_lists_checked = excluded.barred_lists_checked,
                    nr3s_searched_on = excluded.nr3s_searched_on,
                    safeguarding_training_on = excluded.safeguarding_training_on,
                    right_to_work_checked = excluded.right_to_work_checked,
                    revocation_reason = excluded.revocation_reason, victim_age_band = excluded.victim_age_band,
                    vehicle_registration = excluded.vehicle_registration, content_hash = excluded.content_hash
                """,
                [.text(try Self.json(order.map { key -> TaxiDriverRow in
                    var row = rows[key]!
                    row.entity_id = ids[row.entity_id]
                    return row
                }))], logger: logger)
            let replaced = linkOrder.filter(before.contains)
            if !replaced.isEmpty {
                try await db.rows(
                    """
                    DELETE FROM entity_link WHERE authority = current_setting('safeguard.authority') AND source = 'taxi-driver'
                        AND source_key = ANY(ARRAY(SELECT value FROM json_array_elements_text($1::json)))
                    """, [.text(try Self.json(replaced))], logger: logger)
            }
            let vehicleLinks = linkOrder.compactMap { key in links[key]!.map { VehicleLinkRow(source_key: key, entity_id: ids[$0]) } }
            if !vehicleLinks.isEmpty {
                try await db.rows(
                    """
                    INSERT INTO entity_link (source, source_key, role, entity_id, method, confidence)
                    SELECT 'taxi-driver', source_key, 'vehicle', entity_id, 'registration', 1.0
                    FROM json_to_recordset($1::json) AS x(source_key TEXT, entity_id BIGINT)
                    """, [.text(try Self.json(vehicleLinks))], logger: logger)
            }
            return summary
        }
    }

    public func recordVehicles(_ vehicles: [TaxiVehicleLicence]) throws -> ImportSummary {
        try self.write(rows: vehicles.count) { db, logger in
            var summary = ImportSummary()
            let keys = vehicles.map { TaxiLicenceKey(issuing_authority: $0.issuingAuthority, licence_number: $0.licenceNumber) }
            let registrations = vehicles.map { MatchKeys.plate($0.vehicleRegistration) ?? $0.vehicleRegistration }
            var stored = try await Self.storedLicences(keys, table: "taxi_vehicle", on: db, logger: logger)
            var entities = try await PostgresEntityBatch.load(
                claims: [], registrations: registrations, on: db, logger: logger)
            var rows: [TaxiLicenceKey: TaxiVehicleRow] = [:]
            var order: [TaxiLicenceKey] = []
            for ((vehicle, key), registration) in zip(zip(vehicles, keys), registrations) {
                summary.read += 1
                let hash = vehicle.contentHash
                let existing = stored[key]
                if let existing, existing.hash == hash {
                    summary.unchanged += 1
                    continue
                }
                let entity = entities.vehicle(registration)
                if existing == nil {
                    summary.new += 1
                    if entity.existed { summary.linked += 1 }
                } else {
                    summary.updated += 1
                }
                stored[key] = (hash, entity.id)
                if rows[key] == nil { order.append(key) }
                rows[key] = TaxiVehicleRow(
                    issuing_authority: vehicle.issuingAuthority, licence_number: vehicle.licenceNumber,
                    entity_id: entity.id, registration_key: registration, licence_type: vehicle.licenceType.rawValue,
                    vehicle_registration: vehicle.vehicleRegistration, make: vehicle.make, model: vehicle.model,
                    proprietor_name: vehicle.proprietorName, operator_licence: vehicle.operatorLicence,
                    issued_on: vehicle.issuedOn?.description, expires_on: vehicle.expiresOn?.description,
                    status: vehicle.status.rawValue, content_hash: hash)
            }
            guard !order.isEmpty else { return summary }
            let ids = try await entities.flush(on: db, logger: logger)
            try await db.rows(
                """
                INSERT INTO taxi_vehicle (issuing_authority, licence_number, entity_id, registration_key,
                    licence_type, vehicle_registration, make, model, proprietor_name, operator_licence,
                    issued_on, expires_on, status, content_hash)
                SELECT issuing_authority, licence_number, entity_id, registration_key, licence_type,
                    vehicle_registration, make, model, proprietor_name, operator_licence, issued_on, expires_on,
                    status, content_hash
                FROM ROWS FROM (json_to_recordset($1::json) AS (issuing_authority TEXT, licence_number TEXT,
                    entity_id BIGINT, registration_key TEXT, licence_type TEXT, vehicle_registration TEXT, make TEXT,
                    model TEXT, proprietor_name TEXT, operator_licence TEXT, issued_on TEXT, expires_on TEXT,
                    status TEXT, content_hash BIGINT))
                    WITH ORDINALITY AS x(issuing_authority, licence_number, entity_id, registration_key, licence_type,
                        vehicle_registration, make, model, proprietor_name, operator_licence, issued_on, expires_on,
                        status, content_hash, n)
                ORDER BY n
                ON CONFLICT (authority, issuing_authority, licence_number) DO UPDATE SET
                    entity_id = excluded.entity_id, registration_key = excluded.registration_key,
                    licence_type = excluded.licence_type, vehicle_registration = excluded.vehicle_registration,
                    make = excluded.make, model = excluded.model, proprietor_name = excluded.proprietor_name,
                    operator_licence = excluded.operator_licence, issued_on = excluded.issued_on,
                    expires_on = excluded.expires_on, status = excluded.status,
                    content_hash = excluded.content_hash
                """,
                [.text(try Self.json(order.map { key -> TaxiVehicleRow in
                    var row = rows[key]!
                    row.entity_id = ids[row.entity_id]
                    return row
                }))], logger: logger)
            return summary
        }
    }

    public func recordOperators(_ operators: [TaxiOperatorLicence]) throws -> ImportSummary {
        try self.write(rows: operators.count) { db, logger in
            var summary = ImportSummary()
            let keys = operators.map { TaxiLicenceKey(issuing_authority: $0.issuingAuthority, licence_number: $0.licenceNumber) }
            var stored = try await Self.storedLicences(keys, table: "taxi_operator", on: db, logger: logger)
            var rows: [TaxiLicenceKey: TaxiOperatorRow] = [:]
            var order: [TaxiLicenceKey] = []
            for (licence, key) in zip(operators, keys) {
                let hash = licence.contentHash
                guard summary.needsWrite(stored: stored[key]?.hash, hash: hash) else { continue }
                stored[key] = (hash, nil)
                if rows[key] == nil { order.append(key) }
                rows[key] = TaxiOperatorRow(
                    issuing_authority: licence.issuingAuthority, licence_number: licence.licenceNumber,
                    operator_name: licence.operatorName, issued_on: licence.issuedOn?.description,
                    expires_on: licence.expiresOn?.description, status: licence.status.rawValue, content_hash: hash)
            }
            guard !order.isEmpty else { return summary }
            try await db.rows(
                """
                INSERT INTO taxi_operator (issuing_authority, licence_number, operator_name, issued_on, expires_on,
                    status, content_hash)
                SELECT issuing_authority, licence_number, operator_name, issued_on, expires_on, status, content_hash
                FROM ROWS FROM (json_to_recordset($1::json) AS (issuing_authority TEXT, licence_number TEXT,
                    operator_name TEXT, issued_on TEXT, expires_on TEXT, status TEXT, content_hash BIGINT))
                    WITH ORDINALITY AS x(issuing_authority, licence_number, operator_name, issued_on, expires_on,
                        status, content_hash, n)
                ORDER BY n
                ON CONFLICT (authority, issuing_authority, licence_number) DO UPDATE SET
                    operator_name = excluded.operator_name, issued_on = excluded.issued_on,
                    expires_on = excluded.expires_on, status = excluded.status,
                    content_hash = excluded.content_hash
                """, [.text(try Self.json(order.map { rows[$0]! }))], logger: logger)
            return summary
        }
    }

    /// The stored content hash (and entity, where the table has one) of each licence among `keys`.
    private static func storedLicences(
        _ keys: [TaxiLicenceKey], table: String, on db: PostgresConnection, logger: Logger
    ) async throws -> [TaxiLicenceKey: (hash: Int64, entity: Int64?)] {
        var stored: [TaxiLicenceKey: (hash: Int64, entity: Int64?)] = [:]
        guard !keys.isEmpty else { return stored }
        let entity = table == "taxi_operator" ? "NULL::bigint" : "t.entity_id"
        for row in try await db.rows(
            """
            SELECT t.issuing_authority, t.licence_number, t.content_hash, \(entity)
            FROM json_to_recordset($1::json) AS k(issuing_authority TEXT, licence_number TEXT)
            CROSS JOIN LATERAL (
                SELECT * FROM \(table)
                WHERE authority = current_setting('safeguard.authority') AND issuing_authority = k.issuing_authority
                  AND licence_number = k.licence_number LIMIT 1) t
            """, [.text(try Self.json(Array(Set(keys))))], logger: logger)
        {
            stored[TaxiLicenceKey(issuing_authority: try row.text(0)!, licence_number: try row.text(1)!)] =
                (try row.int(2)!, try row.int(3))
        }
        return stored
    }
}

/// A taxi licence's identity (JSON keys are the column names).
struct TaxiLicenceKey: Hashable, Codable {
    var issuing_authority: String
    var licence_number: String
}

/// A driver's vehicle link as `json_to_recordset` reads it.
struct VehicleLinkRow: Encodable {
    var source_key: String
    var entity_id: Int64
}

/// A driver licence row as `json_to_recordset` reads it (a nil is a missing key, so NULL).
struct TaxiDriverRow: Encodable {
    var issuing_authority: String
    var licence_number: String
    var entity_id: Int64
    var badge_key: String?
    var licence_type: String
    var holder_name: String?
    var badge_number: String?
    var issued_on: String?
    var expires_on: String?
    var status: String
    var dbs_issued_on: String?
    var dbs_update_service: Int?
    var dbs_last_status_check: String?
    var barred_lists_checked: Int?
    var nr3s_searched_on: String?
    var safeguarding_training_on: String?
    var right_to_work_checked: Int?
    var revocation_reason: String?
    var victim_age_band: String?
    var vehicle_registration: String?
    var content_hash: Int64
}

/// A vehicle licence row as `json_to_recordset` reads it.
struct TaxiVehicleRow: Encodable {
    var issuing_authority: String
    var licence_number: String
    var entity_id: Int64
    var registration_key: String
    var licence_type: String
    var vehicle_registration: String
    var make: String?
    var model: String?
    var proprietor_name: String?
    var operator_licence: String?
    var issued_on: String?
    var expires_on: String?
    var status: String
    var content_hash: Int64
}

/// An operator licence row as `json_to_recordset` reads it.
struct TaxiOperatorRow: Encodable {
    var issuing_authority: String
    var licence_number: String
    var operator_name: String
    var issued_on: String?
    var expires_on: String?
    var status: String
    var content_hash: Int64
}
