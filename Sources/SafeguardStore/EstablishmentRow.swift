import GRDB
import SafeguardCore

/// One row of `fhrs_establishment`, mapped to `FHRSEstablishment`.
struct EstablishmentRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "fhrs_establishment"

    var fhrsID: Int
    var entityID: Int64
    var linkMethod: String
    var linkConfidence: Double
    var laBusinessID: String?
    var name: String
    var businessType: String?
    var businessTypeID: Int?
    var addressLines: String
    var postcode: String?
    var ratingValue: String?
    var ratingKey: String?
    var ratingDate: String?
    var laCode: String?
    var laName: String?
    var hygiene: Int?
    var structural: Int?
    var confidenceInManagement: Int?
    var schemeType: String?
    var newRatingPending: Bool?
    var longitude: Double?
    var latitude: Double?
    var rightToReply: String?
    var hotelBasis: String?
    var extractDate: String?
    var contentHash: Int64

    enum CodingKeys: String, CodingKey {
        case fhrsID = "fhrs_id", entityID = "entity_id", linkMethod = "link_method"
        case linkConfidence = "link_confidence", laBusinessID = "la_business_id", name
        case businessType = "business_type", businessTypeID = "business_type_id", addressLines = "address_lines"
        case postcode, ratingValue = "rating_value", ratingKey = "rating_key", ratingDate = "rating_date"
        case laCode = "la_code", laName = "la_name", hygiene, structural
        case confidenceInManagement = "confidence_in_management", schemeType = "scheme_type"
        case newRatingPending = "new_rating_pending", longitude, latitude, rightToReply = "right_to_reply"
        case hotelBasis = "hotel_basis", extractDate = "extract_date", contentHash = "content_hash"
    }

    /// The Core value.
    var establishment: FHRSEstablishment {
        FHRSEstablishment(
            fhrsID: self.fhrsID, localAuthorityBusinessID: self.laBusinessID, name: self.name,
            businessType: self.businessType, businessTypeID: self.businessTypeID,
            addressLines: self.addressLines.isEmpty ? [] : self.addressLines.split(separator: "\n").map(String.init),
            postcode: self.postcode, ratingValue: self.ratingValue, ratingKey: self.ratingKey,
            ratingDate: self.ratingDate.flatMap { CalendarDay(iso: $0) }, localAuthorityCode: self.laCode,
            localAuthorityName: self.laName, hygieneScore: self.hygiene, structuralScore: self.structural,
            confidenceInManagementScore: self.confidenceInManagement, schemeType: self.schemeType,
            newRatingPending: self.newRatingPending, longitude: self.longitude, latitude: self.latitude,
            rightToReply: self.rightToReply)
    }
}

/// One row of `evidence`, mapped to `Evidence`.
struct EvidenceRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "evidence"

    var id: Int64?
    var entityID: Int64?
    var recordKey: String
    var source: String
    var sourceID: String
    var sign: String
    var date: String?
    var snippet: String
    var origin: String?

    enum CodingKeys: String, CodingKey {
        case id, entityID = "entity_id", recordKey = "record_key", source, sourceID = "source_id", sign, date
        case snippet, origin
    }

    /// The Core value.
    var evidence: Evidence {
        Evidence(
            sign: self.sign, source: EvidenceSource(rawValue: self.source) ?? .register, sourceID: self.sourceID,
            date: self.date.flatMap { CalendarDay(iso: $0) }, snippet: self.snippet, origin: self.origin)
    }
}
