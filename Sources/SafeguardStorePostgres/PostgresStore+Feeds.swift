import Logging
import PostgresNIO
import SafeguardCore
import SafeguardStore

extension PostgresStore {
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
