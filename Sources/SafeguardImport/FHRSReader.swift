import CLibXML2
import SafeguardCore

/// What an FHRS file's header said and what was read.
public struct FHRSReadResult: Sendable, Hashable {
    /// `Header/ExtractDate`.
    public var extractDate: CalendarDay?
    /// `Header/ItemCount`.
    public var itemCount: Int?
    /// `<EstablishmentDetail>` elements read (delivered plus rejected).
    public var records: Int
    /// Records delivered to the caller.
    public var delivered: Int
}

/// Maps the Food Standards Agency FHRS open-data XML (`FHRSEstablishment` documents) to
/// `FHRSEstablishment` values, streaming.
///
/// Handles `xsi:nil` and empty elements (`<RatingDate xsi:nil="true" />`, `<Scores />`,
/// `<Geocode />`), text rating values ("AwaitingInspection", "Exempt"), missing address lines
/// and postcodes. A record without a numeric `FHRSID` or a `BusinessName` is rejected; an
/// unreadable date, score or coordinate is left empty with a warning.
public struct FHRSReader {
    /// Creates a reader.
    public init() {}

    enum Field: Int, CaseIterable {
        case fhrsID, laBusinessID, businessName, businessType, businessTypeID, address1, address2, address3,
            address4, postCode, ratingValue, ratingKey, ratingDate, laCode, laName, hygiene, structural,
            confidence, schemeType, newRatingPending, longitude, latitude, rightToReply

        var elementName: String {
            switch self {
            case .fhrsID: "FHRSID"
            case .laBusinessID: "LocalAuthorityBusinessID"
            case .businessName: "BusinessName"
            case .businessType: "BusinessType"
            case .businessTypeID: "BusinessTypeID"
            case .address1: "AddressLine1"
            case .address2: "AddressLine2"
            case .address3: "AddressLine3"
            case .address4: "AddressLine4"
            case .postCode: "PostCode"
            case .ratingValue: "RatingValue"
            case .ratingKey: "RatingKey"
            case .ratingDate: "RatingDate"
            case .laCode: "LocalAuthorityCode"
            case .laName: "LocalAuthorityName"
            case .hygiene: "Hygiene"
            case .structural: "Structural"
            case .confidence: "ConfidenceInManagement"
            case .schemeType: "SchemeType"
            case .newRatingPending: "NewRatingPending"
            case .longitude: "Longitude"
            case .latitude: "Latitude"
            case .rightToReply: "RightToReply"
            }
        }
    }

    /// Streams the establishments of an FHRS file to `onRecord`, and per-record problems to `onIssue`.
    ///
    /// - Throws: `ImportError` when the file is missing, is not an FHRS document, or is malformed or
    ///   truncated part-way; every record before the fault has been delivered by then.
    @discardableResult
    public func read(
        path: String, displayName: String? = nil, limits: XMLLimits = XMLLimits(),
        progress: ((Int) -> Void)? = nil,
        onIssue: (ImportIssue) -> Void, onRecord: (FHRSEstablishment) throws -> Void
    ) throws -> FHRSReadResult {
        try self.readRows(path: path, displayName: displayName, limits: limits, progress: progress, onIssue: onIssue) {
            try onRecord(FHRSEstablishment($0))
        }
    }

    /// Streams an FHRS file as rows (texts as bytes, no `String` per field): the import's path.
    @discardableResult
    public func readRows(
        path: String, displayName: String? = nil, limits: XMLLimits = XMLLimits(),
        progress: ((Int) -> Void)? = nil,
        onIssue: (ImportIssue) -> Void, onRow: (FHRSRow) throws -> Void
    ) throws -> FHRSReadResult {
        try FileCheck.readable(path, as: displayName ?? path)
        let builder = FHRSRecordBuilder()
        let parser = XMLPushParser(fileName: displayName ?? path, limits: limits, handler: builder)
        return try self.run(builder, parser, .path(path), progress: progress, onIssue: onIssue, onRow: onRow)
    }

    /// Streams the establishments of an FHRS document held in memory (tests, fuzzing).
    @discardableResult
    public func read(
        bytes: [UInt8], name: String, limits: XMLLimits = XMLLimits(), onIssue: (ImportIssue) -> Void,
        onRecord: (FHRSEstablishment) throws -> Void
    ) throws -> FHRSReadResult {
        let builder = FHRSRecordBuilder()
        let parser = XMLPushParser(fileName: name, limits: limits, handler: builder)
        return try self.run(builder, parser, .bytes(bytes), progress: nil, onIssue: onIssue) {
            try onRecord(FHRSEstablishment($0))
        }
    }

    /// Reads only the header (`ExtractDate`, `ItemCount`), stopping at the first establishment.
    public func header(path: String, displayName: String? = nil) throws -> FHRSReadResult {
        let builder = FHRSRecordBuilder()
        builder.stopAtFirstRecord = true
        let parser = XMLPushParser(fileName: displayName ?? path, handler: builder)
        try parser.parse(path: path, chunkSize: 4096) {}
        if let failure = builder.failure { throw failure }
        return builder.result
    }

    private enum Source {
        case path(String)
        case bytes([UInt8])
    }

    private func run(
        _ builder: FHRSRecordBuilder, _ parser: XMLPushParser, _ source: Source, progress: ((Int) -> Void)?,
        onIssue: (ImportIssue) -> Void, onRow: (FHRSRow) throws -> Void
    ) throws -> FHRSReadResult {
        do {
            try builder.delivering(to: onRow, issues: onIssue) {
                switch source {
                case .path(let path): try parser.parse(path: path) { progress?(parser.bytesConsumed) }
                case .bytes(let bytes): try parser.parse(bytes: bytes) {}
                }
            }
            if let failure = builder.failure { throw failure }
        } catch var error as ImportError {
            error.recordsBefore = builder.result.delivered
            throw error
        }
        guard builder.sawRoot else {
            throw ImportError(code: "fhrs.empty", file: parser.fileName, message: "the file holds no XML elements")
        }
        let result = builder.result
        if let itemCount = result.itemCount, itemCount != result.records {
            onIssue(
                ImportIssue(
                    code: "fhrs.item-count", severity: .warning, file: parser.fileName, line: parser.line,
                    record: result.records,
                    message: "the header's ItemCount is \(itemCount) but the file holds \(result.records) "
                        + "establishments; the extract may be incomplete"))
        }
        return result
    }
}
