import Logging
import PostgresNIO
import SafeguardCore
import SafeguardStore

extension PostgresStore {
    public func recordEstablishments(_ establishments: [FHRSEstablishment], extractDate: CalendarDay?) throws
        -> ImportSummary
    {
        let extract = extractDate?.description
        return try self.write { db, logger in
            var summary = ImportSummary()
            summary.hotels = 0
            summary.hotelsByName = 0
            for establishment in establishments {
                let prepared = PreparedEstablishment(establishment)
                summary.read += 1
                switch prepared.basis {
                case .businessType: summary.hotels! += 1
                case .nameFallback: summary.hotelsByName! += 1
                case nil: break
                }
                let hash = SQLiteStore.hash(prepared.row, ratingDate: prepared.ratingDate)
                let existing = try await db.rows(
                    "SELECT content_hash, extract_date FROM fhrs_establishment WHERE fhrs_id = $1",
                    [.int(establishment.fhrsID)], logger: logger
                ).first
                if let existing {
                    if try existing.int(0) == hash {
                        summary.unchanged += 1
                        if let extract, try existing.text(1) != extract {
                            try await db.rows(
                                "UPDATE fhrs_establishment SET extract_date = $1 WHERE fhrs_id = $2",
                                [.text(extract), .int(establishment.fhrsID)], logger: logger)
                        }
                        continue
                    }
                    summary.updated += 1
                } else {
                    let kind: EntityKind = prepared.basis == nil ? .premises : .hotel
                    let resolution = try await Self.resolvePremises(
                        prepared.claim, kind: kind, source: "fhrs", fhrsID: Int64(establishment.fhrsID), on: db,
                        logger: logger)
                    summary.new += 1
                    if resolution.linkedExisting { summary.linked += 1 }
                    summary.uncertain += resolution.uncertain
                    try await db.rows(
                        "INSERT INTO fhrs_establishment (fhrs_id, entity_id, link_method, link_confidence, name, "
                            + "address_lines, content_hash) VALUES ($1, $2, $3, $4, '', '', 0)",
                        [
                            .int(establishment.fhrsID), .int(resolution.entityID),
                            .text(resolution.method == "new" ? "fhrs-id" : resolution.method),
                            .double(resolution.confidence),
                        ], logger: logger)
                }
                let e = establishment
                try await db.rows(
                    """
                    UPDATE fhrs_establishment SET la_business_id = $2, name = $3, business_type = $4,
                        business_type_id = $5, address_lines = $6, postcode = $7, rating_value = $8, rating_key = $9,
                        rating_date = $10, la_code = $11, la_name = $12, hygiene = $13, structural = $14,
                        confidence_in_management = $15, scheme_type = $16, new_rating_pending = $17, longitude = $18,
                        latitude = $19, right_to_reply = $20, hotel_basis = $21, extract_date = $22, content_hash = $23
                    WHERE fhrs_id = $1
                    """,
                    [
                        .int(e.fhrsID), .text(e.localAuthorityBusinessID), .text(e.name), .text(e.businessType),
                        .int(e.businessTypeID), .text(e.addressLines.joined(separator: "\n")), .text(e.postcode),
                        .text(e.ratingValue), .text(e.ratingKey), .text(prepared.ratingDate),
                        .text(e.localAuthorityCode), .text(e.localAuthorityName), .int(e.hygieneScore),
                        .int(e.structuralScore), .int(e.confidenceInManagementScore), .text(e.schemeType),
                        .bool(e.newRatingPending), .double(e.longitude), .double(e.latitude), .text(e.rightToReply),
                        .text(prepared.basis?.rawValue), .text(extract), .int(hash),
                    ], logger: logger)
            }
            return summary
        }
    }

    public func recordLicenceEvents(_ events: [PremisesLicenceEvent]) throws -> ImportSummary {
        try self.write { db, logger in
            var summary = ImportSummary()
            for event in events {
                let prepared = PreparedLicenceEvent(event)
                summary.read += 1
                var caseID = try await db.rows(
                    "SELECT id FROM licence_case WHERE organisation = $1 AND case_reference = $2",
                    [.text(prepared.organisation), .text(event.caseReference)], logger: logger
                ).first?.int(0)
                let isNewCase = caseID == nil
                if caseID == nil {
                    let resolution = try await Self.resolvePremises(
                        prepared.claim, kind: .premises, source: "licence", fhrsID: nil, on: db, logger: logger)
                    if resolution.linkedExisting { summary.linked += 1 }
                    summary.uncertain += resolution.uncertain
                    caseID = try await db.rows(
                        "INSERT INTO licence_case (organisation, case_reference, entity_id, link_method, "
                            + "link_confidence) VALUES ($1, $2, $3, $4, $5) RETURNING id",
                        [
                            .text(prepared.organisation), .text(event.caseReference), .int(resolution.entityID),
                            .text(resolution.method), .double(resolution.confidence),
                        ], logger: logger
                    ).first?.int(0)
                }
                if !isNewCase,
                    let existing = try await db.rows(
                        "SELECT id, extract_date FROM licence_event WHERE case_id = $1 AND row_hash = $2",
                        [.int(caseID), .int(prepared.hash)], logger: logger
                    ).first
                {
                    summary.unchanged += 1
                    if let date = prepared.extractDate, try existing.text(1) != date {
                        try await db.rows(
                            "UPDATE licence_event SET extract_date = $1 WHERE id = $2",
                            [.text(date), .int(try existing.int(0))], logger: logger)
                    }
                    continue
                }
                if isNewCase { summary.new += 1 } else { summary.updated += 1 }
                try await db.rows(
                    """
                    INSERT INTO licence_event (case_id, row_hash, extract_date, organisation_uri, organisation_label,
                        case_reference, case_date, service_type_uri, service_type_label, premises_name, location_text,
                        postcode, entertainment_type_uri, entertainment_type_label, alcohol_supply,
                        late_night_refreshment, opening_hours, licence_holder, status_label)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
                    """,
                    [
                        .int(caseID), .int(prepared.hash), .text(prepared.extractDate), .text(event.organisationURI),
                        .text(event.organisationLabel), .text(event.caseReference), .text(prepared.caseDate),
                        .text(event.serviceTypeURI), .text(event.serviceTypeLabel), .text(event.premisesName),
                        .text(event.locationText), .text(event.postcode), .text(event.entertainmentTypeURI),
                        .text(event.entertainmentTypeLabel), .text(event.alcoholSupply),
                        .text(event.lateNightRefreshment), .text(event.openingHours), .text(event.licenceHolder),
                        .text(event.statusLabel),
                    ], logger: logger)
            }
            return summary
        }
    }
}
