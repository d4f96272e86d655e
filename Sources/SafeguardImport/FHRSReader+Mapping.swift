import SafeguardCore

extension FHRSReader {
    /// Builds a row from its element texts (`bytes` gives a field's trimmed bytes, nil when absent
    /// or blank), or reports why it cannot: a record without a numeric `FHRSID` or a
    /// `BusinessName` is rejected; an unreadable date, score or coordinate is left empty with a
    /// warning.
    func row(
        _ bytes: (Field) -> UnsafeBufferPointer<UInt8>?, file: String, line: Int, record: Int,
        onIssue: (ImportIssue) -> Void
    ) -> FHRSRow? {
        func text(_ field: Field) -> String? { bytes(field).map { String(decoding: $0, as: UTF8.self) } }
        func original() -> String {
            Field.allCases.compactMap { field in text(field).map { "\(field.elementName)=\($0)" } }
                .joined(separator: "; ")
        }
        func reject(_ field: Field, _ message: String) -> FHRSRow? {
            onIssue(
                ImportIssue(
                    code: "fhrs.\(field.elementName)", severity: .rejected, file: file, line: line, record: record,
                    field: field.elementName, message: message, originalRecord: original()))
            return nil
        }
        func warn(_ field: Field, _ message: String) {
            onIssue(
                ImportIssue(
                    code: "fhrs.\(field.elementName)", severity: .warning, file: file, line: line, record: record,
                    field: field.elementName, message: message))
        }
        guard let idBytes = bytes(.fhrsID) else {
            return reject(.fhrsID, "the establishment has no FHRSID; it cannot be stored without one")
        }
        guard let fhrsID = Self.integer(idBytes), fhrsID > 0 else {
            return reject(.fhrsID, "FHRSID '\(text(.fhrsID) ?? "")' is not a positive whole number")
        }
        guard bytes(.businessName) != nil else {
            return reject(.businessName, "the establishment has no BusinessName")
        }
        func integer(_ field: Field) -> Int? {
            guard let value = bytes(field) else { return nil }
            guard let number = Self.integer(value) else {
                warn(field, "'\(text(field) ?? "")' is not a whole number; left empty")
                return nil
            }
            return number
        }
        func decimal(_ field: Field) -> Double? {
            guard let value = text(field) else { return nil }
            guard let number = Double(value), number.isFinite else {
                warn(field, "'\(value)' is not a number; left empty")
                return nil
            }
            return number
        }
        var row = FHRSRow(fhrsID: fhrsID)
        row.businessTypeID = integer(.businessTypeID)
        if let value = text(.ratingDate) {
            row.ratingDate = CalendarDay(iso: value)
            if row.ratingDate == nil { warn(.ratingDate, "'\(value)' is not a date (YYYY-MM-DD); left empty") }
        }
        row.hygieneScore = integer(.hygiene)
        row.structuralScore = integer(.structural)
        row.confidenceInManagementScore = integer(.confidence)
        if let value = text(.newRatingPending) {
            switch value.lowercased() {
            case "true": row.newRatingPending = true
            case "false": row.newRatingPending = false
            default: warn(.newRatingPending, "'\(value)' is not True or False; left empty")
            }
        }
        row.longitude = decimal(.longitude)
        row.latitude = decimal(.latitude)
        for (slot, field) in Self.leadingTexts { bytes(field).map { row.append(slot, $0) } }
        for line in Self.addressLines { bytes(line).map { row.appendAddressLine($0) } }
        for (slot, field) in Self.trailingTexts { bytes(field).map { row.append(slot, $0) } }
        return row
    }

    /// `Int(String)` on UTF-8 bytes (an optional sign, then ASCII digits; nil on anything else or
    /// on overflow), without making the `String`.
    static func integer(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        var negative = false
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            index = 1
        }
        guard index < bytes.count else { return nil }
        var value = 0
        while index < bytes.count {
            let digit = Int(bytes[index]) - 48
            guard digit >= 0, digit <= 9 else { return nil }
            let (times, overflowTimes) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflowSum) = negative ? times.subtractingReportingOverflow(digit) : times.addingReportingOverflow(digit)
            guard !overflowTimes, !overflowSum else { return nil }
            value = sum
            index += 1
        }
        return value
    }

    /// The row's texts in buffer order: those before the address, the address lines, the rest.
    private static let leadingTexts: [(FHRSRow.Text, Field)] = [
        (.laBusinessID, .laBusinessID), (.name, .businessName), (.businessType, .businessType),
    ]
    private static let addressLines: [Field] = [.address1, .address2, .address3, .address4]
    private static let trailingTexts: [(FHRSRow.Text, Field)] = [
        (.postcode, .postCode), (.ratingValue, .ratingValue), (.ratingKey, .ratingKey), (.laCode, .laCode),
        (.laName, .laName), (.schemeType, .schemeType), (.rightToReply, .rightToReply),
    ]
}
