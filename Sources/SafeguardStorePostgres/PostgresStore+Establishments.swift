import Foundation
import Logging
import NIOCore
import PostgresNIO
import SafeguardCore
import SafeguardStore

extension PostgresStore {
    public func recordEstablishments(_ establishments: [FHRSEstablishment], extractDate: CalendarDay?) throws
        -> ImportSummary
    {
        try self.recordEstablishments(prepared: establishments.map(PreparedEstablishment.init), extractDate: extractDate)
    }

    /// Stores FHRS establishments (prepared on the reading thread) in set-based round trips per
    /// batch: one look-up of the stored rows, one of the entities the new ones can match, the
    /// entity resolution per new establishment in order in Swift (`PostgresEntityBatch`, as SQLite
    /// does row by row), the new entities in one insert, then the new and changed rows by COPY into
    /// a staging table, inserted and updated from it, and one update of the extract date of the
    /// unchanged ones.
    public func recordEstablishments(prepared establishments: [PreparedEstablishment], extractDate: CalendarDay?)
        throws -> ImportSummary
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
                """, [.text(try Self.json(establishments.map(\.row.fhrsID)))], logger: logger)
            {
                stored[Int(try row.int(0)!)] = (try row.int(1)!, try row.text(2))
            }
            // Rows the store held before this batch are updated (keeping their link); the others inserted.
            let existed = Set(stored.keys)
            var entities = try await PostgresEntityBatch.load(
                claims: establishments.compactMap { stored[$0.row.fhrsID] == nil ? $0.claim : nil }, on: db, logger: logger)
            // The latest version of each new or changed row: its position in the batch, hash and link.
            var written: [Int: StagedEstablishment] = [:]
            var order: [Int] = []
            var touched: Set<Int> = []
            for (position, prepared) in establishments.enumerated() {
                let fhrsID = prepared.row.fhrsID
                summary.read += 1
                switch prepared.basis {
                case .businessType: summary.hotels! += 1
                case .nameFallback: summary.hotelsByName! += 1
                case nil: break
                }
                let hash = SQLiteStore.hash(prepared.row, ratingDate: prepared.ratingDate)
                var link: EstablishmentLink?
                if let existing = stored[fhrsID] {
                    if existing.hash == hash {
                        summary.unchanged += 1
                        if let extract, existing.extract != extract {
                            touched.insert(fhrsID)
                            stored[fhrsID] = (hash, extract)
                        }
                        continue
                    }
                    summary.updated += 1
                } else {
                    let kind: EntityKind = prepared.basis == nil ? .premises : .hotel
                    let resolution = entities.resolvePremises(
                        prepared.claim, kind: kind, source: "fhrs", fhrsID: Int64(fhrsID))
                    summary.new += 1
                    if resolution.linkedExisting { summary.linked += 1 }
                    summary.uncertain += resolution.uncertain
                    link = EstablishmentLink(
                        entity: resolution.entityID, method: resolution.method == "new" ? "fhrs-id" : resolution.method,
                        confidence: resolution.confidence)
                }
                stored[fhrsID] = (hash, extract)
                // A row first stored in this batch keeps the link made for it; a changed one keeps its stored link.
                if written[fhrsID] == nil { order.append(fhrsID) }
                written[fhrsID] = StagedEstablishment(
                    position: position, hash: hash, link: link ?? written[fhrsID]?.link)
            }
            let ids = try await entities.flush(on: db, logger: logger)
            if !order.isEmpty {
                // Staged by COPY (`withStaged`), then inserted and updated from the stage.
                var writer = CopyTextWriter(capacity: order.count * 320)
                for (n, fhrsID) in order.enumerated() {
                    let staged = written[fhrsID]!
                    writer.field(n)
                    Self.writeEstablishment(
                        establishments[staged.position], entity: ids[staged.link?.entity], link: staged.link,
                        extract: extract, hash: staged.hash, to: &writer)
                    writer.endRow()
                }
                let columns = SQLiteStore.establishmentColumns
                try await db.withStaged(
                    "fhrs_establishment", columns: columns, rows: writer.buffer, logger: logger
                ) { stage in
                    // New rows: a plain insert in batch order (no conflict to arbitrate: this authority's
                    // writer lock is held since the look-up above, and every row stored then is excluded).
                    if order.contains(where: { !existed.contains($0) }) {
                        try await db.rows(
                            """
                            INSERT INTO fhrs_establishment (\(columns.joined(separator: ", ")))
                            SELECT \(columns.joined(separator: ", ")) FROM \(stage) WHERE entity_id IS NOT NULL ORDER BY n
                            """, logger: logger)
                    }
                    // Changed rows keep the entity and link they have.
                    if order.contains(where: existed.contains) {
                        let updates = SQLiteStore.establishmentContentColumns.map { "\($0) = x.\($0)" }
                            .joined(separator: ", ")
                        try await db.rows(
                            """
                            UPDATE fhrs_establishment f SET \(updates) FROM \(stage) x
                            WHERE x.entity_id IS NULL AND f.authority = current_setting('safeguard.authority')
                              AND f.fhrs_id = x.fhrs_id
                            """, logger: logger)
                    }
                }
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

    /// One establishment's fields after the batch position, in the order of
    /// `SQLiteStore.establishmentColumns`, its texts straight from the row's bytes (NULL when
    /// absent; name and address the empty text, as the content hash takes them). A changed row
    /// has no link here: it keeps the one it has.
    private static func writeEstablishment(
        _ prepared: PreparedEstablishment, entity: Int64?, link: EstablishmentLink?, extract: String?, hash: Int64,
        to writer: inout CopyTextWriter
    ) {
        let row = prepared.row
        row.bytes.withUnsafeBufferPointer { bytes in
            func text(_ field: FHRSRow.Text, required: Bool = false) {
                if let span = row.span(field) {
                    writer.field(bytes: UnsafeBufferPointer(rebasing: bytes[span]))
                } else if required {
                    writer.field("")
                } else {
                    writer.null()
                }
            }
            writer.field(row.fhrsID)
            writer.field(entity)
            writer.field(link?.method)
            writer.field(link?.confidence)
            text(.laBusinessID)
            text(.name, required: true)
            text(.businessType)
            writer.field(row.businessTypeID)
            text(.address, required: true)
            text(.postcode)
            text(.ratingValue)
            text(.ratingKey)
            writer.field(prepared.ratingDate)
            text(.laCode)
            text(.laName)
            writer.field(row.hygieneScore)
            writer.field(row.structuralScore)
            writer.field(row.confidenceInManagementScore)
            text(.schemeType)
            writer.field(row.newRatingPending.map { $0 ? 1 : 0 })
            writer.field(row.longitude)
            writer.field(row.latitude)
            text(.rightToReply)
            writer.field(prepared.basis?.rawValue)
            writer.field(extract)
            writer.field(hash)
        }
    }
}

/// The entity a new FHRS row was linked to (a provisional id until the batch's entities are written).
private struct EstablishmentLink {
    var entity: Int64
    var method: String
    var confidence: Double
}

/// A new or changed FHRS row of a batch: where it is in the batch, its content hash and, when it is
/// new, its link.
private struct StagedEstablishment {
    var position: Int
    var hash: Int64
    var link: EstablishmentLink?
}
