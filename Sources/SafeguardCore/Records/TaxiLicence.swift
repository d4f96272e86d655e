/// The kind of taxi licence.
public enum TaxiLicenceType: String, Sendable, Hashable, Codable, CaseIterable {
    /// Hackney carriage (can be hailed).
    case hackney
    /// Private hire (pre-booked through an operator).
    case privateHire = "private-hire"
    /// A dual (hackney and private hire) licence.
    case dual
}

/// The state of a taxi licence in the register.
public enum TaxiLicenceStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case active, suspended, revoked, expired, surrendered
    /// An application (grant) not yet decided: the person is not licensed here yet.
    case applied
}

/// A taxi driver licence as kept in the Safeguard taxi-register CSV (`docs/formats.md`).
public struct TaxiDriverLicence: Sendable, Hashable, Codable {
    /// The licence number, unique within the issuing authority.
    public var licenceNumber: String
    /// Hackney, private hire or dual.
    public var licenceType: TaxiLicenceType
    /// The holder's name (personal data: never printed in errors or logs).
    public var holderName: String?
    /// The badge number worn by the driver.
    public var badgeNumber: String?
    /// The council (or TfL) that issued it.
    public var issuingAuthority: String
    /// Issue date.
    public var issuedOn: CalendarDay?
    /// Expiry date.
    public var expiresOn: CalendarDay?
    /// Licence status.
    public var status: TaxiLicenceStatus
    /// Date of the enhanced DBS certificate.
    public var dbsIssuedOn: CalendarDay?
    /// Whether the driver subscribes to the DBS Update Service.
    public var dbsUpdateService: Bool?
    /// Date of the last Update Service status check.
    public var dbsLastStatusCheck: CalendarDay?
    /// Whether the children's and adults' barred lists were checked.
    public var barredListsChecked: Bool?
    /// Date the NR3S (refusals and revocations register) was searched.
    public var nr3sSearchedOn: CalendarDay?
    /// Date of safeguarding / CSE awareness training.
    public var safeguardingTrainingOn: CalendarDay?
    /// Whether right to work was checked.
    public var rightToWorkChecked: Bool?
    /// Reason for a revocation or suspension, when there was one.
    public var revocationReason: String?
    /// For sexual-offence revocations, the victim's age band (report 5.6.6: not recorded today).
    public var victimAgeBand: String?
    /// The registration of the vehicle the driver is linked to, when known.
    public var vehicleRegistration: String?

    /// Creates a driver licence.
    public init(
        licenceNumber: String, licenceType: TaxiLicenceType, holderName: String? = nil, badgeNumber: String? = nil,
        issuingAuthority: String, issuedOn: CalendarDay? = nil, expiresOn: CalendarDay? = nil,
        status: TaxiLicenceStatus, dbsIssuedOn: CalendarDay? = nil, dbsUpdateService: Bool? = nil,
        dbsLastStatusCheck: CalendarDay? = nil, barredListsChecked: Bool? = nil, nr3sSearchedOn: CalendarDay? = nil,
        safeguardingTrainingOn: CalendarDay? = nil, rightToWorkChecked: Bool? = nil,
        revocationReason: String? = nil, victimAgeBand: String? = nil, vehicleRegistration: String? = nil
    ) {
        self.licenceNumber = licenceNumber
        self.licenceType = licenceType
        self.holderName = holderName
        self.badgeNumber = badgeNumber
        self.issuingAuthority = issuingAuthority
        self.issuedOn = issuedOn
        self.expiresOn = expiresOn
        self.status = status
        self.dbsIssuedOn = dbsIssuedOn
        self.dbsUpdateService = dbsUpdateService
        self.dbsLastStatusCheck = dbsLastStatusCheck
        self.barredListsChecked = barredListsChecked
        self.nr3sSearchedOn = nr3sSearchedOn
        self.safeguardingTrainingOn = safeguardingTrainingOn
        self.rightToWorkChecked = rightToWorkChecked
        self.revocationReason = revocationReason
        self.victimAgeBand = victimAgeBand
        self.vehicleRegistration = vehicleRegistration
    }
}

/// A licensed vehicle as kept in the Safeguard taxi-register CSV.
public struct TaxiVehicleLicence: Sendable, Hashable, Codable {
    /// The vehicle (plate) licence number.
    public var licenceNumber: String
    /// Hackney, private hire or dual.
    public var licenceType: TaxiLicenceType
    /// The registration mark (number plate).
    public var vehicleRegistration: String
    /// Make ("Toyota").
    public var make: String?
    /// Model ("Prius").
    public var model: String?
    /// The proprietor's name (personal data).
    public var proprietorName: String?
    /// The licence number of the operator it works for, when known.
    public var operatorLicence: String?
    /// The issuing council.
    public var issuingAuthority: String
    /// Issue date.
    public var issuedOn: CalendarDay?
    /// Expiry date.
    public var expiresOn: CalendarDay?
    /// Licence status.
    public var status: TaxiLicenceStatus

    /// Creates a vehicle licence.
    public init(
        licenceNumber: String, licenceType: TaxiLicenceType, vehicleRegistration: String, make: String? = nil,
        model: String? = nil, proprietorName: String? = nil, operatorLicence: String? = nil,
        issuingAuthority: String, issuedOn: CalendarDay? = nil, expiresOn: CalendarDay? = nil,
        status: TaxiLicenceStatus
    ) {
        self.licenceNumber = licenceNumber
        self.licenceType = licenceType
        self.vehicleRegistration = vehicleRegistration
        self.make = make
        self.model = model
        self.proprietorName = proprietorName
        self.operatorLicence = operatorLicence
        self.issuingAuthority = issuingAuthority
        self.issuedOn = issuedOn
        self.expiresOn = expiresOn
        self.status = status
    }
}

/// A private hire operator licence as kept in the Safeguard taxi-register CSV.
public struct TaxiOperatorLicence: Sendable, Hashable, Codable {
    /// The operator licence number.
    public var licenceNumber: String
    /// The operator's trading name.
    public var operatorName: String
    /// The issuing council.
    public var issuingAuthority: String
    /// Issue date.
    public var issuedOn: CalendarDay?
    /// Expiry date.
    public var expiresOn: CalendarDay?
    /// Licence status.
    public var status: TaxiLicenceStatus

    /// Creates an operator licence.
    public init(
        licenceNumber: String, operatorName: String, issuingAuthority: String, issuedOn: CalendarDay? = nil,
        expiresOn: CalendarDay? = nil, status: TaxiLicenceStatus
    ) {
        self.licenceNumber = licenceNumber
        self.operatorName = operatorName
        self.issuingAuthority = issuingAuthority
        self.issuedOn = issuedOn
        self.expiresOn = expiresOn
        self.status = status
    }
}
