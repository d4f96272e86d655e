import Logging
import PostgresNIO
import SafeguardCore
import SafeguardStore

extension PostgresStore {
    public func recordDrivers(_ drivers: [TaxiDriverLicence]) throws -> ImportSummary {
        try self.write { db, logger in
            var summary = ImportSummary()
            for driver in drivers {
                summary.read += 1
                var hasher = ContentHash()
                for field in [
                    driver.licenceType.rawValue, driver.holderName, driver.badgeNumber, driver.issuedOn?.description,
                    driver.expiresOn?.description, driver.status.rawValue, driver.dbsIssuedOn?.description,
                    driver.dbsLastStatusCheck?.description, driver.nr3sSearchedOn?.description,
                    driver.safeguardingTrainingOn?.description, driver.revocationReason, driver.victimAgeBand,
                    driver.vehicleRegistration,
                ] {
                    hasher.add(field)
                }
                hasher.add(driver.dbsUpdateService)
                hasher.add(driver.barredListsChecked)
                hasher.add(driver.rightToWorkChecked)
                let hash = hasher.int64
                let existing = try await db.rows(
                    "SELECT content_hash, entity_id FROM taxi_driver WHERE issuing_authority = $1 AND licence_number = $2",
                    [.text(driver.issuingAuthority), .text(driver.licenceNumber)], logger: logger
                ).first
                let entityID: Int64
                if let existing {
                    if try existing.int(0) == hash {
                        summary.unchanged += 1
                        continue
                    }
                    summary.updated += 1
                    entityID = try existing.int(1)!
                } else {
                    summary.new += 1
                    entityID = try await Self.insertEntity(
                        kind: "driver", source: "taxi", name: "driver \(driver.licenceNumber) (\(driver.issuingAuthority))",
                        nameKey: MatchKeys.plate(driver.badgeNumber ?? driver.licenceNumber) ?? "", claim: nil,
                        fhrsID: nil, on: db, logger: logger)
                }
                try await db.rows(
                    """
                    INSERT INTO taxi_driver (entity_id, badge_key, licence_type, holder_name, badge_number,
                        issued_on, expires_on, status, dbs_issued_on, dbs_update_service, dbs_last_status_check,
                        barred_lists_checked, nr3s_searched_on, safeguarding_training_on, right_to_work_checked,
                        revocation_reason, victim_age_band, vehicle_registration, content_hash, issuing_authority,
                        licence_number)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21)
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
                    [
                        .int(entityID), .text(MatchKeys.plate(driver.badgeNumber)), .text(driver.licenceType.rawValue),
                        .text(driver.holderName), .text(driver.badgeNumber), .text(driver.issuedOn?.description),
                        .text(driver.expiresOn?.description), .text(driver.status.rawValue),
                        .text(driver.dbsIssuedOn?.description), .bool(driver.dbsUpdateService),
                        .text(driver.dbsLastStatusCheck?.description), .bool(driver.barredListsChecked),
                        .text(driver.nr3sSearchedOn?.description), .text(driver.safeguardingTrainingOn?.description),
                        .bool(driver.rightToWorkChecked), .text(driver.revocationReason), .text(driver.victimAgeBand),
                        .text(driver.vehicleRegistration), .int(hash), .text(driver.issuingAuthority),
                        .text(driver.licenceNumber),
                    ], logger: logger)
                let sourceKey = driver.issuingAuthority + "|" + driver.licenceNumber
                try await db.rows(
                    "DELETE FROM entity_link WHERE source = 'taxi-driver' AND source_key = $1", [.text(sourceKey)],
                    logger: logger)
                if let registration = MatchKeys.plate(driver.vehicleRegistration) {
                    let (vehicle, existed) = try await Self.vehicleEntity(registration, on: db, logger: logger)
                    if existed { summary.linked += 1 }
                    try await db.rows(
                        "INSERT INTO entity_link (source, source_key, role, entity_id, method, confidence) "
                            + "VALUES ('taxi-driver', $1, 'vehicle', $2, 'registration', 1.0)",
                        [.text(sourceKey), .int(vehicle)], logger: logger)
                }
            }
            return summary
        }
    }

    public func recordVehicles(_ vehicles: [TaxiVehicleLicence]) throws -> ImportSummary {
        try self.write { db, logger in
            var summary = ImportSummary()
            for vehicle in vehicles {
                summary.read += 1
                var hasher = ContentHash()
                for field in [
                    vehicle.licenceType.rawValue, vehicle.vehicleRegistration, vehicle.make, vehicle.model,
                    vehicle.proprietorName, vehicle.operatorLicence, vehicle.issuedOn?.description,
                    vehicle.expiresOn?.description, vehicle.status.rawValue,
                ] {
                    hasher.add(field)
                }
                let hash = hasher.int64
                let registration = MatchKeys.plate(vehicle.vehicleRegistration) ?? vehicle.vehicleRegistration
                let existing = try await db.rows(
                    "SELECT content_hash FROM taxi_vehicle WHERE issuing_authority = $1 AND licence_number = $2",
                    [.text(vehicle.issuingAuthority), .text(vehicle.licenceNumber)], logger: logger
                ).first
                if let existing, try existing.int(0) == hash {
                    summary.unchanged += 1
                    continue
                }
                let (entityID, existed) = try await Self.vehicleEntity(registration, on: db, logger: logger)
                if existing == nil {
                    summary.new += 1
                    if existed { summary.linked += 1 }
                } else {
                    summary.updated += 1
                }
                try await db.rows(
                    """
                    INSERT INTO taxi_vehicle (issuing_authority, licence_number, entity_id, registration_key,
                        licence_type, vehicle_registration, make, model, proprietor_name, operator_licence,
                        issued_on, expires_on, status, content_hash)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
                    ON CONFLICT (authority, issuing_authority, licence_number) DO UPDATE SET
                        entity_id = excluded.entity_id, registration_key = excluded.registration_key,
                        licence_type = excluded.licence_type, vehicle_registration = excluded.vehicle_registration,
                        make = excluded.make, model = excluded.model, proprietor_name = excluded.proprietor_name,
                        operator_licence = excluded.operator_licence, issued_on = excluded.issued_on,
                        expires_on = excluded.expires_on, status = excluded.status,
                        content_hash = excluded.content_hash
                    """,
                    [
                        .text(vehicle.issuingAuthority), .text(vehicle.licenceNumber), .int(entityID),
                        .text(registration), .text(vehicle.licenceType.rawValue), .text(vehicle.vehicleRegistration),
                        .text(vehicle.make), .text(vehicle.model), .text(vehicle.proprietorName),
                        .text(vehicle.operatorLicence), .text(vehicle.issuedOn?.description),
                        .text(vehicle.expiresOn?.description), .text(vehicle.status.rawValue), .int(hash),
                    ], logger: logger)
            }
            return summary
        }
    }

    public func recordOperators(_ operators: [TaxiOperatorLicence]) throws -> ImportSummary {
        try self.write { db, logger in
            var summary = ImportSummary()
            for licence in operators {
                var hasher = ContentHash()
                for field in [
                    licence.operatorName, licence.issuedOn?.description, licence.expiresOn?.description,
                    licence.status.rawValue,
                ] {
                    hasher.add(field)
                }
                let hash = hasher.int64
                let existing = try await db.rows(
                    "SELECT content_hash FROM taxi_operator WHERE issuing_authority = $1 AND licence_number = $2",
                    [.text(licence.issuingAuthority), .text(licence.licenceNumber)], logger: logger
                ).first?.int(0)
                guard summary.needsWrite(stored: existing, hash: hash) else { continue }
                try await db.rows(
                    """
                    INSERT INTO taxi_operator (issuing_authority, licence_number, operator_name, issued_on,
                        expires_on, status, content_hash) VALUES ($1, $2, $3, $4, $5, $6, $7)
                    ON CONFLICT (authority, issuing_authority, licence_number) DO UPDATE SET
                        operator_name = excluded.operator_name, issued_on = excluded.issued_on,
                        expires_on = excluded.expires_on, status = excluded.status,
                        content_hash = excluded.content_hash
                    """,
                    [
                        .text(licence.issuingAuthority), .text(licence.licenceNumber), .text(licence.operatorName),
                        .text(licence.issuedOn?.description), .text(licence.expiresOn?.description),
                        .text(licence.status.rawValue), .int(hash),
                    ], logger: logger)
            }
            return summary
        }
    }
}
