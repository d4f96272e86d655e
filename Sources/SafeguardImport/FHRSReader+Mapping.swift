import SafeguardCore

extension FHRSReader {
    /// Builds an establishment from its element texts (`text` gives a field's trimmed text, nil
    /// when absent or blank), or reports why it cannot.
    func establishment(
        _ text: (Field) -> String?, file: String, line: Int, record: Int, onIssue: (ImportIssue) -> Void
    ) -> FHRSEstablishment? {
        func original() -> String {
            Field.allCases.compactMap { field in text(field).map { "\(field.elementName)=\($0)" } }
                .joined(separator: "; ")
        }
        func reject(_ field: Field, _ message: String) -> FHRSEstablishment? {
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
        guard let idText = text(.fhrsID) else {
            return reject(.fhrsID, "the establishment has no FHRSID; it cannot be stored without one")
        }
        guard let fhrsID = Int(idText), fhrsID > 0 else {
            return reject(.fhrsID, "FHRSID '\(idText)' is not a positive whole number")
        }
        guard let name = text(.businessName) else {
            return reject(.businessName, "the establishment has no BusinessName")
        }
        func integer(_ field: Field) -> Int? {
            guard let value = text(field) else { return nil }
            guard let number = Int(value) else {
                warn(field, "'\(value)' is not a whole number; left empty")
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
        var ratingDate: CalendarDay?
        if let value = text(.ratingDate) {
            ratingDate = CalendarDay(iso: value)
            if ratingDate == nil { warn(.ratingDate, "'\(value)' is not a date (YYYY-MM-DD); left empty") }
        }
        var pending: Bool?
        if let value = text(.newRatingPending) {
            switch value.lowercased() {
            case "true": pending = true
            case "false": pending = false
            default: warn(.newRatingPending, "'\(value)' is not True or False; left empty")
            }
        }
        return FHRSEstablishment(
            fhrsID: fhrsID, localAuthorityBusinessID: text(.laBusinessID), name: name,
            businessType: text(.businessType), businessTypeID: integer(.businessTypeID),
            addressLines: [.address1, .address2, .address3, .address4].compactMap(text), postcode: text(.postCode),
            ratingValue: text(.ratingValue), ratingKey: text(.ratingKey), ratingDate: ratingDate,
            localAuthorityCode: text(.laCode), localAuthorityName: text(.laName), hygieneScore: integer(.hygiene),
            structuralScore: integer(.structural), confidenceInManagementScore: integer(.confidence),
            schemeType: text(.schemeType), newRatingPending: pending, longitude: decimal(.longitude),
            latitude: decimal(.latitude), rightToReply: text(.rightToReply))
    }
}
