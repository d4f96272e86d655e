import GRDB
import SafeguardCore

extension SQLiteStore {
    public func hotels() throws -> [HotelSnapshot] {
        try self.writer.read { db in
            let rows = try EstablishmentRow.fetchAll(
                db, sql: "SELECT * FROM fhrs_establishment WHERE hotel_basis IS NOT NULL ORDER BY fhrs_id")
            var snapshots: [HotelSnapshot] = []
            snapshots.reserveCapacity(rows.count)
            for row in rows {
                snapshots.append(try Self.snapshot(of: row, in: db))
            }
            return snapshots
        }
    }

    static func snapshot(of row: EstablishmentRow, in db: Database) throws -> HotelSnapshot {
        let entity = row.entityID
        let licences = try Row.fetchAll(
            db,
            sql: """
                SELECT c.case_reference, e.organisation_label, e.status_label, e.case_date, e.service_type_label,
                       e.alcohol_supply, e.late_night_refreshment, e.opening_hours, e.extract_date,
                       (SELECT count(*) FROM licence_event WHERE case_id = c.id)
                FROM licence_case c JOIN licence_event e ON e.case_id = c.id
                WHERE c.entity_id = ?
                  AND e.id = (SELECT id FROM licence_event WHERE case_id = c.id
                              ORDER BY case_date DESC, id DESC LIMIT 1)
                ORDER BY e.case_date DESC
                """, arguments: [entity]
        ).map { row in
            LicenceSummary(
                caseReference: row[0], organisation: row[1], status: row[2],
                caseDate: (row[3] as String?).flatMap { CalendarDay(iso: $0) }, serviceType: row[4],
                alcoholSupply: row[5], lateNightRefreshment: row[6], openingHours: row[7], events: row[9],
                extractDate: (row[8] as String?).flatMap { CalendarDay(iso: $0) })
        }
        let reviewDates = try String?.fetchAll(
            db, sql: "SELECT date FROM review WHERE entity_id = ? ORDER BY date", arguments: [entity])
        let reports = try Int.fetchOne(
            db, sql: "SELECT count(DISTINCT source_key) FROM entity_link WHERE source = 'report' AND entity_id = ?",
            arguments: [entity]) ?? 0
        let intelligence = try Int.fetchOne(
            db,
            sql: "SELECT count(DISTINCT source_key) FROM entity_link WHERE source = 'intelligence' AND entity_id = ?",
            arguments: [entity]) ?? 0
        let evidence = try EvidenceRow.fetchAll(
            db, sql: "SELECT * FROM evidence WHERE entity_id = ? ORDER BY date, id", arguments: [entity]
        ).map(\.evidence)
        let establishment = row.establishment
        return HotelSnapshot(
            entityID: "E\(entity)", establishment: establishment,
            hotelBasis: row.hotelBasis.flatMap(HotelBasis.init(rawValue:)) ?? .businessType,
            fhrsExtractDate: row.extractDate.flatMap { CalendarDay(iso: $0) }, licences: licences,
            reviewCount: reviewDates.count, reviewDates: reviewDates.compactMap { $0.flatMap { CalendarDay(iso: $0) } },
            reportCount: reports, intelligenceCount: intelligence, evidence: evidence)
    }
}
