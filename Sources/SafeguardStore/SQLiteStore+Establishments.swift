import GRDB
import GRDBSQLite
import SafeguardCore

extension SQLiteStore {
    /// The columns of `fhrs_establishment` an FHRS import writes, in the order both stores write them.
    public static let establishmentColumns = [
        "fhrs_id", "entity_id", "link_method", "link_confidence", "la_business_id", "name", "business_type",
        "business_type_id", "address_lines", "postcode", "rating_value", "rating_key", "rating_date", "la_code",
        "la_name", "hygiene", "structural", "confidence_in_management", "scheme_type", "new_rating_pending",
        "longitude", "latitude", "right_to_reply", "hotel_basis", "extract_date", "content_hash",
    ]

    /// The columns a changed FHRS row overwrites: all but its id and the entity link it keeps.
    public static let establishmentContentColumns = establishmentColumns.filter {
        !["fhrs_id", "entity_id", "link_method", "link_confidence"].contains($0)
    }

    static let upsertEstablishmentSQL: String = {
        let columns = SQLiteStore.establishmentColumns
        let updates = SQLiteStore.establishmentContentColumns.map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
        return "INSERT INTO fhrs_establishment (\(columns.joined(separator: ", "))) VALUES ("
            + Array(repeating: "?", count: columns.count).joined(separator: ", ")
            + ") ON CONFLICT(fhrs_id) DO UPDATE SET \(updates)"
    }()

    public func recordEstablishments(_ establishments: [FHRSEstablishment], extractDate: CalendarDay?) throws
        -> ImportSummary
    {
        try self.recordEstablishments(prepared: establishments.map(PreparedEstablishment.init), extractDate: extractDate)
    }

    /// Stores establishments prepared on another thread (see `PreparedEstablishment`); one transaction.
    public func recordEstablishments(prepared establishments: [PreparedEstablishment], extractDate: CalendarDay?)
        throws -> ImportSummary
    {
        try self.writeWithIndex { db, index in
            var summary = ImportSummary()
            summary.hotels = 0
            summary.hotelsByName = 0
            let extract = extractDate?.description
            let lookup = try db.cachedStatement(
                sql: "SELECT content_hash, extract_date, entity_id, link_method, link_confidence "
                    + "FROM fhrs_establishment WHERE fhrs_id = ?")
            let upsert = try db.cachedStatement(sql: Self.upsertEstablishmentSQL)
            let touch = try db.cachedStatement(sql: "UPDATE fhrs_establishment SET extract_date = ? WHERE fhrs_id = ?")
            // When no premises entity from another source is waiting for its FHRS record (the usual
            // case when FHRS is imported first), there is nothing to match against.
            let anyUnclaimed = try Bool.fetchOne(
                db,
                sql: "SELECT EXISTS (SELECT 1 FROM entity INDEXED BY entity_unclaimed_by_postcode "
                    + "WHERE fhrs_id IS NULL AND kind IN ('hotel', 'premises'))") ?? true
            // Into an empty table (a first import), only ids this import wrote can exist already.
            if index.fhrsWritten == nil,
                try !(Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM fhrs_establishment)") ?? true)
            {
                index.fhrsWritten = []
            }
            for prepared in establishments {
                let row = prepared.row
                summary.read += 1
                try self.faults.tick()
                switch prepared.basis {
                case .businessType: summary.hotels! += 1
                case .nameFallback: summary.hotelsByName! += 1
                case nil: break
                }
                let hash = Self.hash(row, ratingDate: prepared.ratingDate)
                var existing: (hash: Int64, extract: String?, entity: Int64, method: String, confidence: Double)?
                if index.fhrsWritten?.insert(row.fhrsID).inserted != true {
                    var query = FastStatement(lookup)
                    query.bind(row.fhrsID)
                    existing = try query.first { row in
                        (
                            hash: sqlite3_column_int64(row, 0),
                            extract: sqlite3_column_text(row, 1).map { String(cString: $0) },
                            entity: sqlite3_column_int64(row, 2),
                            method: String(cString: sqlite3_column_text(row, 3)),
                            confidence: sqlite3_column_double(row, 4)
                        )
                    }
                }
                let link: (entity: Int64, method: String, confidence: Double)
                if let existing {
                    if existing.hash == hash {
                        summary.unchanged += 1
                        if existing.extract != extract, extract != nil {
                            try touch.execute(arguments: [extract, row.fhrsID])
                        }
                        continue
                    }
                    summary.updated += 1
                    link = (existing.entity, existing.method, existing.confidence)
                } else {
                    let claim = prepared.claim
                    let kind: EntityKind = prepared.basis == nil ? .premises : .hotel
                    let resolution =
                        anyUnclaimed
                        ? try self.resolvePremises(
                            claim, kind: kind, source: "fhrs", fhrsID: Int64(row.fhrsID), in: db,
                            index: index)
                        : Resolution(
                            entityID: try self.insertEntity(
                                claim, kind: kind, source: "fhrs", fhrsID: Int64(row.fhrsID), in: db),
                            method: "new", confidence: 1, linkedExisting: false, uncertain: 0)
                    if !anyUnclaimed, let key = claim.postcodeKey {
                        index.add(
                            id: resolution.entityID, nameKey: claim.nameKey, houseNumber: claim.houseNumber,
                            hasFHRS: true, at: key)
                    }
                    summary.new += 1
                    if resolution.linkedExisting { summary.linked += 1 }
                    summary.uncertain += resolution.uncertain
                    link = (resolution.entityID, resolution.method == "new" ? "fhrs-id" : resolution.method,
                        resolution.confidence)
                }
                // Texts are bound straight from the row's bytes, which outlive the statement's run.
                try row.bytes.withUnsafeBufferPointer { bytes in
                    var insert = FastStatement(upsert)
                    insert.bind(row.fhrsID)
                    insert.bind(link.entity)
                    insert.bind(link.method)
                    insert.bind(link.confidence)
                    insert.bind(bytes, row.span(.laBusinessID))
                    insert.bind(bytes, row.span(.name))
                    insert.bind(bytes, row.span(.businessType))
                    insert.bind(row.businessTypeID)
                    if let address = row.span(.address) { insert.bind(bytes, address) } else { insert.bind("") }
                    insert.bind(bytes, row.span(.postcode))
                    insert.bind(bytes, row.span(.ratingValue))
                    insert.bind(bytes, row.span(.ratingKey))
                    insert.bind(prepared.ratingDate)
                    insert.bind(bytes, row.span(.laCode))
                    insert.bind(bytes, row.span(.laName))
                    insert.bind(row.hygieneScore)
                    insert.bind(row.structuralScore)
                    insert.bind(row.confidenceInManagementScore)
                    insert.bind(bytes, row.span(.schemeType))
                    insert.bind(row.newRatingPending)
                    insert.bind(row.longitude)
                    insert.bind(row.latitude)
                    insert.bind(bytes, row.span(.rightToReply))
                    insert.bind(prepared.basis?.rawValue)
                    insert.bind(extract)
                    insert.bind(hash)
                    try insert.run()
                }
            }
            return summary
        }
    }

    /// The content hash of a row: FNV-1a over the fields in column order, the same values the
    /// String-based hash of earlier versions gave (so a re-import over an older database finds its
    /// rows unchanged; `ContentHashTests` checks it on the real feeds).
    package static func hash(_ row: FHRSRow, ratingDate: String?) -> Int64 {
        var hasher = ContentHash()
        row.bytes.withUnsafeBufferPointer { bytes in
            func text(_ field: FHRSRow.Text, required: Bool = false) {
                if let span = row.span(field) {
                    hasher.add(bytes: UnsafeBufferPointer(rebasing: bytes[span]))
                } else {
                    // Name and address were never optional: absent is the empty text.
                    hasher.add(required ? "" : nil)
                }
            }
            hasher.add(row.fhrsID)
            text(.laBusinessID)
            text(.name, required: true)
            text(.businessType)
            hasher.add(row.businessTypeID)
            text(.address, required: true)
            text(.postcode)
            text(.ratingValue)
            text(.ratingKey)
            hasher.add(ratingDate)
            text(.laCode)
            text(.laName)
            hasher.add(row.hygieneScore)
            hasher.add(row.structuralScore)
            hasher.add(row.confidenceInManagementScore)
            text(.schemeType)
            hasher.add(row.newRatingPending)
            hasher.add(row.longitude)
            hasher.add(row.latitude)
            text(.rightToReply)
        }
        return hasher.int64
    }
}
