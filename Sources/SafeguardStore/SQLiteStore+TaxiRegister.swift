import GRDB
import SafeguardCore

extension SQLiteStore: TaxiRegisterStore {
    public func recordTaxiHistory(_ events: [TaxiLicenceEvent]) throws -> ImportSummary {
        try self.writer.write { db in
            var summary = ImportSummary()
            for event in events {
                let key: [(any DatabaseValueConvertible)?] = [
                    event.issuingAuthority, event.licenceNumber, event.kind.rawValue, event.date.description,
                    event.decidedBy,
                ]
                let stored = try Row.fetchOne(
                    db, sql: "SELECT reason, victim_age_band FROM taxi_licence_history WHERE issuing_authority = ? "
                        + "AND licence_number = ? AND event = ? AND event_date = ? AND decided_by = ?",
                    arguments: StatementArguments(key))
                summary.read += 1
                if let stored {
                    if (stored[0] as String?) == event.reason?.rawValue, (stored[1] as String?) == event.victimAgeBand?.rawValue {
                        summary.unchanged += 1
                        continue
                    }
                    summary.updated += 1
                } else {
                    summary.new += 1
                }
                try db.execute(
                    sql: """
                        INSERT INTO taxi_licence_history (issuing_authority, licence_number, event, event_date,
                            decided_by, reason, victim_age_band) VALUES (?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (issuing_authority, licence_number, event, event_date, decided_by)
                        DO UPDATE SET reason = excluded.reason, victim_age_band = excluded.victim_age_band
                        """,
                    arguments: StatementArguments(key + [event.reason?.rawValue, event.victimAgeBand?.rawValue]))
            }
            return summary
        }
    }

    public func recordNR3SSearches(_ searches: [NR3SSearch]) throws -> ImportSummary {
        try self.writer.write { db in
            var summary = ImportSummary()
            for search in searches {
                let key = [search.issuingAuthority, search.licenceNumber, search.applicationOn.description]
                let stored = try Row.fetchOne(
                    db, sql: """
                        SELECT application_type, searched_on, recording_authority, details_requested_on,
                            details_received_on, decided_on, matched FROM taxi_nr3s_search
                        WHERE issuing_authority = ? AND licence_number = ? AND application_date = ?
                        """, arguments: StatementArguments(key))
                let storedHash = stored.map { row -> Int64 in
                    var old = ContentHash()
                    for index in 0..<6 { old.add(row[index] as String?) }
                    old.add(row[6] as Bool?)
                    return old.int64
                }
                guard summary.needsWrite(stored: storedHash, hash: search.contentHash) else { continue }
                try db.execute(
                    sql: """
                        INSERT INTO taxi_nr3s_search (issuing_authority, licence_number, application_date,
                            application_type, searched_on, matched, recording_authority, details_requested_on,
                            details_received_on, decided_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (issuing_authority, licence_number, application_date) DO UPDATE SET
                            application_type = excluded.application_type, searched_on = excluded.searched_on,
                            matched = excluded.matched, recording_authority = excluded.recording_authority,
                            details_requested_on = excluded.details_requested_on,
                            details_received_on = excluded.details_received_on, decided_on = excluded.decided_on
                        """,
                    arguments: [
                        search.issuingAuthority, search.licenceNumber, search.applicationOn.description,
                        search.applicationKind.rawValue, search.searchedOn?.description, search.matched,
                        search.recordingAuthority, search.detailsRequestedOn?.description,
                        search.detailsReceivedOn?.description, search.decidedOn?.description,
                    ])
            }
            return summary
        }
    }

    public func recordSection6Replies(_ replies: [Section6Reply]) throws -> ImportSummary {
        try self.writer.write { db in
            var summary = ImportSummary()
            for reply in replies {
                var hasher = ContentHash()
                for field in [reply.repliedOn?.description, reply.decision?.rawValue, reply.note] { hasher.add(field) }
                let key = [reply.issuingAuthority, reply.licenceNumber, reply.notifiedOn.description]
                let stored = try Row.fetchOne(
                    db, sql: "SELECT replied_on, decision, note FROM taxi_s6_reply WHERE issuing_authority = ? "
                        + "AND licence_number = ? AND notified_on = ?", arguments: StatementArguments(key))
                let storedHash = stored.map { row -> Int64 in
                    var old = ContentHash()
                    for index in 0..<3 { old.add(row[index] as String?) }
                    return old.int64
                }
                guard summary.needsWrite(stored: storedHash, hash: hasher.int64) else { continue }
                try db.execute(
                    sql: """
                        INSERT INTO taxi_s6_reply (issuing_authority, licence_number, notified_on, replied_on,
                            decision, note) VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (issuing_authority, licence_number, notified_on) DO UPDATE SET
                            replied_on = excluded.replied_on, decision = excluded.decision, note = excluded.note
                        """,
                    arguments: [
                        reply.issuingAuthority, reply.licenceNumber, reply.notifiedOn.description,
                        reply.repliedOn?.description, reply.decision?.rawValue, reply.note,
                    ])
            }
            return summary
        }
    }

    public func taxiRegister() throws -> TaxiRegisterSnapshot {
        try self.writer.read { db in
            var snapshot = TaxiRegisterSnapshot()
            func day(_ text: String?) -> CalendarDay? { text.flatMap { CalendarDay(iso: $0.prefix(10)) } }
            let drivers = try Row.fetchCursor(
                db, sql: """
                    SELECT licence_number, licence_type, holder_name, badge_number, issuing_authority, issued_on,
                        expires_on, status, dbs_issued_on, dbs_update_service, dbs_last_status_check,
                        barred_lists_checked, nr3s_searched_on, safeguarding_training_on, right_to_work_checked,
                        revocation_reason, victim_age_band, vehicle_registration
                    FROM taxi_driver ORDER BY issuing_authority, licence_number
                    """)
            while let row = try drivers.next() {
                snapshot.drivers.append(
                    TaxiDriverLicence(
                        licenceNumber: row[0], licenceType: TaxiLicenceType(rawValue: row[1]) ?? .privateHire,
                        holderName: row[2], badgeNumber: row[3], issuingAuthority: row[4], issuedOn: day(row[5]),
                        expiresOn: day(row[6]), status: TaxiLicenceStatus(rawValue: row[7]) ?? .active,
                        dbsIssuedOn: day(row[8]), dbsUpdateService: row[9], dbsLastStatusCheck: day(row[10]),
                        barredListsChecked: row[11], nr3sSearchedOn: day(row[12]), safeguardingTrainingOn: day(row[13]),
                        rightToWorkChecked: row[14], revocationReason: row[15], victimAgeBand: row[16],
                        vehicleRegistration: row[17]))
            }
            let vehicles = try Row.fetchCursor(
                db, sql: """
                    SELECT licence_number, licence_type, vehicle_registration, make, model, operator_licence,
                        issuing_authority, issued_on, expires_on, status
                    FROM taxi_vehicle ORDER BY issuing_authority, licence_number
                    """)
            while let row = try vehicles.next() {
                snapshot.vehicles.append(
                    TaxiVehicleLicence(
                        licenceNumber: row[0], licenceType: TaxiLicenceType(rawValue: row[1]) ?? .privateHire,
                        vehicleRegistration: row[2], make: row[3], model: row[4], operatorLicence: row[5],
                        issuingAuthority: row[6], issuedOn: day(row[7]), expiresOn: day(row[8]),
                        status: TaxiLicenceStatus(rawValue: row[9]) ?? .active))
            }
            for row in try Row.fetchAll(
                db, sql: "SELECT licence_number, operator_name, issuing_authority, issued_on, expires_on, status "
                    + "FROM taxi_operator ORDER BY issuing_authority, licence_number")
            {
                snapshot.operators.append(
                    TaxiOperatorLicence(
                        licenceNumber: row[0], operatorName: row[1], issuingAuthority: row[2], issuedOn: day(row[3]),
                        expiresOn: day(row[4]), status: TaxiLicenceStatus(rawValue: row[5]) ?? .active))
            }
            for row in try Row.fetchAll(
                db, sql: "SELECT licence_number, issuing_authority, decided_by, event, event_date, reason, "
                    + "victim_age_band FROM taxi_licence_history ORDER BY event_date, id")
            {
                guard let kind = TaxiLicenceEventKind(rawValue: row[3]), let date = day(row[4]) else { continue }
                snapshot.history.append(
                    TaxiLicenceEvent(
                        licenceNumber: row[0], issuingAuthority: row[1], decidedBy: row[2], kind: kind, date: date,
                        reason: (row[5] as String?).flatMap(TaxiAdverseReason.init(rawValue:)),
                        victimAgeBand: (row[6] as String?).flatMap(VictimAgeBand.init(rawValue:))))
            }
            for row in try Row.fetchAll(
                db, sql: """
                    SELECT licence_number, issuing_authority, application_type, application_date, searched_on, matched,
                        recording_authority, details_requested_on, details_received_on, decided_on
                    FROM taxi_nr3s_search ORDER BY application_date
                    """)
            {
                guard let applied = day(row[3]) else { continue }
                snapshot.nr3s.append(
                    NR3SSearch(
                        licenceNumber: row[0], issuingAuthority: row[1],
                        applicationKind: TaxiLicenceEventKind(rawValue: row[2]) ?? .grant, applicationOn: applied,
                        searchedOn: day(row[4]), matched: row[5], recordingAuthority: row[6],
                        detailsRequestedOn: day(row[7]), detailsReceivedOn: day(row[8]), decidedOn: day(row[9])))
            }
            for row in try Row.fetchAll(
                db, sql: "SELECT licence_number, issuing_authority, notified_on, replied_on, decision, note "
                    + "FROM taxi_s6_reply ORDER BY notified_on")
            {
                guard let notified = day(row[2]) else { continue }
                snapshot.replies.append(
                    Section6Reply(
                        licenceNumber: row[0], issuingAuthority: row[1], notifiedOn: notified, repliedOn: day(row[3]),
                        decision: (row[4] as String?).flatMap(Section6Decision.init(rawValue:)), note: row[5]))
            }
            snapshot.documents = try Self.linkedDocuments(db)
            return snapshot
        }
    }

    /// Reports and intelligence records that give a badge or a vehicle registration, with their evidence.
    static func linkedDocuments(_ db: Database) throws -> [LinkedDocument] {
        var documents: [LinkedDocument] = []
        let evidence = try db.cachedStatement(
            sql: "SELECT DISTINCT source, source_id, sign, date, snippet, origin FROM evidence WHERE record_key = ?")
        func items(_ key: String) throws -> [Evidence] {
            try Row.fetchAll(evidence, arguments: [key]).compactMap { row in
                guard let source = EvidenceSource(rawValue: row[0]) else { return nil }
                return Evidence(
                    sign: row[2], source: source, sourceID: row[1], date: (row[3] as String?).flatMap { CalendarDay(iso: $0.prefix(10)) },
                    snippet: row[4], origin: row[5])
            }
        }
        // An officer's link to a driver or a vehicle (issue 13) stands in for the badge or the
        // registration the reporter typed.
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT * FROM (
                    SELECT r.receipt_id, r.received, r.when_text, r.role, r.seen, r.text,
                        coalesce((SELECT e.name_key FROM entity_link l JOIN entity e ON e.id = l.entity_id
                                  WHERE l.source = 'report' AND l.source_key = r.receipt_id AND l.role = 'vehicle'
                                    AND l.method = 'officer'), r.vehicle) AS vehicle,
                        coalesce((SELECT d.badge_number FROM entity_link l JOIN taxi_driver d ON d.entity_id = l.entity_id
                                  WHERE l.source = 'report' AND l.source_key = r.receipt_id AND l.role = 'driver'
                                    AND l.method = 'officer' AND d.badge_number IS NOT NULL ORDER BY d.id LIMIT 1), r.badge) AS badge
                    FROM report r)
                WHERE coalesce(vehicle, '') <> '' OR coalesce(badge, '') <> '' ORDER BY receipt_id
                """)
        {
            let id: String = row[0]
            let when = (row[2] as String?).flatMap { CalendarDay(iso: $0.prefix(10)) }
            let seen: String = row[4]
            let text: String = row[5]
            documents.append(
                LinkedDocument(
                    source: .report, id: id, date: when ?? (row[1] as String?).flatMap { CalendarDay(iso: $0.prefix(10)) },
                    origin: row[3], snippet: seen.isEmpty ? String(text.prefix(160)) : seen,
                    evidence: try items("report:\(id)"), badgeKey: TaxiRegisterSnapshot.matchKey(row[7]),
                    registrationKey: TaxiRegisterSnapshot.matchKey(row[6])))
        }
        for row in try Row.fetchAll(
            db, sql: "SELECT record_id, date, source, summary, vehicle, badge FROM intelligence "
                + "WHERE coalesce(vehicle, '') <> '' OR coalesce(badge, '') <> '' ORDER BY record_id")
        {
            let id: String = row[0]
            let summary: String = row[3]
            documents.append(
                LinkedDocument(
                    source: .intelligence, id: id, date: (row[1] as String?).flatMap { CalendarDay(iso: $0.prefix(10)) },
                    origin: row[2], snippet: String(summary.prefix(160)), evidence: try items("intelligence:\(id)"),
                    badgeKey: TaxiRegisterSnapshot.matchKey(row[5]), registrationKey: TaxiRegisterSnapshot.matchKey(row[4])))
        }
        return documents
    }
}
