import Logging
import PostgresNIO
import SafeguardCore
import SafeguardStore

/// The taxi register beyond the licences (licence history, NR3S searches, s.6 replies) on
/// PostgreSQL, per authority: each batch is one look-up of the stored rows, the decisions in order
/// in Swift (the counts `SQLiteStore` gives row by row, a record repeated in the batch counted
/// against its earlier version), then one upsert of the last version of every new or changed row.
extension PostgresStore: TaxiRegisterStore {
    public func recordTaxiHistory(_ events: [TaxiLicenceEvent]) throws -> ImportSummary {
        try self.write(rows: events.count) { db, logger in
            var summary = ImportSummary()
            var rows: [HistoryRow] = []
            for event in events {
                rows.append(
                    HistoryRow(
                        issuing_authority: event.issuingAuthority, licence_number: event.licenceNumber,
                        decided_by: event.decidedBy, event: event.kind.rawValue, event_date: event.date.description,
                        reason: event.reason?.rawValue, victim_age_band: event.victimAgeBand?.rawValue))
            }
            var stored: [HistoryKey: [String?]] = [:]
            for row in try await db.rows(
                """
                SELECT h.issuing_authority, h.licence_number, h.event, h.event_date, h.decided_by, h.reason, h.victim_age_band
                FROM json_to_recordset($1::json) AS k(issuing_authority TEXT, licence_number TEXT, event TEXT,
                    event_date TEXT, decided_by TEXT)
                CROSS JOIN LATERAL (
                    SELECT * FROM taxi_licence_history
                    WHERE authority = current_setting('safeguard.authority') AND issuing_authority = k.issuing_authority
                      AND licence_number = k.licence_number AND event = k.event AND event_date = k.event_date
                      AND decided_by = k.decided_by LIMIT 1) h
                """, [.text(try Self.json(Array(Set(rows.map(\.key)))))], logger: logger)
            {
                let key = HistoryKey(
                    issuing_authority: try row.text(0)!, licence_number: try row.text(1)!, event: try row.text(2)!,
                    event_date: try row.text(3)!, decided_by: try row.text(4)!)
                stored[key] = [try row.text(5), try row.text(6)]
            }
            var writes = OrderedRows<HistoryKey, HistoryRow>()
            for row in rows {
                summary.read += 1
                let values = [row.reason, row.victim_age_band]
                if let old = stored[row.key] {
                    if old == values {
                        summary.unchanged += 1
                        continue
                    }
                    summary.updated += 1
                } else {
                    summary.new += 1
                }
                stored[row.key] = values
                writes.set(row.key, row)
            }
            guard !writes.isEmpty else { return summary }
            try await db.rows(
                """
                INSERT INTO taxi_licence_history (issuing_authority, licence_number, decided_by, event, event_date,
                    reason, victim_age_band)
                SELECT issuing_authority, licence_number, decided_by, event, event_date, reason, victim_age_band
                FROM ROWS FROM (json_to_recordset($1::json) AS (issuing_authority TEXT, licence_number TEXT,
                    decided_by TEXT, event TEXT, event_date TEXT, reason TEXT, victim_age_band TEXT))
                    WITH ORDINALITY AS x(issuing_authority, licence_number, decided_by, event, event_date, reason,
                        victim_age_band, n)
                ORDER BY n
                ON CONFLICT (authority, issuing_authority, licence_number, event, event_date, decided_by)
                DO UPDATE SET reason = excluded.reason, victim_age_band = excluded.victim_age_band
                """, [.text(try Self.json(writes.values))], logger: logger)
            return summary
        }
    }

    public func recordNR3SSearches(_ searches: [NR3SSearch]) throws -> ImportSummary {
        try self.write(rows: searches.count) { db, logger in
            var summary = ImportSummary()
            let rows = searches.map { search in
                NR3SRow(
                    issuing_authority: search.issuingAuthority, licence_number: search.licenceNumber,
                    application_date: search.applicationOn.description, application_type: search.applicationKind.rawValue,
                    searched_on: search.searchedOn?.description, matched: search.matched.map { $0 ? 1 : 0 },
                    recording_authority: search.recordingAuthority,
                    details_requested_on: search.detailsRequestedOn?.description,
                    details_received_on: search.detailsReceivedOn?.description, decided_on: search.decidedOn?.description)
            }
            var stored: [DatedLicenceKey: Int64] = [:]
            for row in try await db.rows(
                """
                SELECT s.issuing_authority, s.licence_number, s.application_date, s.application_type, s.searched_on,
                    s.recording_authority, s.details_requested_on, s.details_received_on, s.decided_on, s.matched
                FROM json_to_recordset($1::json) AS k(issuing_authority TEXT, licence_number TEXT, day TEXT)
                CROSS JOIN LATERAL (
                    SELECT * FROM taxi_nr3s_search
                    WHERE authority = current_setting('safeguard.authority') AND issuing_authority = k.issuing_authority
                      AND licence_number = k.licence_number AND application_date = k.day LIMIT 1) s
                """, [.text(try Self.json(Array(Set(rows.map(\.key)))))], logger: logger)
            {
                var old = ContentHash()
                for index in 3..<9 { old.add(try row.text(index)) }
                old.add(try row.int(9).map { $0 != 0 })
                stored[DatedLicenceKey(issuing_authority: try row.text(0)!, licence_number: try row.text(1)!, day: try row.text(2)!)] =
                    old.int64
            }
            var writes = OrderedRows<DatedLicenceKey, NR3SRow>()
            for (search, row) in zip(searches, rows) {
                guard summary.needsWrite(stored: stored[row.key], hash: search.contentHash) else { continue }
                stored[row.key] = search.contentHash
                writes.set(row.key, row)
            }
            guard !writes.isEmpty else { return summary }
            try await db.rows(
                """
                INSERT INTO taxi_nr3s_search (issuing_authority, licence_number, application_date, application_type,
                    searched_on, matched, recording_authority, details_requested_on, details_received_on, decided_on)
                SELECT issuing_authority, licence_number, application_date, application_type, searched_on, matched,
                    recording_authority, details_requested_on, details_received_on, decided_on
                FROM json_to_recordset($1::json) AS x(issuing_authority TEXT, licence_number TEXT,
                    application_date TEXT, application_type TEXT, searched_on TEXT, matched BIGINT,
                    recording_authority TEXT, details_requested_on TEXT, details_received_on TEXT, decided_on TEXT)
                ON CONFLICT (authority, issuing_authority, licence_number, application_date) DO UPDATE SET
                    application_type = excluded.application_type, searched_on = excluded.searched_on,
                    matched = excluded.matched, recording_authority = excluded.recording_authority,
                    details_requested_on = excluded.details_requested_on,
                    details_received_on = excluded.details_received_on, decided_on = excluded.decided_on
                """, [.text(try Self.json(writes.values))], logger: logger)
            return summary
        }
    }

    public func recordSection6Replies(_ replies: [Section6Reply]) throws -> ImportSummary {
        try self.write(rows: replies.count) { db, logger in
            var summary = ImportSummary()
            let rows = replies.map { reply in
                Section6Row(
                    issuing_authority: reply.issuingAuthority, licence_number: reply.licenceNumber,
                    notified_on: reply.notifiedOn.description, replied_on: reply.repliedOn?.description,
                    decision: reply.decision?.rawValue, note: reply.note)
            }
            var stored: [DatedLicenceKey: Int64] = [:]
            for row in try await db.rows(
                """
                SELECT s.issuing_authority, s.licence_number, s.notified_on, s.replied_on, s.decision, s.note
                FROM json_to_recordset($1::json) AS k(issuing_authority TEXT, licence_number TEXT, day TEXT)
                CROSS JOIN LATERAL (
                    SELECT * FROM taxi_s6_reply
                    WHERE authority = current_setting('safeguard.authority') AND issuing_authority = k.issuing_authority
                      AND licence_number = k.licence_number AND notified_on = k.day LIMIT 1) s
                """, [.text(try Self.json(Array(Set(rows.map(\.key)))))], logger: logger)
            {
                var old = ContentHash()
                for index in 3..<6 { old.add(try row.text(index)) }
                stored[DatedLicenceKey(issuing_authority: try row.text(0)!, licence_number: try row.text(1)!, day: try row.text(2)!)] =
                    old.int64
            }
            var writes = OrderedRows<DatedLicenceKey, Section6Row>()
            for row in rows {
                var hasher = ContentHash()
                for field in [row.replied_on, row.decision, row.note] { hasher.add(field) }
                guard summary.needsWrite(stored: stored[row.key], hash: hasher.int64) else { continue }
                stored[row.key] = hasher.int64
                writes.set(row.key, row)
            }
            guard !writes.isEmpty else { return summary }
            try await db.rows(
                """
                INSERT INTO taxi_s6_reply (issuing_authority, licence_number, notified_on, replied_on, decision, note)
                SELECT issuing_authority, licence_number, notified_on, replied_on, decision, note
                FROM json_to_recordset($1::json) AS x(issuing_authority TEXT, licence_number TEXT, notified_on TEXT,
                    replied_on TEXT, decision TEXT, note TEXT)
                ON CONFLICT (authority, issuing_authority, licence_number, notified_on) DO UPDATE SET
                    replied_on = excluded.replied_on, decision = excluded.decision, note = excluded.note
                """, [.text(try Self.json(writes.values))], logger: logger)
            return summary
        }
    }

    /// The register in SQLite's order (text compared byte-wise, as SQLite does, whatever the
    /// database's collation), with the documents' evidence in one query for all of them.
    public func taxiRegister() throws -> TaxiRegisterSnapshot {
        try self.read { db, logger in
            var snapshot = TaxiRegisterSnapshot()
            func day(_ text: String?) -> CalendarDay? { text.flatMap { CalendarDay(iso: $0.prefix(10)) } }
            func flag(_ value: Int64?) -> Bool? { value.map { $0 != 0 } }
            for row in try await db.rows(
                """
                SELECT licence_number, licence_type, holder_name, badge_number, issuing_authority, issued_on,
                    expires_on, status, dbs_issued_on, dbs_update_service, dbs_last_status_check,
                    barred_lists_checked, nr3s_searched_on, safeguarding_training_on, right_to_work_checked,
                    revocation_reason, victim_age_band, vehicle_registration
                FROM taxi_driver ORDER BY issuing_authority COLLATE "C", licence_number COLLATE "C", authority
                """, logger: logger)
            {
                snapshot.drivers.append(
                    TaxiDriverLicence(
                        licenceNumber: try row.text(0)!,
                        licenceType: TaxiLicenceType(rawValue: try row.text(1)!) ?? .privateHire,
                        holderName: try row.text(2), badgeNumber: try row.text(3), issuingAuthority: try row.text(4)!,
                        issuedOn: day(try row.text(5)), expiresOn: day(try row.text(6)),
                        status: TaxiLicenceStatus(rawValue: try row.text(7)!) ?? .active,
                        dbsIssuedOn: day(try row.text(8)), dbsUpdateService: flag(try row.int(9)),
                        dbsLastStatusCheck: day(try row.text(10)), barredListsChecked: flag(try row.int(11)),
                        nr3sSearchedOn: day(try row.text(12)), safeguardingTrainingOn: day(try row.text(13)),
                        rightToWorkChecked: flag(try row.int(14)), revocationReason: try row.text(15),
                        victimAgeBand: try row.text(16), vehicleRegistration: try row.text(17)))
            }
            for row in try await db.rows(
                """
                SELECT licence_number, licence_type, vehicle_registration, make, model, operator_licence,
                    issuing_authority, issued_on, expires_on, status
                FROM taxi_vehicle ORDER BY issuing_authority COLLATE "C", licence_number COLLATE "C", authority
                """, logger: logger)
            {
                snapshot.vehicles.append(
                    TaxiVehicleLicence(
                        licenceNumber: try row.text(0)!,
                        licenceType: TaxiLicenceType(rawValue: try row.text(1)!) ?? .privateHire,
                        vehicleRegistration: try row.text(2)!, make: try row.text(3), model: try row.text(4),
                        operatorLicence: try row.text(5), issuingAuthority: try row.text(6)!,
                        issuedOn: day(try row.text(7)), expiresOn: day(try row.text(8)),
                        status: TaxiLicenceStatus(rawValue: try row.text(9)!) ?? .active))
            }
            for row in try await db.rows(
                """
                SELECT licence_number, operator_name, issuing_authority, issued_on, expires_on, status FROM taxi_operator
                ORDER BY issuing_authority COLLATE "C", licence_number COLLATE "C", authority
                """, logger: logger)
            {
                snapshot.operators.append(
                    TaxiOperatorLicence(
                        licenceNumber: try row.text(0)!, operatorName: try row.text(1)!, issuingAuthority: try row.text(2)!,
                        issuedOn: day(try row.text(3)), expiresOn: day(try row.text(4)),
                        status: TaxiLicenceStatus(rawValue: try row.text(5)!) ?? .active))
            }
            for row in try await db.rows(
                """
                SELECT licence_number, issuing_authority, decided_by, event, event_date, reason, victim_age_band
                FROM taxi_licence_history ORDER BY event_date COLLATE "C", id
                """, logger: logger)
            {
                guard let kind = TaxiLicenceEventKind(rawValue: try row.text(3)!), let date = day(try row.text(4)) else {
                    continue
                }
                snapshot.history.append(
                    TaxiLicenceEvent(
                        licenceNumber: try row.text(0)!, issuingAuthority: try row.text(1)!, decidedBy: try row.text(2)!,
                        kind: kind, date: date, reason: try row.text(5).flatMap(TaxiAdverseReason.init(rawValue:)),
                        victimAgeBand: try row.text(6).flatMap(VictimAgeBand.init(rawValue:))))
            }
            // SQLite returns rows of equal dates in the order they were written (the table's rowid);
            // the primary key order is the nearest stable order here.
            for row in try await db.rows(
                """
                SELECT licence_number, issuing_authority, application_type, application_date, searched_on, matched,
                    recording_authority, details_requested_on, details_received_on, decided_on
                FROM taxi_nr3s_search
                ORDER BY application_date COLLATE "C", issuing_authority COLLATE "C", licence_number COLLATE "C"
                """, logger: logger)
            {
                guard let applied = day(try row.text(3)) else { continue }
                snapshot.nr3s.append(
                    NR3SSearch(
                        licenceNumber: try row.text(0)!, issuingAuthority: try row.text(1)!,
                        applicationKind: TaxiLicenceEventKind(rawValue: try row.text(2)!) ?? .grant, applicationOn: applied,
                        searchedOn: day(try row.text(4)), matched: flag(try row.int(5)), recordingAuthority: try row.text(6),
                        detailsRequestedOn: day(try row.text(7)), detailsReceivedOn: day(try row.text(8)),
                        decidedOn: day(try row.text(9))))
            }
            for row in try await db.rows(
                """
                SELECT licence_number, issuing_authority, notified_on, replied_on, decision, note FROM taxi_s6_reply
                ORDER BY notified_on COLLATE "C", issuing_authority COLLATE "C", licence_number COLLATE "C"
                """, logger: logger)
            {
                guard let notified = day(try row.text(2)) else { continue }
                snapshot.replies.append(
                    Section6Reply(
                        licenceNumber: try row.text(0)!, issuingAuthority: try row.text(1)!, notifiedOn: notified,
                        repliedOn: day(try row.text(3)), decision: try row.text(4).flatMap(Section6Decision.init(rawValue:)),
                        note: try row.text(5)))
            }
            snapshot.documents = try await Self.linkedDocuments(on: db, logger: logger)
            return snapshot
        }
    }

    /// Reports and intelligence records that give a badge or a vehicle registration (an officer's
    /// link to a driver or a vehicle standing in for what the reporter typed), with their evidence:
    /// three queries in all.
    static func linkedDocuments(on db: PostgresConnection, logger: Logger) async throws -> [LinkedDocument] {
        func day(_ text: String?) -> CalendarDay? { text.flatMap { CalendarDay(iso: $0.prefix(10)) } }
        var documents: [LinkedDocument] = []
        for row in try await db.rows(
            """
            SELECT * FROM (
                SELECT r.receipt_id, r.received, r.when_text, r.role, r.seen, r.text,
                    coalesce((SELECT e.name_key FROM entity_link l JOIN entity e ON e.id = l.entity_id
                              WHERE l.authority = r.authority AND l.source = 'report' AND l.source_key = r.receipt_id
                                AND l.role = 'vehicle' AND l.method = 'officer' LIMIT 1), r.vehicle) AS vehicle,
                    coalesce((SELECT d.badge_number FROM entity_link l JOIN taxi_driver d ON d.entity_id = l.entity_id
                              WHERE l.authority = r.authority AND l.source = 'report' AND l.source_key = r.receipt_id
                                AND l.role = 'driver' AND l.method = 'officer' AND d.badge_number IS NOT NULL
                              ORDER BY d.id LIMIT 1), r.badge) AS badge
                FROM report r) x
            WHERE coalesce(vehicle, '') <> '' OR coalesce(badge, '') <> '' ORDER BY receipt_id COLLATE "C"
            """, logger: logger)
        {
            let id = try row.text(0)!
            let seen = try row.text(4)!
            let text = try row.text(5)!
            let when = day(try row.text(2))
            let received = day(try row.text(1))
            documents.append(
                LinkedDocument(
                    source: .report, id: id, date: when ?? received, origin: try row.text(3)!,
                    snippet: seen.isEmpty ? String(text.prefix(160)) : seen, evidence: [],
                    badgeKey: TaxiRegisterSnapshot.matchKey(try row.text(7)),
                    registrationKey: TaxiRegisterSnapshot.matchKey(try row.text(6))))
        }
        for row in try await db.rows(
            """
            SELECT record_id, date, source, summary, vehicle, badge FROM intelligence
            WHERE coalesce(vehicle, '') <> '' OR coalesce(badge, '') <> '' ORDER BY record_id COLLATE "C"
            """, logger: logger)
        {
            documents.append(
                LinkedDocument(
                    source: .intelligence, id: try row.text(0)!, date: day(try row.text(1)), origin: try row.text(2)!,
                    snippet: String(try row.text(3)!.prefix(160)), evidence: [],
                    badgeKey: TaxiRegisterSnapshot.matchKey(try row.text(5)),
                    registrationKey: TaxiRegisterSnapshot.matchKey(try row.text(4))))
        }
        guard !documents.isEmpty else { return documents }
        // Each document's distinct evidence items, in the order they were written.
        let keys = documents.map { "\($0.source.rawValue):\($0.id)" }
        var evidence: [String: [Evidence]] = [:]
        var seen: Set<[String?]> = []
        for row in try await db.rows(
            """
            SELECT record_key, source, source_id, sign, date, snippet, origin FROM evidence
            WHERE record_key = ANY(ARRAY(SELECT value FROM json_array_elements_text($1::json))) ORDER BY id
            """, [.text(try Self.json(keys))], logger: logger)
        {
            let values = try (0..<7).map { try row.text($0) }
            guard seen.insert(values).inserted, let source = EvidenceSource(rawValue: values[1]!) else { continue }
            evidence[values[0]!, default: []].append(
                Evidence(
                    sign: values[3]!, source: source, sourceID: values[2]!, date: day(values[4]), snippet: values[5]!,
                    origin: values[6]))
        }
        for (index, key) in keys.enumerated() { documents[index].evidence = evidence[key] ?? [] }
        return documents
    }
}

/// Rows keyed for a batch: the first position a key took, the last value it was given (so a
/// record repeated in one batch keeps the row id its first write would have had in SQLite).
struct OrderedRows<Key: Hashable, Value> {
    private var order: [Key] = []
    private var rows: [Key: Value] = [:]

    var isEmpty: Bool { self.order.isEmpty }
    var values: [Value] { self.order.map { self.rows[$0]! } }

    mutating func set(_ key: Key, _ value: Value) {
        if self.rows.updateValue(value, forKey: key) == nil { self.order.append(key) }
    }
}

/// A licence-history event's identity (JSON keys are the column names).
struct HistoryKey: Hashable, Codable {
    var issuing_authority: String
    var licence_number: String
    var event: String
    var event_date: String
    var decided_by: String
}

/// A licence-history row as `json_to_recordset` reads it.
struct HistoryRow: Encodable {
    var issuing_authority: String
    var licence_number: String
    var decided_by: String
    var event: String
    var event_date: String
    var reason: String?
    var victim_age_band: String?

    var key: HistoryKey {
        HistoryKey(
            issuing_authority: self.issuing_authority, licence_number: self.licence_number, event: self.event,
            event_date: self.event_date, decided_by: self.decided_by)
    }
}

/// A licence and a day: an NR3S search's application date or an s.5 notification's date.
struct DatedLicenceKey: Hashable, Codable {
    var issuing_authority: String
    var licence_number: String
    var day: String
}

/// An NR3S search row as `json_to_recordset` reads it.
struct NR3SRow: Encodable {
    var issuing_authority: String
    var licence_number: String
    var application_date: String
    var application_type: String
    var searched_on: String?
    var matched: Int?
    var recording_authority: String?
    var details_requested_on: String?
    var details_received_on: String?
    var decided_on: String?

    var key: DatedLicenceKey {
        DatedLicenceKey(issuing_authority: self.issuing_authority, licence_number: self.licence_number, day: self.application_date)
    }
}

/// An s.6 reply row as `json_to_recordset` reads it.
struct Section6Row: Encodable {
    var issuing_authority: String
    var licence_number: String
    var notified_on: String
    var replied_on: String?
    var decision: String?
    var note: String?

    var key: DatedLicenceKey {
        DatedLicenceKey(issuing_authority: self.issuing_authority, licence_number: self.licence_number, day: self.notified_on)
    }
}
