import Foundation
import Logging
import NIOCore
import PostgresNIO
import SafeguardCore
import SafeguardStore

extension PostgresStore {
    /// Stores FHRS establishments in set-based round trips per batch: one look-up of the stored
    /// rows, one of the entities the new ones can match, the entity resolution per new establishment
    /// in order in Swift (`PostgresEntityBatch`, as SQLite does row by row), the new entities in one
    /// insert, then one upsert of every new or changed row from a JSON recordset, and one update of
    /// the extract date of the unchanged ones.
    public func recordEstablishments(_ establishments: [FHRSEstablishment], extractDate: CalendarDay?) throws
        -> ImportSummary
    {
        let extract = extractDate?.description
        return try self.write(rows: establishments.count) { db, logger in
            var summary = ImportSummary()
            summary.hotels = 0
            summary.hotelsByName = 0
            var stored: [Int: (hash: Int64, extract: String?)] = [:]
            for row in try await db.rows(
                """
                SELECT f.fhrs_id, f.content_hash, f.extract_date FROM fhrs_establishment f
                WHERE f.authority = current_setting('safeguard.authority')
                  AND f.fhrs_id = ANY(ARRAY(SELECT value::bigint FROM json_array_elements_text($1::json)))
                """, [.text(try Self.json(establishments.map(\.fhrsID)))], logger: logger)
            {
                stored[Int(try row.int(0)!)] = (try row.int(1)!, try row.text(2))
            }
            let preparedRows = establishments.map { PreparedEstablishment($0) }
            var entities = try await PostgresEntityBatch.load(
                claims: zip(establishments, preparedRows).compactMap { stored[$0.fhrsID] == nil ? $1.claim : nil },
                on: db, logger: logger)
            var rows: [Int: EstablishmentRow] = [:]
            var order: [Int] = []
            var touched: Set<Int> = []
            for (establishment, prepared) in zip(establishments, preparedRows) {
                summary.read += 1
                switch prepared.basis {
                case .businessType: summary.hotels! += 1
                case .nameFallback: summary.hotelsByName! += 1
                case nil: break
                }
                let hash = SQLiteStore.hash(prepared.row, ratingDate: prepared.ratingDate)
                var link: (entity: Int64, method: String, confidence: Double)?
                if let existing = stored[establishment.fhrsID] {
                    if existing.hash == hash {
                        summary.unchanged += 1
                        if let extract, existing.extract != extract {
                            touched.insert(establishment.fhrsID)
                            stored[establishment.fhrsID] = (hash, extract)
                        }
                        continue
                    }
                    summary.updated += 1
                } else {
                    let kind: EntityKind = prepared.basis == nil ? .premises : .hotel
                    let resolution = entities.resolvePremises(
                        prepared.claim, kind: kind, source: "fhrs", fhrsID: Int64(establishment.fhrsID))
                    summary.new += 1
                    if resolution.linkedExisting { summary.linked += 1 }
                    summary.uncertain += resolution.uncertain
                    link = (resolution.entityID, resolution.method == "new" ? "fhrs-id" : resolution.method, resolution.confidence)
                }
                stored[establishment.fhrsID] = (hash, extract)
                let e = establishment
                if rows[e.fhrsID] == nil { order.append(e.fhrsID) }
                // A row first stored in this batch keeps the link made for it; a changed one keeps its stored link.
                let earlier = rows[e.fhrsID]
                rows[e.fhrsID] = EstablishmentRow(
                    fhrs_id: e.fhrsID, entity_id: link?.entity ?? earlier?.entity_id,
                    link_method: link?.method ?? earlier?.link_method, link_confidence: link?.confidence ?? earlier?.link_confidence,
                    la_business_id: e.localAuthorityBusinessID, name: e.name, business_type: e.businessType,
                    business_type_id: e.businessTypeID, address_lines: e.addressLines.joined(separator: "\n"),
                    postcode: e.postcode, rating_value: e.ratingValue, rating_key: e.ratingKey,
                    rating_date: prepared.ratingDate, la_code: e.localAuthorityCode, la_name: e.localAuthorityName,
                    hygiene: e.hygieneScore, structural: e.structuralScore,
                    confidence_in_management: e.confidenceInManagementScore, scheme_type: e.schemeType,
                    new_rating_pending: e.newRatingPending.map { $0 ? 1 : 0 }, longitude: e.longitude,
                    latitude: e.latitude, right_to_reply: e.rightToReply, hotel_basis: prepared.basis?.rawValue,
                    extract_date: extract, content_hash: hash)
            }
            let ids = try await entities.flush(on: db, logger: logger)
            if !order.isEmpty {
                // Rows already stored have no link here: the upsert leaves their entity and link as they are.
                // The rows reach the server by COPY into a staging table (text format parses several
                // times faster than a JSON document of 5,000 rows); the insert from it runs under the
                // authority's row-level security, which COPY into the table itself would refuse.
                var buffer = ByteBufferAllocator().buffer(capacity: order.count * 320)
                for (position, id) in order.enumerated() {
                    var row = rows[id]!
                    row.entity_id = ids[row.entity_id]
                    buffer.writeString(String(position))
                    for value in row.copyValues {
                        buffer.writeInteger(UInt8(ascii: "\t"))
                        Self.writeCopyText(value, to: &buffer)
                    }
                    buffer.writeInteger(UInt8(ascii: "\n"))
                }
                let data = buffer
                try await db.rows(
                    """
                    CREATE TEMP TABLE fhrs_stage (n BIGINT, fhrs_id BIGINT, entity_id BIGINT, link_method TEXT,
                        link_confidence DOUBLE PRECISION, la_business_id TEXT, name TEXT, business_type TEXT,
                        business_type_id BIGINT, address_lines TEXT, postcode TEXT, rating_value TEXT, rating_key TEXT,
                        rating_date TEXT, la_code TEXT, la_name TEXT, hygiene BIGINT, structural BIGINT,
                        confidence_in_management BIGINT, scheme_type TEXT, new_rating_pending BIGINT,
                        longitude DOUBLE PRECISION, latitude DOUBLE PRECISION, right_to_reply TEXT, hotel_basis TEXT,
                        extract_date TEXT, content_hash BIGINT) ON COMMIT DROP
                    """, logger: logger)
                try await db.copyFrom(table: "fhrs_stage", columns: ["n"] + SQLiteStore.establishmentColumns, logger: logger) {
                    try await $0.write(data)
                }
                try await db.rows(
                    """
                    INSERT INTO fhrs_establishment (fhrs_id, entity_id, link_method, link_confidence, la_business_id,
                        name, business_type, business_type_id, address_lines, postcode, rating_value, rating_key,
                        rating_date, la_code, la_name, hygiene, structural, confidence_in_management, scheme_type,
                        new_rating_pending, longitude, latitude, right_to_reply, hotel_basis, extract_date, content_hash)
                    SELECT x.fhrs_id, COALESCE(x.entity_id, f.entity_id), COALESCE(x.link_method, f.link_method),
                        COALESCE(x.link_confidence, f.link_confidence), x.la_business_id, x.name, x.business_type,
                        x.business_type_id, x.address_lines, x.postcode, x.rating_value, x.rating_key, x.rating_date,
                        x.la_code, x.la_name, x.hygiene, x.structural, x.confidence_in_management, x.scheme_type,
                        x.new_rating_pending, x.longitude, x.latitude, x.right_to_reply, x.hotel_basis, x.extract_date,
                        x.content_hash
                    FROM fhrs_stage x
                    LEFT JOIN fhrs_establishment f
                        ON f.authority = current_setting('safeguard.authority') AND f.fhrs_id = x.fhrs_id
                    ORDER BY x.n
                    ON CONFLICT (authority, fhrs_id) DO UPDATE SET la_business_id = excluded.la_business_id,
                        name = excluded.name, business_type = excluded.business_type,
                        business_type_id = excluded.business_type_id, address_lines = excluded.address_lines,
                        postcode = excluded.postcode, rating_value = excluded.rating_value,
                        rating_key = excluded.rating_key, rating_date = excluded.rating_date, la_code = excluded.la_code,
                        la_name = excluded.la_name, hygiene = excluded.hygiene, structural = excluded.structural,
                        confidence_in_management = excluded.confidence_in_management,
                        scheme_type = excluded.scheme_type, new_rating_pending = excluded.new_rating_pending,
                        longitude = excluded.longitude, latitude = excluded.latitude,
                        right_to_reply = excluded.right_to_reply, hotel_basis = excluded.hotel_basis,
                        extract_date = excluded.extract_date, content_hash = excluded.content_hash
                    """, logger: logger)
            }
            let dated = touched.subtracting(order)
            if let extract, !dated.isEmpty {
                try await db.rows(
                    """
                    UPDATE fhrs_establishment SET extract_date = $1
                    WHERE authority = current_setting('safeguard.authority')
                      AND fhrs_id = ANY(ARRAY(SELECT value::bigint FROM json_array_elements_text($2::json)))
                    """, [.text(extract), .text(try Self.json(dated.sorted()))], logger: logger)
            }
            return summary
        }
    }
}

/// An FHRS row as the staging table reads it (a nil is NULL; a nil link keeps the stored one).
struct EstablishmentRow {
    var fhrs_id: Int
    var entity_id: Int64?
    var link_method: String?
    var link_confidence: Double?
    var la_business_id: String?
    var name: String
    var business_type: String?
    var business_type_id: Int?
    var address_lines: String
    var postcode: String?
    var rating_value: String?
    var rating_key: String?
    var rating_date: String?
    var la_code: String?
    var la_name: String?
    var hygiene: Int?
    var structural: Int?
    var confidence_in_management: Int?
    var scheme_type: String?
    var new_rating_pending: Int?
    var longitude: Double?
    var latitude: Double?
    var right_to_reply: String?
    var hotel_basis: String?
    var extract_date: String?
    var content_hash: Int64
}

extension EstablishmentRow {
    /// The row's values as COPY's text format reads them, in the order of
    /// `SQLiteStore.establishmentColumns` (numbers in their shortest exact form).
    var copyValues: [String?] {
        [
            String(self.fhrs_id), self.entity_id.map { String($0) }, self.link_method,
            self.link_confidence.map { "\($0)" }, self.la_business_id, self.name, self.business_type,
            self.business_type_id.map { String($0) }, self.address_lines, self.postcode, self.rating_value,
            self.rating_key, self.rating_date, self.la_code, self.la_name, self.hygiene.map { String($0) },
            self.structural.map { String($0) }, self.confidence_in_management.map { String($0) }, self.scheme_type,
            self.new_rating_pending.map { String($0) }, self.longitude.map { "\($0)" }, self.latitude.map { "\($0)" },
            self.right_to_reply, self.hotel_basis, self.extract_date, String(self.content_hash),
        ]
    }
}
