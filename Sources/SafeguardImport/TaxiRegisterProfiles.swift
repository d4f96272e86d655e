import SafeguardCore

/// The Safeguard taxi-register CSV for driver licences (`docs/formats.md`).
public struct TaxiDriverProfile: CSVProfile {
    /// Creates the profile.
    public init() {}

    public var name: String { "taxi-drivers" }

    public var columns: [CSVColumn] {
        [
            CSVColumn("licence_number", aliases: ["Licence Number", "Licence No"], required: true),
            CSVColumn("licence_type", aliases: ["Licence Type", "Type"], required: true),
            CSVColumn("holder_name", aliases: ["Holder", "Name", "Driver Name"]),
            CSVColumn("badge_number", aliases: ["Badge", "Badge No"], required: true),
            CSVColumn("issuing_authority", aliases: ["Authority", "Council", "Licensing Authority"], required: true),
            CSVColumn("issued_on", aliases: ["Issue Date", "Issued"]),
            CSVColumn("expires_on", aliases: ["Expiry Date", "Expires"]),
            CSVColumn("status", aliases: ["Licence Status"], required: true),
            CSVColumn("dbs_issued_on", aliases: ["DBS Issue Date", "DBS Date"]),
            CSVColumn("dbs_update_service", aliases: ["DBS Update Service", "Update Service"]),
            CSVColumn("dbs_last_status_check", aliases: ["DBS Status Check", "Last Status Check"]),
            CSVColumn("barred_lists_checked", aliases: ["Barred Lists", "Barred List Check"]),
            CSVColumn("nr3s_searched_on", aliases: ["NR3S", "NR3S Check", "NR3S Search Date"]),
            CSVColumn("safeguarding_training_on", aliases: ["Safeguarding Training", "CSE Training"]),
            CSVColumn("right_to_work_checked", aliases: ["Right To Work"]),
            CSVColumn("revocation_reason", aliases: ["Revocation Reason", "Suspension Reason"]),
            CSVColumn("victim_age_band", aliases: ["Victim Age Band", "Victim Age"]),
            CSVColumn("vehicle_registration", aliases: ["Vehicle Registration", "Registration", "VRM"]),
        ]
    }

    public func record(from row: MappedRow) throws(RowProblem) -> TaxiDriverLicence {
        // The victim's age band (report 5.6.6) is one of the bands, and only beside a reason.
        let band = try row.choice(16, VictimAgeBand.self)
        if band != nil, row.text(15) == nil {
            throw RowProblem(
                code: "taxi.victim-age", field: "victim_age_band",
                message: "victim_age_band is only recorded with a revocation_reason; give the reason or leave the band empty")
        }
        return TaxiDriverLicence(
            licenceNumber: try row.required(0), licenceType: try Self.required(row.choice(1, TaxiLicenceType.self), row, 1),
            holderName: row.text(2), badgeNumber: row.text(3), issuingAuthority: try row.required(4),
            issuedOn: try row.date(5), expiresOn: try row.date(6),
            status: try Self.required(row.choice(7, TaxiLicenceStatus.self), row, 7), dbsIssuedOn: try row.date(8),
            dbsUpdateService: try row.yesNo(9), dbsLastStatusCheck: try row.date(10),
            barredListsChecked: try row.yesNo(11), nr3sSearchedOn: try row.date(12),
            safeguardingTrainingOn: try row.date(13), rightToWorkChecked: try row.yesNo(14),
            revocationReason: row.text(15), victimAgeBand: band?.rawValue, vehicleRegistration: row.text(17))
    }

    static func required<T>(_ value: T?, _ row: MappedRow, _ index: Int) throws(RowProblem) -> T {
        guard let value else {
            throw RowProblem(code: "csv.required", field: row.names[index], message: "\(row.names[index]) is empty")
        }
        return value
    }
}

/// The Safeguard taxi-register CSV for vehicle licences.
public struct TaxiVehicleProfile: CSVProfile {
    /// Creates the profile.
    public init() {}

    public var name: String { "taxi-vehicles" }

    public var columns: [CSVColumn] {
        [
            CSVColumn("licence_number", aliases: ["Licence Number", "Plate Number", "Plate"], required: true),
            CSVColumn("licence_type", aliases: ["Licence Type", "Type"], required: true),
            CSVColumn("vehicle_registration", aliases: ["Vehicle Registration", "Registration", "VRM"], required: true),
            CSVColumn("make", aliases: ["Vehicle Make"], required: true),
            CSVColumn("model", aliases: ["Vehicle Model"]),
            CSVColumn("proprietor_name", aliases: ["Proprietor", "Owner"]),
            CSVColumn("operator_licence", aliases: ["Operator", "Operator Licence Number"]),
            CSVColumn("issuing_authority", aliases: ["Authority", "Council"], required: true),
            CSVColumn("issued_on", aliases: ["Issue Date"]),
            CSVColumn("expires_on", aliases: ["Expiry Date"]),
            CSVColumn("status", aliases: ["Licence Status"], required: true),
        ]
    }

    public func record(from row: MappedRow) throws(RowProblem) -> TaxiVehicleLicence {
        TaxiVehicleLicence(
            licenceNumber: try row.required(0),
            licenceType: try TaxiDriverProfile.required(row.choice(1, TaxiLicenceType.self), row, 1),
            vehicleRegistration: try row.required(2), make: row.text(3), model: row.text(4),
            proprietorName: row.text(5), operatorLicence: row.text(6), issuingAuthority: try row.required(7),
            issuedOn: try row.date(8), expiresOn: try row.date(9),
            status: try TaxiDriverProfile.required(row.choice(10, TaxiLicenceStatus.self), row, 10))
    }
}

/// The Safeguard taxi-register CSV for private hire operator licences.
public struct TaxiOperatorProfile: CSVProfile {
    /// Creates the profile.
    public init() {}

    public var name: String { "taxi-operators" }

    public var columns: [CSVColumn] {
        [
            CSVColumn("licence_number", aliases: ["Licence Number"], required: true),
            CSVColumn("operator_name", aliases: ["Operator Name", "Trading Name"], required: true),
            CSVColumn("issuing_authority", aliases: ["Authority", "Council"], required: true),
            CSVColumn("issued_on", aliases: ["Issue Date"]),
            CSVColumn("expires_on", aliases: ["Expiry Date"]),
            CSVColumn("status", aliases: ["Licence Status"], required: true),
        ]
    }

    public func record(from row: MappedRow) throws(RowProblem) -> TaxiOperatorLicence {
        TaxiOperatorLicence(
            licenceNumber: try row.required(0), operatorName: try row.required(1), issuingAuthority: try row.required(2),
            issuedOn: try row.date(3), expiresOn: try row.date(4),
            status: try TaxiDriverProfile.required(row.choice(5, TaxiLicenceStatus.self), row, 5))
    }
}

/// Transport for London's published list of licensed private hire drivers (an alias profile of
/// the driver register): licence number, expiry date, surname and forenames. Every listed driver
/// holds a current private hire licence from TfL; the badge number is the licence number.
public struct LondonPHVDriverProfile: CSVProfile {
    /// Creates the profile.
    public init() {}

    public var name: String { "london-phv" }

    public var columns: [CSVColumn] {
        [
            CSVColumn("Licence Number", aliases: ["Driver Licence Number", "PHV Driver Licence Number"], required: true),
            CSVColumn("Expiry Date", aliases: ["Licence Expiry Date", "Expiry"], required: true),
            CSVColumn("Surname", aliases: ["Last Name"], required: true),
            CSVColumn("Forenames", aliases: ["Forename", "Forename(s)", "First Names", "First Name"]),
        ]
    }

    public func record(from row: MappedRow) throws(RowProblem) -> TaxiDriverLicence {
        let number = try row.required(0)
        let holder = [row.text(3), row.text(2)].compactMap { $0 }.joined(separator: " ")
        return TaxiDriverLicence(
            licenceNumber: number, licenceType: .privateHire, holderName: holder.isEmpty ? nil : holder,
            badgeNumber: number, issuingAuthority: "Transport for London", expiresOn: try row.date(1),
            status: .active)
    }
}
