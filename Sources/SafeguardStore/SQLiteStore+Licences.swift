import GRDB
import GRDBSQLite
import SafeguardCore

extension SQLiteStore {
    public func recordLicenceEvents(_ events: [PremisesLicenceEvent]) throws -> ImportSummary {
        try self.recordLicenceEvents(prepared: events.map(PreparedLicenceEvent.init))
    }

    /// Stores register rows prepared on another thread (see `PreparedLicenceEvent`); one transaction.
    public func recordLicenceEvents(prepared events: [PreparedLicenceEvent]) throws -> ImportSummary {
        try self.writeWithIndex { db, index in
            var summary = ImportSummary()
            // Into an empty table (a first import), only cases this import wrote can exist already,
            // so the look-up is skipped for any other case key.
            if index.licenceCasesWritten == nil,
                try !(Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM licence_case)") ?? true)
            {
                index.licenceCasesWritten = []
            }
            let findCase = try db.cachedStatement(
                sql: "SELECT id FROM licence_case WHERE organisation = ? AND case_reference = ?")
            let insertCase = try db.cachedStatement(
                sql: "INSERT INTO licence_case (organisation, case_reference, entity_id, link_method, "
                    + "link_confidence) VALUES (?, ?, ?, ?, ?)")
            let findEvent = try db.cachedStatement(
                sql: "SELECT id, extract_date FROM licence_event WHERE case_id = ? AND row_hash = ?")
            let touch = try db.cachedStatement(sql: "UPDATE licence_event SET extract_date = ? WHERE id = ?")
            let insertEvent = try db.cachedStatement(
                sql: """
                    INSERT INTO licence_event (case_id, row_hash, extract_date, organisation_uri, organisation_label,
                        case_reference, case_date, service_type_uri, service_type_label, premises_name, location_text,
                        postcode, entertainment_type_uri, entertainment_type_label, alcohol_supply,
                        late_night_refreshment, opening_hours, licence_holder, status_label)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            for prepared in events {
                let event = prepared.event
                let organisation = prepared.organisation
                summary.read += 1
                try self.faults.tick()
                var caseID: Int64?
                if index.licenceCasesWritten?.contains(prepared.caseKey) != false {
                    var query = FastStatement(findCase)
                    query.bind(organisation)
                    query.bind(event.caseReference)
                    caseID = try query.first { sqlite3_column_int64($0, 0) }
                }
                let isNewCase = caseID == nil
                if caseID == nil {
                    let resolution = try self.resolvePremises(
                        prepared.claim, kind: .premises, source: "licence", fhrsID: nil, in: db, index: index)
                    if resolution.linkedExisting { summary.linked += 1 }
                    summary.uncertain += resolution.uncertain
                    var insert = FastStatement(insertCase)
                    insert.bind(organisation)
                    insert.bind(event.caseReference)
                    insert.bind(resolution.entityID)
                    insert.bind(resolution.method)
                    insert.bind(resolution.confidence)
                    try insert.run()
                    caseID = db.lastInsertedRowID
                    index.licenceCasesWritten?.insert(prepared.caseKey)
                }
                let hash = prepared.hash
                var existing: (Int64, String?)?
                if !isNewCase {  // a case created just now has no events yet
                    var eventQuery = FastStatement(findEvent)
                    eventQuery.bind(caseID)
                    eventQuery.bind(hash)
                    existing = try eventQuery.first {
                        (sqlite3_column_int64($0, 0), sqlite3_column_text($0, 1).map { String(cString: $0) })
                    }
                }
                if let (eventID, extract) = existing {
                    summary.unchanged += 1
                    if let date = prepared.extractDate, date != extract {
                        try touch.execute(arguments: [date, eventID])
                    }
                    continue
                }
                // A new row of a known case is a change in its history; of an unknown case, a new licence.
                if isNewCase { summary.new += 1 } else { summary.updated += 1 }
                var insert = FastStatement(insertEvent)
                insert.bind(caseID)
                insert.bind(hash)
                insert.bind(prepared.extractDate)
                insert.bind(event.organisationURI)
                insert.bind(event.organisationLabel)
                insert.bind(event.caseReference)
                insert.bind(prepared.caseDate)
                insert.bind(event.serviceTypeURI)
                insert.bind(event.serviceTypeLabel)
                insert.bind(event.premisesName)
                insert.bind(event.locationText)
                insert.bind(event.postcode)
                insert.bind(event.entertainmentTypeURI)
                insert.bind(event.entertainmentTypeLabel)
                insert.bind(event.alcoholSupply)
                insert.bind(event.lateNightRefreshment)
                insert.bind(event.openingHours)
                insert.bind(event.licenceHolder)
                insert.bind(event.statusLabel)
                try insert.run()
            }
            return summary
        }
    }

    /// Hash of a register row without its extract date, so the same row in a later extract is unchanged.
    package static func hash(_ event: PremisesLicenceEvent) -> Int64 {
        var hasher = ContentHash()
        for field in [
            event.organisationURI, event.organisationLabel, event.caseReference, event.caseDate?.description,
            event.serviceTypeURI, event.serviceTypeLabel, event.premisesName, event.locationText, event.postcode,
            event.entertainmentTypeURI, event.entertainmentTypeLabel, event.alcoholSupply,
            event.lateNightRefreshment, event.openingHours, event.licenceHolder, event.statusLabel,
        ] {
            hasher.add(field)
        }
        return hasher.int64
    }
}
