import Foundation
import SafeguardCore

extension CorpusGenerator {
    /// One planned application in the statutory-form format and the rules it is planted to fire.
    private struct ApplicationPlan {
        var application: LicenceApplication
        var expected: [String]
    }

    /// Writes licence applications in Safeguard's statutory-form JSON format (docs/formats.md), one file
    /// each: the eight screening cases of issue 9 plus a planted hotel whose history raises it and a quiet restaurant.
    func writeApplications(hotels: [CorpusHotel], directory: URL) throws -> [CorpusManifest.PlantedApplication] {
        var rng = self.random(7)
        typealias A = LicenceApplication
        func t(_ text: String) -> A.ClockTime { A.ClockTime(text)! }
        let daily = A.Weekday.allCases
        let weekend: [A.Weekday] = [.fri, .sat]
        func hours(_ activity: A.Activity, _ from: String, _ to: String, days: [A.Weekday]? = nil, nonStandard: String? = nil)
            -> A.ActivityHours
        {
            A.ActivityHours(
                activity: activity, times: [A.Session(days: days ?? daily, from: t(from), to: t(to))], place: "indoors",
                nonStandardTimings: nonStandard)
        }
        func postcode() -> String {
            let district = rng.pick(CorpusVocabulary.districts)
            return "\(district.code) \(rng.int(1, 9))\(rng.pick(Array("ABDEFGHJLNPQRSTUWXYZ")))\(rng.pick(Array("ABDEFGHJLNPQRSTUWXYZ")))"
        }
        func received() -> CalendarDay { self.asOf.adding(days: -rng.int(3, 20)) }
        func applicant(_ name: String) -> A.Applicant { A.Applicant(name: name, address: "\(rng.int(1, 200)) Market Street, Kelverton") }
        func dps() -> A.ProposedDPS {
            A.ProposedDPS(name: "\(rng.pick(["Alex", "Sam", "Jo", "Chris", "Pat"])) \(rng.pick(["Morgan", "Shaw", "Patel", "Hughes", "Reid"]))",
                          personalLicence: "KV/PL/\(rng.int(1000, 9999))")
        }
        let authority = "Kelverton Borough Council"
        var plans: [ApplicationPlan] = []
        func add(_ kind: A.Kind, _ premises: A.Premises, _ activities: [A.ActivityHours], adult: String? = nil,
                 schedule: A.OperatingSchedule, dps: A.ProposedDPS?, declarations: A.Declarations,
                 variation: String? = nil, owner: String, expected: [String]) {
            let reference = "KV/APP/2026/\(pad(plans.count + 1, 4))"
            plans.append(ApplicationPlan(application: A(
                reference: reference, kind: kind, received: received(), authority: authority, applicant: applicant(owner),
                premises: premises, activities: activities, openingHours: nil, adultEntertainment: adult,
                operatingSchedule: schedule, proposedDPS: dps, declarations: declarations, variation: variation),
                expected: expected))
        }
        // 1. A sauna with a bar, open late.
        add(.newPremisesLicence,
            A.Premises(name: "Steam Rooms Spa", address: "12 Canal Street, Kelverton", postcode: postcode(),
                       description: "Sauna, steam room and massage suites with a small lounge bar", type: .saunaMassage),
            [hours(.alcoholOn, "12:00", "02:00")], adult: "Massage services in private rooms",
            schedule: A.OperatingSchedule(crimeAndDisorder: ["CCTV covering the entrance and reception"]),
            dps: dps(), declarations: A.Declarations(ageVerificationPolicy: .challenge25),
            owner: "Steam Rooms Leisure Ltd",
            expected: ["coventry-adult-entertainment", "application-sauna-or-massage"])
        // 2. A nightclub with under-18 nights.
        add(.newPremisesLicence,
            A.Premises(name: "Pulse Nightclub", address: "3 Station Approach, Kelverton", postcode: postcode(),
                       description: "Two-floor nightclub", type: .nightclub),
            [hours(.recordedMusic, "21:00", "03:00", days: weekend, nonStandard: "Under-18 nights on the first Sunday of each month, 18:00-21:30, no alcohol on sale"),
             hours(.performanceOfDance, "21:00", "03:00", days: weekend), hours(.alcoholOn, "21:00", "03:00", days: weekend)],
            schedule: A.OperatingSchedule(crimeAndDisorder: ["SIA door supervisors from 21:00", "CCTV throughout"],
                                          childrenFromHarm: ["Challenge 25 at the bar"]),
            dps: dps(), declarations: A.Declarations(childrensActivities: true, ageVerificationPolicy: .challenge25, under18sAdmitted: .yes),
            owner: "Pulse Venues Ltd",
            expected: ["coventry-alcohol-to-under-18s", "coventry-children-activities"])
        // 3. A hotel with a residents' bar.
        add(.newPremisesLicence,
            A.Premises(name: "\(rng.pick(CorpusVocabulary.hotelStems)) Court Hotel", address: "40 London Road, Kelverton",
                       postcode: postcode(), description: "36-bedroom hotel with a residents' bar", type: .hotel),
            [hours(.alcoholOn, "11:00", "00:00")],
            schedule: A.OperatingSchedule(crimeAndDisorder: ["CCTV in reception and car park", "An incident log is kept at reception"]),
            dps: dps(), declarations: A.Declarations(accommodationRooms: 36, ageVerificationPolicy: .challenge25),
            owner: "Court Hotels Ltd", expected: ["application-overnight-with-alcohol"])
        // 4. An off-licence whose proposed DPS was convicted of selling alcohol to a child.
        var convicted = dps()
        convicted.convictedOfSellingAlcoholToAChild = true
        add(.newPremisesLicence,
            A.Premises(name: "Corner Wines", address: "88 High Street, Kelverton", postcode: postcode(),
                       description: "Convenience store and off-licence", type: .offLicence),
            [hours(.alcoholOff, "08:00", "23:00")],
            schedule: A.OperatingSchedule(childrenFromHarm: ["Challenge 25 with a refusals register"]),
            dps: convicted, declarations: A.Declarations(ageVerificationPolicy: .challenge25),
            owner: "Corner Wines Ltd", expected: ["coventry-staff-conviction-or-register"])
        // 5. A sexual entertainment venue.
        add(.newPremisesLicence,
            A.Premises(name: "Velvet Rooms", address: "5 Queen Street, Kelverton", postcode: postcode(),
                       description: "Lap-dancing club", type: .sexualEntertainmentVenue),
            [hours(.performanceOfDance, "21:00", "04:00"), hours(.alcoholOn, "21:00", "04:00")],
            adult: "Relevant entertainment (lap dancing) under a sexual entertainment venue licence",
            schedule: A.OperatingSchedule(
                crimeAndDisorder: ["SIA door supervisors at all times", "CCTV throughout"],
                childrenFromHarm: ["Over 18s only: admission will be controlled at every door"]),
            dps: dps(), declarations: A.Declarations(ageVerificationPolicy: .challenge25),
            owner: "Velvet Leisure Ltd", expected: ["coventry-adult-entertainment"])
        // 6. An amusement centre with a café open late.
        add(.newPremisesLicence,
            A.Premises(name: "Lucky Spin Amusements", address: "1 Promenade, Kelverton", postcode: postcode(),
                       description: "Adult gaming and family entertainment centre with a café", type: .amusementCentre),
            [hours(.lateNightRefreshment, "23:00", "01:00")],
            schedule: A.OperatingSchedule(crimeAndDisorder: ["CCTV"]),
            dps: nil, declarations: A.Declarations(gamblingMachines: 40, ageVerificationPolicy: .challenge25, under18sAdmitted: .yes),
            owner: "Lucky Spin Ltd", expected: ["coventry-gambling", "application-gambling-with-children"])
        // 7. A daytime coffee shop with music.
        add(.newPremisesLicence,
            A.Premises(name: "The Bean Counter", address: "9 Church Lane, Kelverton", postcode: postcode(),
                       description: "Daytime coffee shop", type: .cafeRestaurant),
            [hours(.liveMusic, "10:00", "18:00"), hours(.recordedMusic, "08:00", "18:00")],
            schedule: A.OperatingSchedule(general: ["Music at background level only"]),
            dps: nil, declarations: A.Declarations(under18sAdmitted: .yes),
            owner: "Bean Counter Coffee Ltd", expected: [])
        // 8. A minor variation for a quiet pub.
        add(.minorVariation,
            A.Premises(name: "The Plough", address: "2 Green Lane, Kelverton", postcode: postcode(),
                       description: "Village pub", type: .pub),
            [hours(.alcoholOn, "11:00", "23:00")],
            schedule: A.OperatingSchedule(crimeAndDisorder: ["A refusals register and an incident log are kept behind the bar"],
                                          childrenFromHarm: ["Challenge 25"]),
            dps: nil, declarations: A.Declarations(ageVerificationPolicy: .challenge25),
            variation: "Move the bar servery two metres and add two tables", owner: "Plough Inns Ltd", expected: [])
        // 9. A planted hotel from the store (recurring signs) applying for a full variation: raised by its history.
        if let hotel = hotels.first(where: { $0.role == .planted && $0.establishment.postcode != nil }) {
            add(.fullVariation,
                A.Premises(name: hotel.establishment.name, address: "\(hotel.establishment.addressLine1), \(hotel.establishment.town)",
                           postcode: hotel.establishment.postcode, description: "Hotel with bar", type: .hotel),
                [hours(.alcoholOn, "11:00", "01:00")],
                schedule: A.OperatingSchedule(
                    crimeAndDisorder: ["CCTV", "Incident log and refusals register kept"],
                    childrenFromHarm: ["Staff complete CSE awareness training", "Photo ID at check-in for walk-in bookings",
                                       "Guest age checked at check-in", "A trigger plan and police reporting protocol"]),
                dps: dps(), declarations: A.Declarations(accommodationRooms: 20, ageVerificationPolicy: .challenge25),
                variation: "Extend bar hours to 01:00", owner: "\(hotel.establishment.name) Ltd",
                expected: ["application-premises-history-signs"])
        }
        // 10. A quiet restaurant with good practice.
        add(.newPremisesLicence,
            A.Premises(name: "The \(rng.pick(CorpusVocabulary.foodStems)) Kitchen", address: "21 Bridge Street, Kelverton",
                       postcode: postcode(), description: "Restaurant", type: .cafeRestaurant),
            [hours(.alcoholOn, "12:00", "22:30")],
            schedule: A.OperatingSchedule(childrenFromHarm: ["Challenge 25; refusals register; incident log"]),
            dps: dps(), declarations: A.Declarations(ageVerificationPolicy: .challenge25, under18sAdmitted: .accompanied),
            owner: "Kitchen Dining Ltd", expected: ["coventry-alcohol-to-under-18s"])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var result: [CorpusManifest.PlantedApplication] = []
        for (index, plan) in plans.prefix(self.counts.applications).enumerated() {
            let file = "APP-2026-\(pad(index + 1, 4)).json"
            do {
                var data = try encoder.encode(plan.application)
                data.append(0x0A)
                try data.write(to: directory.appendingPathComponent(file))
            } catch {
                throw CorpusError(message: "cannot write \(directory.path)/\(file): \(error.localizedDescription)")
            }
            result.append(CorpusManifest.PlantedApplication(
                file: "\(Layout.applications)/\(file)", reference: plan.application.reference,
                premisesName: plan.application.premises.name, expectedConcerns: plan.expected))
        }
        return result
    }
}
