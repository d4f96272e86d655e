import GRDB
import GRDBSQLite
import SafeguardCore

extension SQLiteStore {
    static let establishmentColumns = [
        "fhrs_id", "entity_id", "link_method", "link_confidence", "la_business_id", "name", "business_type",
        "business_type_id", "address_lines", "postcode", "rating_value", "rating_key", "rating_date", "la_code",
        "la_name", "hygiene", "structural", "confidence_in_management", "scheme_type", "new_rating_pending",
        "longitude", "latitude", "right_to_reply", "hotel_basis", "extract_date", "content_hash",
    ]

    static let upsertEstablishmentSQL: String = {
        let columns = SQLiteStore.establishmentColumns
        let updates = columns.filter { !["fhrs_id", "entity_id", "link_method", "link_confidence"].contains($0) }
            .map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
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
                let establishment = prepared.establishment
                summary.read += 1
                try self.faults.tick()
                switch prepared.basis {
                case .businessType: summary.hotels! += 1
                case .nameFallback: summary.hotelsByName! += 1
                case nil: break
                }
                let hash = prepared.hash
                var existing: (hash: Int64, extract: String?, entity: Int64, method: String, confidence: Double)?
                if index.fhrsWritten?.insert(establishment.fhrsID).inserted != true {
                    var query = FastStatement(lookup)
                    query.bind(establishment.fhrsID)
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
                            try touch.execute(arguments: [extract, establishment.fhrsID])
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
                            claim, kind: kind, source: "fhrs", fhrsID: Int64(establishment.fhrsID), in: db,
                            index: index)
                        : Resolution(
                            entityID: try self.insertEntity(
                                claim, kind: kind, source: "fhrs", fhrsID: Int64(establishment.fhrsID), in: db),
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
                var insert = FastStatement(upsert)
                insert.bind(establishment.fhrsID)
                insert.bind(link.entity)
                insert.bind(link.method)
                insert.bind(link.confidence)
                insert.bind(establishment.localAuthorityBusinessID)
                insert.bind(establishment.name)
                insert.bind(establishment.businessType)
                insert.bind(establishment.businessTypeID)
                insert.bind(prepared.addressText)
                insert.bind(establishment.postcode)
                insert.bind(establishment.ratingValue)
                insert.bind(establishment.ratingKey)
                insert.bind(prepared.ratingDate)
                insert.bind(establishment.localAuthorityCode)
                insert.bind(establishment.localAuthorityName)
                insert.bind(establishment.hygieneScore)
                insert.bind(establishment.structuralScore)
                insert.bind(establishment.confidenceInManagementScore)
                insert.bind(establishment.schemeType)
                insert.bind(establishment.newRatingPending)
                insert.bind(establishment.longitude)
                insert.bind(establishment.latitude)
                insert.bind(establishment.rightToReply)
                insert.bind(prepared.basis?.rawValue)
                insert.bind(extract)
                insert.bind(hash)
                try insert.run()
            }
            return summary
        }
    }

    static func hash(_ establishment: FHRSEstablishment) -> Int64 {
        Self.hash(
            establishment, addressText: establishment.addressLines.joined(separator: "\n"),
            ratingDate: establishment.ratingDate?.description)
    }

    /// The content hash, given the joined address and rating date the caller also binds.
    static func hash(_ establishment: FHRSEstablishment, addressText: String, ratingDate: String?) -> Int64 {
        var hasher = ContentHash()
        hasher.add(establishment.fhrsID)
        hasher.add(establishment.localAuthorityBusinessID)
        hasher.add(establishment.name)
        hasher.add(establishment.businessType)
        hasher.add(establishment.businessTypeID)
        hasher.add(addressText)
        hasher.add(establishment.postcode)
        hasher.add(establishment.ratingValue)
        hasher.add(establishment.ratingKey)
        hasher.add(ratingDate)
        hasher.add(establishment.localAuthorityCode)
        hasher.add(establishment.localAuthorityName)
        hasher.add(establishment.hygieneScore)
        hasher.add(establishment.structuralScore)
        hasher.add(establishment.confidenceInManagementScore)
        hasher.add(establishment.schemeType)
        hasher.add(establishment.newRatingPending)
        hasher.add(establishment.longitude)
        hasher.add(establishment.latitude)
        hasher.add(establishment.rightToReply)
        return hasher.int64
    }
}
