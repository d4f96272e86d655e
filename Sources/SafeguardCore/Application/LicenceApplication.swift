/// A premises licence application as the statutory form gives it (Licensing Act 2003 (Premises
/// licences and club premises certificates) Regulations 2005, Schedule 2, with its operating schedule).
///
/// Read from JSON or XML by `ApplicationFormReader` (one schema, `docs/formats.md`); turned into
/// the `application.*` rule facts in one place, `LicenceApplication.facts(recognising:history:)`.
public struct LicenceApplication: Sendable, Hashable, Encodable {
    /// The application reference (the authority's or the applicant's).
    public var reference: String
    /// What is applied for.
    public var kind: Kind
    /// The day the application was given to the authority.
    public var received: CalendarDay
    /// The licensing authority it was given to, when the form says.
    public var authority: String?
    /// Who applies.
    public var applicant: Applicant
    /// The premises.
    public var premises: Premises
    /// The licensable activities, each with its days and hours.
    public var activities: [ActivityHours]
    /// Hours the premises are open to the public.
    public var openingHours: OpeningHours?
    /// The form's box on "adult entertainment or services, activities, other entertainment or matters
    /// ancillary to the use of the premises that may give rise to concern in respect of children", as written.
    public var adultEntertainment: String?
    /// The steps volunteered for each licensing objective.
    public var operatingSchedule: OperatingSchedule
    /// The proposed designated premises supervisor, when alcohol is supplied or the DPS changes.
    public var proposedDPS: ProposedDPS?
    /// The declarations the screening needs.
    public var declarations: Declarations
    /// For a variation: what the variation changes, as written.
    public var variation: String?

    /// Creates an application.
    public init(
        reference: String, kind: Kind, received: CalendarDay, authority: String? = nil, applicant: Applicant,
        premises: Premises, activities: [ActivityHours] = [], openingHours: OpeningHours? = nil,
        adultEntertainment: String? = nil, operatingSchedule: OperatingSchedule = OperatingSchedule(),
        proposedDPS: ProposedDPS? = nil, declarations: Declarations = Declarations(), variation: String? = nil
    ) {
        self.reference = reference
        self.kind = kind
        self.received = received
        self.authority = authority
        self.applicant = applicant
        self.premises = premises
        self.activities = activities
        self.openingHours = openingHours
        self.adultEntertainment = adultEntertainment
        self.operatingSchedule = operatingSchedule
        self.proposedDPS = proposedDPS
        self.declarations = declarations
        self.variation = variation
    }

    enum CodingKeys: String, CodingKey {
        case reference, kind, received, authority, applicant, premises, activities
        case openingHours = "opening-hours", adultEntertainment = "adult-entertainment"
        case operatingSchedule = "operating-schedule", proposedDPS = "proposed-dps", declarations, variation
    }

    /// The field names of the top level, for unknown-field warnings.
    public static let fieldNames = [
        "reference", "kind", "received", "authority", "applicant", "premises", "activities", "opening-hours",
        "adult-entertainment", "operating-schedule", "proposed-dps", "declarations", "variation",
    ]
}

extension LicenceApplication {
    /// What is applied for: each kind has its own representation window.
    public enum Kind: String, Sendable, Hashable, Encodable, CaseIterable {
        case newPremisesLicence = "new-premises-licence"
        case fullVariation = "full-variation"
        case minorVariation = "minor-variation"
        case dpsChange = "dps-change"
    }

    /// The premises type the form's description comes down to.
    public enum PremisesType: String, Sendable, Hashable, Encodable, CaseIterable {
        case hotel
        case bedAndBreakfast = "bed-and-breakfast"
        case pub
        case nightclub
        case bar
        case sexualEntertainmentVenue = "sexual-entertainment-venue"
        case saunaMassage = "sauna-massage"
        case lateNightRefreshment = "late-night-refreshment"
        case offLicence = "off-licence"
        case amusementCentre = "amusement-centre"
        case cafeRestaurant = "cafe-restaurant"
        case other
    }

    /// A licensable activity (Licensing Act 2003 s.1 and Schedules 1 and 2).
    public enum Activity: String, Sendable, Hashable, Encodable, CaseIterable {
        case plays
        case films
        case indoorSport = "indoor-sport"
        case boxingOrWrestling = "boxing-or-wrestling"
        case liveMusic = "live-music"
        case recordedMusic = "recorded-music"
        case performanceOfDance = "performance-of-dance"
        case similarEntertainment = "anything-of-a-similar-description"
        case lateNightRefreshment = "late-night-refreshment"
        case alcoholOn = "supply-of-alcohol-on"
        case alcoholOff = "supply-of-alcohol-off"
    }

    /// A day of the week.
    public enum Weekday: String, Sendable, Hashable, Encodable, CaseIterable {
        case mon, tue, wed, thu, fri, sat, sun
    }

    /// Who the applicant is.
    public struct Applicant: Sendable, Hashable, Encodable {
        public var name: String
        public var address: String?

        /// Creates an applicant.
        public init(name: String, address: String? = nil) {
            self.name = name
            self.address = address
        }

        public static let fieldNames = ["name", "address"]
    }

    /// The premises as the form describes them.
    public struct Premises: Sendable, Hashable, Encodable {
        public var name: String
        public var address: String?
        public var postcode: String?
        /// Unique Property Reference Number, when given.
        public var uprn: String?
        /// The form's general description of the premises.
        public var description: String?
        public var type: PremisesType

        /// Creates premises.
        public init(
            name: String, address: String? = nil, postcode: String? = nil, uprn: String? = nil,
            description: String? = nil, type: PremisesType
        ) {
            self.name = name
            self.address = address
            self.postcode = postcode
            self.uprn = uprn
            self.description = description
            self.type = type
        }

        public static let fieldNames = ["name", "address", "postcode", "uprn", "description", "type"]
    }

    /// A time of day, `HH:MM` (00:00-23:59; 24:00 is read as 00:00 of the next day).
    public struct ClockTime: Sendable, Hashable, Encodable, CustomStringConvertible {
        /// Minutes after midnight.
        public var minutes: Int

        /// Creates a time from minutes after midnight.
        public init(minutes: Int) {
            self.minutes = minutes
        }

        /// Parses `HH:MM`; nil when malformed.
        public init?(_ text: String) {
            let parts = text.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2, parts[0].count == 2, parts[1].count == 2, let hours = Int(parts[0]),
                let minutes = Int(parts[1]), (0...24).contains(hours), (0...59).contains(minutes),
                hours < 24 || minutes == 0
            else { return nil }
            self.minutes = (hours * 60 + minutes) % 1440
        }

        public var description: String {
            let hours = self.minutes / 60
            let minutes = self.minutes % 60
            return (hours < 10 ? "0" : "") + "\(hours):" + (minutes < 10 ? "0" : "") + "\(minutes)"
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(self.description)
        }
    }

    /// Days and hours: `to` at or before `from` runs past midnight.
    public struct Session: Sendable, Hashable, Encodable {
        public var days: [Weekday]
        public var from: ClockTime
        public var to: ClockTime

        /// Creates a session.
        public init(days: [Weekday], from: ClockTime, to: ClockTime) {
            self.days = days
            self.from = from
            self.to = to
        }

        /// Minutes after the start of the day the session starts on at which it ends (past 1440 after midnight).
        public var endMinute: Int {
            self.to.minutes <= self.from.minutes ? self.to.minutes + 1440 : self.to.minutes
        }

        public static let fieldNames = ["days", "from", "to"]
    }

    /// One licensable activity with its times.
    public struct ActivityHours: Sendable, Hashable, Encodable {
        public var activity: Activity
        public var times: [Session]
        /// Indoors, outdoors or both, when the form says.
        public var place: String?
        public var seasonalVariations: String?
        public var nonStandardTimings: String?

        /// Creates an activity with its times.
        public init(
            activity: Activity, times: [Session], place: String? = nil, seasonalVariations: String? = nil,
            nonStandardTimings: String? = nil
        ) {
            self.activity = activity
            self.times = times
            self.place = place
            self.seasonalVariations = seasonalVariations
            self.nonStandardTimings = nonStandardTimings
        }

        enum CodingKeys: String, CodingKey {
            case activity, times, place
            case seasonalVariations = "seasonal-variations", nonStandardTimings = "non-standard-timings"
        }

        public static let fieldNames = ["activity", "times", "place", "seasonal-variations", "non-standard-timings"]
    }

    /// Hours open to the public.
    public struct OpeningHours: Sendable, Hashable, Encodable {
        public var times: [Session]
        public var seasonalVariations: String?
        public var nonStandardTimings: String?

        /// Creates opening hours.
        public init(times: [Session], seasonalVariations: String? = nil, nonStandardTimings: String? = nil) {
            self.times = times
            self.seasonalVariations = seasonalVariations
            self.nonStandardTimings = nonStandardTimings
        }

        enum CodingKeys: String, CodingKey {
            case times
            case seasonalVariations = "seasonal-variations", nonStandardTimings = "non-standard-timings"
        }

        public static let fieldNames = ["times", "seasonal-variations", "non-standard-timings"]
    }

    /// The four licensing objectives (plus the general steps): the steps volunteered for each.
    public struct OperatingSchedule: Sendable, Hashable, Encodable {
        public var general: [String]
        public var crimeAndDisorder: [String]
        public var publicSafety: [String]
        public var publicNuisance: [String]
        public var childrenFromHarm: [String]

        /// Creates an operating schedule.
        public init(
            general: [String] = [], crimeAndDisorder: [String] = [], publicSafety: [String] = [],
            publicNuisance: [String] = [], childrenFromHarm: [String] = []
        ) {
            self.general = general
            self.crimeAndDisorder = crimeAndDisorder
            self.publicSafety = publicSafety
            self.publicNuisance = publicNuisance
            self.childrenFromHarm = childrenFromHarm
        }

        enum CodingKeys: String, CodingKey {
            case general
            case crimeAndDisorder = "prevention-of-crime-and-disorder"
            case publicSafety = "public-safety"
            case publicNuisance = "prevention-of-public-nuisance"
            case childrenFromHarm = "protection-of-children-from-harm"
        }

        public static let fieldNames = [
            "general", "prevention-of-crime-and-disorder", "public-safety", "prevention-of-public-nuisance",
            "protection-of-children-from-harm",
        ]

        /// Every step with the objective it was volunteered under, in form order.
        public var allSteps: [(objective: String, step: String)] {
            self.general.map { ("general", $0) } + self.crimeAndDisorder.map { ("prevention-of-crime-and-disorder", $0) }
                + self.publicSafety.map { ("public-safety", $0) }
                + self.publicNuisance.map { ("prevention-of-public-nuisance", $0) }
                + self.childrenFromHarm.map { ("protection-of-children-from-harm", $0) }
        }
    }

    /// The proposed designated premises supervisor.
    public struct ProposedDPS: Sendable, Hashable, Encodable {
        public var name: String
        public var personalLicence: String?
        /// Declared: convicted of selling alcohol to a child (Licensing Act 2003 s.146-147).
        public var convictedOfSellingAlcoholToAChild: Bool

        /// Creates a proposed DPS.
        public init(name: String, personalLicence: String? = nil, convictedOfSellingAlcoholToAChild: Bool = false) {
            self.name = name
            self.personalLicence = personalLicence
            self.convictedOfSellingAlcoholToAChild = convictedOfSellingAlcoholToAChild
        }

        enum CodingKeys: String, CodingKey {
            case name
            case personalLicence = "personal-licence"
            case convictedOfSellingAlcoholToAChild = "convicted-of-selling-alcohol-to-a-child"
        }

        public static let fieldNames = ["name", "personal-licence", "convicted-of-selling-alcohol-to-a-child"]
    }

    /// Whether under-18s are admitted.
    public enum ChildrenAdmitted: String, Sendable, Hashable, Encodable, CaseIterable {
        case no
        case accompanied
        case yes
    }

    /// The age-verification policy the applicant operates.
    public enum AgeVerificationPolicy: String, Sendable, Hashable, Encodable, CaseIterable {
        case none
        case challenge21 = "challenge-21"
        case challenge25 = "challenge-25"
    }

    /// The declarations the screening needs (Coventry's focus points).
    public struct Declarations: Sendable, Hashable, Encodable {
        public var staffConvictedOfSellingAlcoholToAChild: Bool
        public var anyoneOnSexOffendersRegister: Bool
        /// Rooms let for overnight accommodation (0 when none).
        public var accommodationRooms: Int
        public var childrensActivities: Bool
        /// Gambling machines on the premises (0 when none).
        public var gamblingMachines: Int
        public var ageVerificationPolicy: AgeVerificationPolicy
        public var under18sAdmitted: ChildrenAdmitted

        /// Creates declarations (defaults: nothing declared, no policy, under-18s not admitted).
        public init(
            staffConvictedOfSellingAlcoholToAChild: Bool = false, anyoneOnSexOffendersRegister: Bool = false,
            accommodationRooms: Int = 0, childrensActivities: Bool = false, gamblingMachines: Int = 0,
            ageVerificationPolicy: AgeVerificationPolicy = .none, under18sAdmitted: ChildrenAdmitted = .no
        ) {
            self.staffConvictedOfSellingAlcoholToAChild = staffConvictedOfSellingAlcoholToAChild
            self.anyoneOnSexOffendersRegister = anyoneOnSexOffendersRegister
            self.accommodationRooms = accommodationRooms
            self.childrensActivities = childrensActivities
            self.gamblingMachines = gamblingMachines
            self.ageVerificationPolicy = ageVerificationPolicy
            self.under18sAdmitted = under18sAdmitted
        }

        enum CodingKeys: String, CodingKey {
            case staffConvictedOfSellingAlcoholToAChild = "staff-convicted-of-selling-alcohol-to-a-child"
            case anyoneOnSexOffendersRegister = "anyone-on-sex-offenders-register"
            case accommodationRooms = "accommodation-rooms"
            case childrensActivities = "childrens-activities"
            case gamblingMachines = "gambling-machines"
            case ageVerificationPolicy = "age-verification-policy"
            case under18sAdmitted = "under-18s-admitted"
        }

        public static let fieldNames = [
            "staff-convicted-of-selling-alcohol-to-a-child", "anyone-on-sex-offenders-register", "accommodation-rooms",
            "childrens-activities", "gambling-machines", "age-verification-policy", "under-18s-admitted",
        ]
    }
}
