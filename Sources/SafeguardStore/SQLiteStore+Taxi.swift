import GRDB
import SafeguardCore

extension SQLiteStore {
    public func recordDrivers(_ drivers: [TaxiDriverLicence]) throws -> ImportSummary {
        try self.writeWithIndex { db, _ in
            var summary = ImportSummary()
            for driver in drivers {
                summary.read += 1
                let hash = driver.contentHash
                let key = [driver.issuingAuthority, driver.licenceNumber]
                let existing = try Row.fetchOne(
                    db, sql: "SELECT id, content_hash, entity_id FROM taxi_driver "
                        + "WHERE issuing_authority = ? AND licence_number = ?", arguments: StatementArguments(key))
                let entityID: Int64
                if let existing {
                    if existing[1] as Int64 == hash {
                        summary.unchanged += 1
                        continue
                    }
                    summary.updated += 1
                    entityID = existing[2]
                } else {
                    summary.new += 1
                    let label = "driver \(driver.licenceNumber) (\(driver.issuingAuthority))"
                    try db.execute(
                        sql: "INSERT INTO entity (kind, source, name, name_key) VALUES ('driver', 'taxi', ?, ?)",
                        arguments: [label, MatchKeys.plate(driver.badgeNumber ?? driver.licenceNumber) ?? ""])
                    entityID = db.lastInsertedRowID
                }
                let values: [(any DatabaseValueConvertible)?] = [
                    entityID, MatchKeys.plate(driver.badgeNumber), driver.licenceType.rawValue, driver.holderName,
                    driver.badgeNumber, driver.issuedOn?.description, driver.expiresOn?.description,
                    driver.status.rawValue, driver.dbsIssuedOn?.description, driver.dbsUpdateService,
                    driver.dbsLastStatusCheck?.description, driver.barredListsChecked,
                    driver.nr3sSearchedOn?.description, driver.safeguardingTrainingOn?.description,
                    driver.rightToWorkChecked, driver.revocationReason, driver.victimAgeBand,
                    driver.vehicleRegistration, hash, driver.issuingAuthority, driver.licenceNumber,
                ]
                if existing != nil {
                    try db.execute(
                        sql: """
                            UPDATE taxi_driver SET entity_id = ?, badge_key = ?, licence_type = ?, holder_name = ?,
                                badge_number = ?, issued_on = ?, expires_on = ?, status = ?, dbs_issued_on = ?,
                                dbs_update_service = ?, dbs_last_status_check = ?, barred_lists_checked = ?,
                                nr3s_searched_on = ?, safeguarding_training_on = ?, right_to_work_checked = ?,
                                revocation_reason = ?, victim_age_band = ?, vehicle_registration = ?, content_hash = ?
                            WHERE issuing_authority = ? AND licence_number = ?
                            """, arguments: StatementArguments(values))
                } else {
                    try db.execute(
                        sql: """
                            INSERT INTO taxi_driver (entity_id, badge_key, licence_type, holder_name, badge_number,
                                issued_on, expires_on, status, dbs_issued_on, dbs_update_service,
                                dbs_last_status_check, barred_lists_checked, nr3s_searched_on,
                                safeguarding_training_on, right_to_work_checked, revocation_reason, victim_age_band,
                                vehicle_registration, content_hash, issuing_authority, licence_number)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                            """, arguments: StatementArguments(values))
                }
                let sourceKey = driver.issuingAuthority + "|" + driver.licenceNumber
                try db.execute(
                    sql: "DELETE FROM entity_link WHERE source = 'taxi-driver' AND source_key = ?",
                    arguments: [sourceKey])
                if let registration = MatchKeys.plate(driver.vehicleRegistration) {
                    let (vehicle, existed) = try Self.vehicleEntity(registration, in: db)
                    if existed { summary.linked += 1 }
                    try db.execute(
                        sql: "INSERT INTO entity_link (source, source_key, role, entity_id, method, confidence) "
                            + "VALUES ('taxi-driver', ?, 'vehicle', ?, 'registration', 1.0)",
                        arguments: [sourceKey, vehicle])
                }
            }
            return summary
        }
    }

    public func recordVehicles(_ vehicles: [TaxiVehicleLicence]) throws -> ImportSummary {
        try self.writeWithIndex { db, _ in
            var summary = ImportSummary()
            for vehicle in vehicles {
                summary.read += 1
                let hash = vehicle.contentHash
                let registration = MatchKeys.plate(vehicle.vehicleRegistration) ?? vehicle.vehicleRegistration
                let existing = try Row.fetchOne(
                    db, sql: "SELECT content_hash FROM taxi_vehicle WHERE issuing_authority = ? AND licence_number = ?",
                    arguments: [vehicle.issuingAuthority, vehicle.licenceNumber])
                if let existing, existing[0] as Int64 == hash {
                    summary.unchanged += 1
                    continue
                }
                let (entityID, existed) = try Self.vehicleEntity(registration, in: db)
                if existing == nil {
                    summary.new += 1
                    if existed { summary.linked += 1 }
                } else {
                    summary.updated += 1
                }
                try db.execute(
                    sql: """
                        INSERT INTO taxi_vehicle (issuing_authority, licence_number, entity_id, registration_key,
                            licence_type, vehicle_registration, make, model, proprietor_name, operator_licence,
                            issued_on, expires_on, status, content_hash)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (issuing_authority, licence_number) DO UPDATE SET entity_id = excluded.entity_id,
                            registration_key = excluded.registration_key, licence_type = excluded.licence_type,
                            vehicle_registration = excluded.vehicle_registration, make = excluded.make,
                            model = excluded.model, proprietor_name = excluded.proprietor_name,
                            operator_licence = excluded.operator_licence, issued_on = excluded.issued_on,
                            expires_on = excluded.expires_on, status = excluded.status,
                            content_hash = excluded.content_hash
                        """,
                    arguments: [
                        vehicle.issuingAuthority, vehicle.licenceNumber, entityID, registration,
                        vehicle.licenceType.rawValue, vehicle.vehicleRegistration, vehicle.make, vehicle.model,
                        vehicle.proprietorName, vehicle.operatorLicence, vehicle.issuedOn?.description,
                        vehicle.expiresOn?.description, vehicle.status.rawValue, hash,
                    ])
            }
            return summary
        }
    }

    public func recordOperators(_ operators: [TaxiOperatorLicence]) throws -> ImportSummary {
        try self.writeWithIndex { db, _ in
            var summary = ImportSummary()
            for licence in operators {
                let hash = licence.contentHash
                let existing = try Int64.fetchOne(
                    db,
                    sql: "SELECT content_hash FROM taxi_operator WHERE issuing_authority = ? AND licence_number = ?",
                    arguments: [licence.issuingAuthority, licence.licenceNumber])
                guard summary.needsWrite(stored: existing, hash: hash) else { continue }
                try db.execute(
                    sql: """
                        INSERT INTO taxi_operator (issuing_authority, licence_number, operator_name, issued_on,
                            expires_on, status, content_hash) VALUES (?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (issuing_authority, licence_number) DO UPDATE SET
                            operator_name = excluded.operator_name, issued_on = excluded.issued_on,
                            expires_on = excluded.expires_on, status = excluded.status,
                            content_hash = excluded.content_hash
                        """,
                    arguments: [
                        licence.issuingAuthority, licence.licenceNumber, licence.operatorName,
                        licence.issuedOn?.description, licence.expiresOn?.description, licence.status.rawValue, hash,
                    ])
            }
            return summary
        }
    }

    /// The vehicle entity for a normalised registration, created when missing (and whether it existed).
    static func vehicleEntity(_ registration: String, in db: Database) throws -> (Int64, Bool) {
        if let id = try Int64.fetchOne(
            db, sql: "SELECT id FROM entity WHERE kind = 'vehicle' AND name_key = ?", arguments: [registration])
        {
            return (id, true)
        }
        try db.execute(
            sql: "INSERT INTO entity (kind, source, name, name_key) VALUES ('vehicle', 'taxi', ?, ?)",
            arguments: [registration, registration])
        return (db.lastInsertedRowID, false)
    }
}
