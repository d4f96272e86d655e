import Logging
import PostgresNIO
import SafeguardCore
import SafeguardStore

extension PostgresStore {
    /// Stores register rows in set-based round trips per batch: one look-up of the stored cases and
    /// one of the stored rows of those cases, the entity resolution of every new case in order in
    /// Swift (`PostgresEntityBatch`), then one insert of the new cases, one of the new rows and one
    /// update of the extract date of rows seen again: the rows, links and counts the row-by-row
    /// `SQLiteStore.recordLicenceEvents` gives.
    public func recordLicenceEvents(_ events: [PremisesLicenceEvent]) throws -> ImportSummary {
        try self.recordLicenceEvents(prepared: events.map(PreparedLicenceEvent.init))
    }

    /// Stores register rows prepared on another thread (see `PreparedLicenceEvent`); one transaction.
    public func recordLicenceEvents(prepared: [PreparedLicenceEvent]) throws -> ImportSummary {
        try self.write(rows: prepared.count) { db, logger in
            var summary = ImportSummary()
            var cases: [LicenceCaseKey: Int64] = [:]
            let keys = Set(prepared.map { LicenceCaseKey(organisation: $0.organisation, case_reference: $0.event.caseReference) })
            // Each key probes the unique index (`LIMIT 1`: the key is unique, and a limited lateral
            // sub-select is never flattened). Flattened, a join on a table not yet analysed after a
            // bulk load was planned as a loop over the whole table per batch: 28 s instead of 56 ms
            // for 5,000 keys against 11,000 cases. The other batch look-ups do the same.
            for row in try await db.rows(
                """
                SELECT c.id, c.organisation, c.case_reference
                FROM json_to_recordset($1::json) AS k(organisation TEXT, case_reference TEXT)
                CROSS JOIN LATERAL (
                    SELECT id, organisation, case_reference FROM licence_case
                    WHERE authority = current_setting('safeguard.authority') AND organisation = k.organisation
                      AND case_reference = k.case_reference LIMIT 1) c
                """, [.text(try Self.json(Array(keys)))], logger: logger)
            {
                cases[LicenceCaseKey(organisation: try row.text(1)!, case_reference: try row.text(2)!)] = try row.int(0)!
            }
            // The stored rows of known cases with a hash in this batch: id and extract date.
            var stored: [LicenceEventKey: (id: Int64, extract: String?)] = [:]
            let probes = Set(prepared.compactMap { event in
                cases[LicenceCaseKey(organisation: event.organisation, case_reference: event.event.caseReference)].map {
                    LicenceEventKey(case_id: $0, row_hash: event.hash)
                }
            })
            if !probes.isEmpty {
                for row in try await db.rows(
                    """
                    SELECT e.id, e.case_id, e.row_hash, e.extract_date
                    FROM json_to_recordset($1::json) AS k(case_id BIGINT, row_hash BIGINT)
                    CROSS JOIN LATERAL (
                        SELECT id, case_id, row_hash, extract_date FROM licence_event
                        WHERE case_id = k.case_id AND row_hash = k.row_hash LIMIT 1) e
                    """, [.text(try Self.json(Array(probes)))], logger: logger)
                {
                    stored[LicenceEventKey(case_id: try row.int(1)!, row_hash: try row.int(2)!)] =
                        (try row.int(0)!, try row.text(3))
                }
            }
            // Only rows of unknown cases resolve a premises.
            let unknown = prepared.filter {
                cases[LicenceCaseKey(organisation: $0.organisation, case_reference: $0.event.caseReference)] == nil
            }
            var entities = try await PostgresEntityBatch.load(claims: unknown.map(\.claim), on: db, logger: logger)
            var newCases: [LicenceCaseRow] = []
            var newEvents: [LicenceEventRow] = []
            // The rows this batch adds, by key: their position in `newEvents`.
            var seen: [LicenceEventKey: Int] = [:]
            var touched: [Int64: String] = [:]
            for event in prepared {
                summary.read += 1
                let key = LicenceCaseKey(organisation: event.organisation, case_reference: event.event.caseReference)
                var caseID = cases[key]
                let isNewCase = caseID == nil
                if caseID == nil {
                    let resolution = entities.resolvePremises(event.claim, kind: .premises, source: "licence", fhrsID: nil)
                    if resolution.linkedExisting { summary.linked += 1 }
                    summary.uncertain += resolution.uncertain
                    newCases.append(
                        LicenceCaseRow(
                            id: 0, organisation: event.organisation, case_reference: event.event.caseReference,
                            entity_id: resolution.entityID, link_method: resolution.method,
                            link_confidence: resolution.confidence))
                    caseID = -Int64(newCases.count)
                    cases[key] = caseID
                }
                let eventKey = LicenceEventKey(case_id: caseID!, row_hash: event.hash)
                if !isNewCase {  // a case created just now has no rows yet
                    if let position = seen[eventKey] {
                        // A row this batch adds already: as row by row, it takes the later extract date.
                        summary.unchanged += 1
                        if let date = event.extractDate { newEvents[position].extract_date = date }
                        continue
                    }
                    if let existing = stored[eventKey] {
                        summary.unchanged += 1
                        if let date = event.extractDate, existing.extract != date {
                            touched[existing.id] = date
                            stored[eventKey]?.extract = date
                        }
                        continue
                    }
                }
                // A new row of a known case is a change in its history; of an unknown case, a new licence.
                if isNewCase { summary.new += 1 } else { summary.updated += 1 }
                let e = event.event
                newEvents.append(
                    LicenceEventRow(
                        case_id: caseID!, row_hash: event.hash, extract_date: event.extractDate,
                        organisation_uri: e.organisationURI, organisation_label: e.organisationLabel,
                        case_reference: e.caseReference, case_date: event.caseDate, service_type_uri: e.serviceTypeURI,
                        service_type_label: e.serviceTypeLabel, premises_name: e.premisesName,
                        location_text: e.locationText, postcode: e.postcode, entertainment_type_uri: e.entertainmentTypeURI,
                        entertainment_type_label: e.entertainmentTypeLabel, alcohol_supply: e.alcoholSupply,
                        late_night_refreshment: e.lateNightRefreshment, opening_hours: e.openingHours,
                        licence_holder: e.licenceHolder, status_label: e.statusLabel))
                seen[eventKey] = newEvents.count - 1
            }
            let entityIDs = try await entities.flush(on: db, logger: logger)
            let caseIDs = ProvisionalIDs(
                reserved: try await Self.reserveIDs(newCases.count, table: "licence_case", on: db, logger: logger))
            if !newCases.isEmpty {
                for index in newCases.indices {
                    newCases[index].id = caseIDs.reserved[index]
                    newCases[index].entity_id = entityIDs[newCases[index].entity_id]
                }
                var writer = CopyTextWriter(capacity: newCases.count * 96)
                for (n, row) in newCases.enumerated() {
                    writer.field(n)
                    writer.field(row.id)
                    writer.field(row.organisation)
                    writer.field(row.case_reference)
                    writer.field(row.entity_id)
                    writer.field(row.link_method)
                    writer.field(row.link_confidence)
                    writer.endRow()
                }
                try await db.insertStaged(
                    into: "licence_case",
                    columns: ["id", "organisation", "case_reference", "entity_id", "link_method", "link_confidence"],
                    rows: writer.buffer, logger: logger)
            }
            if !newEvents.isEmpty {
                for index in newEvents.indices { newEvents[index].case_id = caseIDs[newEvents[index].case_id] }
                var writer = CopyTextWriter(capacity: newEvents.count * 400)
                for (n, row) in newEvents.enumerated() {
                    writer.field(n)
                    writer.field(row.case_id)
                    writer.field(row.row_hash)
                    for text in row.texts { writer.field(text) }
                    writer.endRow()
                }
                try await db.insertStaged(into: "licence_event", columns: LicenceEventRow.columns, rows: writer.buffer, logger: logger)
            }
            if !touched.isEmpty {
                try await db.rows(
                    """
                    UPDATE licence_event e SET extract_date = x.extract_date
                    FROM json_to_recordset($1::json) AS x(id BIGINT, extract_date TEXT) WHERE e.id = x.id
                    """,
                    [.text(try Self.json(touched.sorted { $0.key < $1.key }.map { LicenceEventDate(id: $0.key, extract_date: $0.value) }))],
                    logger: logger)
            }
            return summary
        }
    }
}

/// A licence case's identity (JSON keys are the column names).
struct LicenceCaseKey: Hashable, Codable {
    var organisation: String
    var case_reference: String
}

/// A register row's identity within its case.
struct LicenceEventKey: Hashable, Codable {
    var case_id: Int64
    var row_hash: Int64
}

/// A new licence case.
struct LicenceCaseRow {
    var id: Int64
    var organisation: String
    var case_reference: String
    var entity_id: Int64
    var link_method: String
    var link_confidence: Double
}

/// A stored register row's new extract date.
struct LicenceEventDate: Encodable {
    var id: Int64
    var extract_date: String
}

/// A new register row (a nil is NULL).
struct LicenceEventRow {
    var case_id: Int64
    var row_hash: Int64
    var extract_date: String?
    var organisation_uri: String?
    var organisation_label: String?
    var case_reference: String
    var case_date: String?
    var service_type_uri: String?
    var service_type_label: String?
    var premises_name: String?
    var location_text: String?
    var postcode: String?
    var entertainment_type_uri: String?
    var entertainment_type_label: String?
    var alcohol_supply: String?
    var late_night_refreshment: String?
    var opening_hours: String?
    var licence_holder: String?
    var status_label: String?
}

extension LicenceEventRow {
    /// The stored columns: `case_id`, `row_hash`, then `texts`.
    static let columns = [
        "case_id", "row_hash", "extract_date", "organisation_uri", "organisation_label", "case_reference", "case_date",
        "service_type_uri", "service_type_label", "premises_name", "location_text", "postcode",
        "entertainment_type_uri", "entertainment_type_label", "alcohol_supply", "late_night_refreshment",
        "opening_hours", "licence_holder", "status_label",
    ]

    /// The texts after `case_id` and `row_hash`, in the order of `columns`.
    var texts: [String?] {
        [
            self.extract_date, self.organisation_uri, self.organisation_label, self.case_reference, self.case_date,
            self.service_type_uri, self.service_type_label, self.premises_name, self.location_text, self.postcode,
            self.entertainment_type_uri, self.entertainment_type_label, self.alcohol_supply,
            self.late_night_refreshment, self.opening_hours, self.licence_holder, self.status_label,
        ]
    }
}
