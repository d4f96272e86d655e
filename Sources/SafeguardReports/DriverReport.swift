import SafeguardCore

/// The taxi driver safeguarding report (workflow 3): drivers needing action, most urgent first,
/// each with its reasons and evidence; counts by outcome; overdue checks by month; vehicles and
/// operators linked to reports; the cross-authority list with draft s.5 notifications; and
/// sexual-offence decisions by victim age band (in aggregate only).
///
/// No holder names: the licence number and badge are what an officer acts on. Evidence snippets
/// are the pseudonymised text the store keeps. Nothing here proves anything: an outcome is
/// grounds for a check, an interview or a referral.
public struct DriverReport: Sendable, Hashable, Codable {
    public var title = "Taxi driver safeguarding check"
    /// The authority whose register this is (drivers licensed by others are "elsewhere").
    public var localAuthority: String
    public var asOf: CalendarDay
    public var rulesetHash: String
    /// Drivers scored (every licence in the register).
    public var drivers: Int
    /// Every outcome, least urgent first, with how many drivers it is the outcome for.
    public var outcomes: [OutcomeCount]
    /// Drivers needing action, most urgent first.
    public var entries: [DriverEntry]
    /// Overdue checks by the month they fell due (last 24 months; older ones in `overdueEarlier`).
    public var overdue: [OverdueMonth]
    public var overdueEarlier: OverdueMonth
    public var vehicles: [LinkedVehicle]
    public var operators: [LinkedOperator]
    public var crossAuthority: [CrossAuthorityEntry]
    public var victimAgeBands: [AgeBandCount]

    public init(
        localAuthority: String, asOf: CalendarDay, rulesetHash: String, drivers: Int, outcomes: [OutcomeCount],
        entries: [DriverEntry], overdue: [OverdueMonth], overdueEarlier: OverdueMonth, vehicles: [LinkedVehicle],
        operators: [LinkedOperator], crossAuthority: [CrossAuthorityEntry], victimAgeBands: [AgeBandCount]
    ) {
        self.localAuthority = localAuthority
        self.asOf = asOf
        self.rulesetHash = rulesetHash
        self.drivers = drivers
        self.outcomes = outcomes
        self.entries = entries
        self.overdue = overdue
        self.overdueEarlier = overdueEarlier
        self.vehicles = vehicles
        self.operators = operators
        self.crossAuthority = crossAuthority
        self.victimAgeBands = victimAgeBands
    }

    /// The entry for one licence, if it needs action.
    public func entry(licence: String, authority: String? = nil) -> DriverEntry? {
        self.entries.first { $0.licenceNumber == licence && (authority == nil || $0.issuingAuthority == authority) }
    }
}

/// How many drivers have an outcome.
public struct OutcomeCount: Sendable, Hashable, Codable {
    public var outcome: String
    public var action: String
    public var drivers: Int

    public init(outcome: String, action: String, drivers: Int) {
        self.outcome = outcome
        self.action = action
        self.drivers = drivers
    }
}

/// One driver needing action.
public struct DriverEntry: Sendable, Hashable, Codable {
    public var rank: Int
    public var licenceNumber: String
    public var badgeNumber: String?
    public var issuingAuthority: String
    public var licensedElsewhere: Bool
    public var licenceType: String
    public var status: String
    public var expiresOn: CalendarDay?
    public var vehicleRegistration: String?
    public var operatorLicence: String?
    /// The most urgent outcome (band id) and its action.
    public var outcome: String
    public var action: String
    public var score: Double
    /// Every outcome the fired rules call for, most urgent first, each with why.
    public var requiredActions: [RequiredAction]
    public var findings: [Finding]

    public init(
        rank: Int, licenceNumber: String, badgeNumber: String?, issuingAuthority: String, licensedElsewhere: Bool,
        licenceType: String, status: String, expiresOn: CalendarDay?, vehicleRegistration: String?,
        operatorLicence: String?, outcome: String, action: String, score: Double, requiredActions: [RequiredAction],
        findings: [Finding]
    ) {
        self.rank = rank
        self.licenceNumber = licenceNumber
        self.badgeNumber = badgeNumber
        self.issuingAuthority = issuingAuthority
        self.licensedElsewhere = licensedElsewhere
        self.licenceType = licenceType
        self.status = status
        self.expiresOn = expiresOn
        self.vehicleRegistration = vehicleRegistration
        self.operatorLicence = operatorLicence
        self.outcome = outcome
        self.action = action
        self.score = score
        self.requiredActions = requiredActions
        self.findings = findings
    }

    /// One line per finding: "title: explanation".
    public var reasons: [String] {
        self.findings.map { "\($0.title): \($0.explanation)" }
    }
}

/// An outcome a driver needs, and the rules (by title) that call for it.
public struct RequiredAction: Sendable, Hashable, Codable {
    public var outcome: String
    public var action: String
    public var because: [String]

    public init(outcome: String, action: String, because: [String]) {
        self.outcome = outcome
        self.action = action
        self.because = because
    }
}

/// Overdue checks that fell due in one month.
public struct OverdueMonth: Sendable, Hashable, Codable {
    /// `YYYY-MM`, or `earlier`.
    public var month: String
    public var dbs: Int
    public var training: Int
    public var nr3s: Int

    public init(month: String, dbs: Int = 0, training: Int = 0, nr3s: Int = 0) {
        self.month = month
        self.dbs = dbs
        self.training = training
        self.nr3s = nr3s
    }

    public var total: Int { self.dbs + self.training + self.nr3s }
}

/// A report or intelligence record as listed under a vehicle, operator or cross-authority entry.
public struct DocumentLine: Sendable, Hashable, Codable {
    public var source: String
    public var id: String
    public var date: CalendarDay?
    public var origin: String
    public var signs: [String]
    public var snippet: String

    public init(source: String, id: String, date: CalendarDay?, origin: String, signs: [String], snippet: String) {
        self.source = source
        self.id = id
        self.date = date
        self.origin = origin
        self.signs = signs
        self.snippet = snippet
    }
}

/// A licensed vehicle named in reports or intelligence.
public struct LinkedVehicle: Sendable, Hashable, Codable {
    public var licenceNumber: String
    public var registration: String
    public var issuingAuthority: String
    public var operatorLicence: String?
    public var operatorName: String?
    /// Drivers on the register linked to this vehicle (licence numbers).
    public var drivers: [String]
    public var documents: [DocumentLine]

    public init(
        licenceNumber: String, registration: String, issuingAuthority: String, operatorLicence: String?,
        operatorName: String?, drivers: [String], documents: [DocumentLine]
    ) {
        self.licenceNumber = licenceNumber
        self.registration = registration
        self.issuingAuthority = issuingAuthority
        self.operatorLicence = operatorLicence
        self.operatorName = operatorName
        self.drivers = drivers
        self.documents = documents
    }
}

/// An operator whose vehicles are named in reports or intelligence.
public struct LinkedOperator: Sendable, Hashable, Codable {
    public var licenceNumber: String
    public var name: String
    public var issuingAuthority: String
    public var vehicles: [String]
    public var documents: Int

    public init(licenceNumber: String, name: String, issuingAuthority: String, vehicles: [String], documents: Int) {
        self.licenceNumber = licenceNumber
        self.name = name
        self.issuingAuthority = issuingAuthority
        self.vehicles = vehicles
        self.documents = documents
    }
}

/// A driver or vehicle licensed by another authority that appears in this area's reports or
/// intelligence, with the draft s.5 notification and the s.6 reply when it has come.
public struct CrossAuthorityEntry: Sendable, Hashable, Codable {
    /// `driver` or `vehicle`.
    public var kind: String
    public var licenceNumber: String
    public var badgeOrRegistration: String
    public var issuingAuthority: String
    /// The driver's outcome here (drivers only).
    public var outcome: String?
    public var documents: [DocumentLine]
    /// `draft`, `awaiting-reply` or `replied`.
    public var notificationStatus: String
    public var notifiedOn: CalendarDay?
    public var repliedOn: CalendarDay?
    public var decision: String?
    public var replyNote: String?
    /// The draft s.5 notification (from `rules/templates/s5-notification.mustache`), to edit and send.
    public var draftNotification: String

    public init(
        kind: String, licenceNumber: String, badgeOrRegistration: String, issuingAuthority: String, outcome: String?,
        documents: [DocumentLine], notificationStatus: String, notifiedOn: CalendarDay?, repliedOn: CalendarDay?,
        decision: String?, replyNote: String?, draftNotification: String
    ) {
        self.kind = kind
        self.licenceNumber = licenceNumber
        self.badgeOrRegistration = badgeOrRegistration
        self.issuingAuthority = issuingAuthority
        self.outcome = outcome
        self.documents = documents
        self.notificationStatus = notificationStatus
        self.notifiedOn = notifiedOn
        self.repliedOn = repliedOn
        self.decision = decision
        self.replyNote = replyNote
        self.draftNotification = draftNotification
    }
}

/// Refusals, suspensions, revocations and non-renewals for a sexual offence, by victim age band.
public struct AgeBandCount: Sendable, Hashable, Codable {
    public var band: String
    /// Decided by this authority.
    public var here: Int
    /// Decided by other authorities (history of drivers licensed or applying here).
    public var elsewhere: Int

    public init(band: String, here: Int, elsewhere: Int) {
        self.band = band
        self.here = here
        self.elsewhere = elsewhere
    }
}
