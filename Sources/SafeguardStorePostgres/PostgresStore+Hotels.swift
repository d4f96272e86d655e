import Logging
import PostgresNIO
import SafeguardCore
import SafeguardStore

extension PostgresStore {
    /// Every hotel with its licences, reviews, reports, intelligence and evidence: five queries
    /// for all hotels (not five per hotel), ordered as SQLite orders them (NULLs placed alike).
    public func hotels() throws -> [HotelSnapshot] {
        try self.read { db, logger in
            let hotels = try await db.rows(
                """
                SELECT fhrs_id, entity_id, la_business_id, name, business_type, business_type_id, address_lines,
                       postcode, rating_value, rating_key, rating_date, la_code, la_name, hygiene, structural,
                       confidence_in_management, scheme_type, new_rating_pending, longitude, latitude,
                       right_to_reply, hotel_basis, extract_date
                FROM fhrs_establishment WHERE hotel_basis IS NOT NULL ORDER BY fhrs_id, authority
                """, logger: logger)
            var entities: [Int64] = []
            for row in hotels { entities.append(try row.int(1)!) }
            let ids = SQLValue.ids(entities)
            var licences: [Int64: [LicenceSummary]] = [:]
            for row in try await db.rows(
                """
                SELECT c.entity_id, c.case_reference, e.organisation_label, e.status_label, e.case_date,
                       e.service_type_label, e.alcohol_supply, e.late_night_refreshment, e.opening_hours,
                       e.extract_date, (SELECT count(*) FROM licence_event WHERE case_id = c.id)
                FROM licence_case c JOIN licence_event e ON e.case_id = c.id
                WHERE c.entity_id = ANY($1::bigint[])
                  AND e.id = (SELECT id FROM licence_event WHERE case_id = c.id
                              ORDER BY case_date DESC NULLS LAST, id DESC LIMIT 1)
                ORDER BY c.entity_id, e.case_date DESC NULLS LAST
                """, [ids], logger: logger)
            {
                licences[try row.int(0)!, default: []].append(
                    LicenceSummary(
                        caseReference: try row.text(1)!, organisation: try row.text(2), status: try row.text(3),
                        caseDate: try row.text(4).flatMap { CalendarDay(iso: $0) }, serviceType: try row.text(5),
                        alcoholSupply: try row.text(6), lateNightRefreshment: try row.text(7),
                        openingHours: try row.text(8), events: Int(try row.int(10)!),
                        extractDate: try row.text(9).flatMap { CalendarDay(iso: $0) }))
            }
            var reviews: [Int64: (count: Int, dates: [CalendarDay])] = [:]
            for row in try await db.rows(
                "SELECT entity_id, date FROM review WHERE entity_id = ANY($1::bigint[]) "
                    + "ORDER BY entity_id, date NULLS FIRST", [ids], logger: logger)
            {
                let entity = try row.int(0)!
                reviews[entity, default: (0, [])].count += 1
                if let date = try row.text(1).flatMap({ CalendarDay(iso: $0) }) {
                    reviews[entity]!.dates.append(date)
                }
            }
            var links: [Int64: [String: Int]] = [:]
            for row in try await db.rows(
                "SELECT entity_id, source, count(DISTINCT source_key) FROM entity_link "
                    + "WHERE entity_id = ANY($1::bigint[]) AND source IN ('report', 'intelligence') GROUP BY 1, 2",
                [ids], logger: logger)
            {
                links[try row.int(0)!, default: [:]][try row.text(1)!] = Int(try row.int(2)!)
            }
            var evidence: [Int64: [Evidence]] = [:]
            for row in try await db.rows(
                "SELECT entity_id, sign, source, source_id, date, snippet, origin FROM evidence "
                    + "WHERE entity_id = ANY($1::bigint[]) ORDER BY entity_id, date NULLS FIRST, id",
                [ids], logger: logger)
            {
                evidence[try row.int(0)!, default: []].append(
                    Evidence(
                        sign: try row.text(1)!, source: EvidenceSource(rawValue: try row.text(2)!) ?? .register,
                        sourceID: try row.text(3)!, date: try row.text(4).flatMap { CalendarDay(iso: $0) },
                        snippet: try row.text(5)!, origin: try row.text(6)))
            }
            var snapshots: [HotelSnapshot] = []
            snapshots.reserveCapacity(hotels.count)
            for row in hotels {
                let entity = try row.int(1)!
                let address = try row.text(6) ?? ""
                let establishment = FHRSEstablishment(
                    fhrsID: Int(try row.int(0)!), localAuthorityBusinessID: try row.text(2), name: try row.text(3)!,
                    businessType: try row.text(4), businessTypeID: try row.int(5).map(Int.init),
                    addressLines: address.isEmpty ? [] : address.split(separator: "\n").map(String.init),
                    postcode: try row.text(7), ratingValue: try row.text(8), ratingKey: try row.text(9),
                    ratingDate: try row.text(10).flatMap { CalendarDay(iso: $0) }, localAuthorityCode: try row.text(11),
                    localAuthorityName: try row.text(12), hygieneScore: try row.int(13).map(Int.init),
                    structuralScore: try row.int(14).map(Int.init),
                    confidenceInManagementScore: try row.int(15).map(Int.init), schemeType: try row.text(16),
                    newRatingPending: try row.int(17).map { $0 != 0 }, longitude: try row.double(18),
                    latitude: try row.double(19), rightToReply: try row.text(20))
                let review = reviews[entity] ?? (0, [])
                snapshots.append(
                    HotelSnapshot(
                        entityID: "E\(entity)", establishment: establishment,
                        hotelBasis: try row.text(21).flatMap(HotelBasis.init(rawValue:)) ?? .businessType,
                        fhrsExtractDate: try row.text(22).flatMap { CalendarDay(iso: $0) },
                        licences: licences[entity] ?? [], reviewCount: review.count, reviewDates: review.dates,
                        reportCount: links[entity]?["report"] ?? 0,
                        intelligenceCount: links[entity]?["intelligence"] ?? 0, evidence: evidence[entity] ?? []))
            }
            return snapshots
        }
    }
}
