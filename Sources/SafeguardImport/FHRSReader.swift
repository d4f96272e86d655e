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
        let reader = try XMLStreamReader(path: path, displayName: displayName, limits: limits)
        return try self.read(reader, progress: progress, onIssue: onIssue, onRecord: onRecord)
    }

    /// Streams the establishments of an FHRS document held in memory (tests, fuzzing).
    @discardableResult
    public func read(
        bytes: [UInt8], name: String, limits: XMLLimits = XMLLimits(), onIssue: (ImportIssue) -> Void,
        onRecord: (FHRSEstablishment) throws -> Void
    ) throws -> FHRSReadResult {
        let reader = try XMLStreamReader(bytes: bytes, name: name, limits: limits)
        return try self.read(reader, progress: nil, onIssue: onIssue, onRecord: onRecord)
    }

    func read(
        _ reader: XMLStreamReader, progress: ((Int) -> Void)?, onIssue: (ImportIssue) -> Void,
        onRecord: (FHRSEstablishment) throws -> Void
    ) throws -> FHRSReadResult {
        var result = FHRSReadResult(extractDate: nil, itemCount: nil, records: 0, delivered: 0)
        var names: [UnsafePointer<xmlChar>?] = []
        var detail: UnsafePointer<xmlChar>?
        var extractDateName: UnsafePointer<xmlChar>?
        var itemCountName: UnsafePointer<xmlChar>?
        var values = [String?](repeating: nil, count: Field.allCases.count)
        var current: Int = -1
        var headerField = 0  // 1 ExtractDate, 2 ItemCount
        var headerText = ""
        var inRecord = false
        var recordLine = 0
        var sawRoot = false
        do {
            while try reader.read() {
                let type = reader.rawNodeType
                if type == 1 {  // element
                    let depth = reader.depth
                    if !sawRoot {
                        sawRoot = true
                        guard reader.localName == "FHRSEstablishment" else {
                            throw ImportError(
                                code: "fhrs.root", file: reader.fileName, line: reader.line, element: reader.localName,
                                message: "this is not an FHRS file: the root element is <\(reader.localName)>, "
                                    + "expected <FHRSEstablishment>; use `--format` to pick another importer")
                        }
                        detail = reader.intern("EstablishmentDetail")
                        extractDateName = reader.intern("ExtractDate")
                        itemCountName = reader.intern("ItemCount")
                        names = Field.allCases.map { reader.intern($0.elementName) }
                        continue
                    }
                    let name = reader.localNamePointer
                    if depth == 2, name == detail {
                        inRecord = true
                        recordLine = reader.line
                        for index in values.indices { values[index] = nil }
                        current = -1
                    } else if inRecord, depth >= 3 {
                        current = names.firstIndex(where: { $0 == name }) ?? -1
                        if reader.isEmptyElement { current = -1 }
                    } else if depth == 2 {
                        headerField = name == extractDateName ? 1 : name == itemCountName ? 2 : 0
                        headerText = ""
                    }
                } else if type == 3 || type == 4 || type == 14 {  // text, CDATA, significant whitespace
                    guard let pointer = reader.valuePointer else { continue }
                    if inRecord, current >= 0 {
                        let text = String(cString: pointer)
                        if let existing = values[current] {
                            values[current] = existing + text
                        } else {
                            values[current] = text
                        }
                    } else if headerField != 0 {
                        headerText += String(cString: pointer)
                    }
                } else if type == 15 {  // end element
                    let depth = reader.depth
                    if inRecord, depth == 2 {
                        inRecord = false
                        result.records += 1
                        if let establishment = self.establishment(
                            values, file: reader.fileName, line: recordLine, record: result.records, onIssue: onIssue)
                        {
                            try onRecord(establishment)
                            result.delivered += 1
                        }
                        if let progress, result.records % 4096 == 0 { progress(reader.bytesConsumed) }
                    } else if inRecord {
                        current = -1
                    } else if headerField == 1 {
                        result.extractDate = CalendarDay(iso: headerText.trimmingWhitespace())
                        headerField = 0
                    } else if headerField == 2 {
                        result.itemCount = Int(headerText.trimmingWhitespace())
                        headerField = 0
                    }
                }
            }
        } catch var error as ImportError {
            error.recordsBefore = result.delivered
            throw error
        }
        guard sawRoot else {
            throw ImportError(code: "fhrs.empty", file: reader.fileName, message: "the file holds no XML elements")
        }
        if let itemCount = result.itemCount, itemCount != result.records {
            onIssue(
                ImportIssue(
                    code: "fhrs.item-count", severity: .warning, file: reader.fileName, line: reader.line,
                    record: result.records,
                    message: "the header's ItemCount is \(itemCount) but the file holds \(result.records) "
                        + "establishments; the extract may be incomplete"))
        }
        progress?(reader.bytesConsumed)
        return result
    }
}
