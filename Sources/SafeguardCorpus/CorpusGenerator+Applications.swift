import Foundation
import SafeguardCore

extension CorpusGenerator {
    /// One application's facts and the Coventry focus points it is planted to raise.
    private struct ApplicationPlan {
        var type: String
        var premisesType: String
        var name: String?
        var facts: [String: String]
        var expected: [String]
    }

    /// Writes licence applications as engine facts files of kind `application` (one JSON file each).
    func writeApplications(hotels: [CorpusHotel], directory: URL) throws -> [CorpusManifest.PlantedApplication] {
        var rng = self.random(7)
        let yes = "true"
        let no = "false"
        // Facts beyond the safe defaults below; `expected` names the focus points (`coventry-focus.yaml`).
        let plans: [ApplicationPlan] = [
            ApplicationPlan(type: "new", premisesType: "venue", name: "Velvet Rooms", facts: [
                "application.adult_entertainment": yes, "application.sexual_entertainment_venue": yes,
                "application.under18_admitted": yes, "application.age_verification_policy": "\"none\"",
                "application.closing_time": "\"03:00\"", "application.late_night": yes,
            ], expected: ["adult-entertainment", "alcohol-to-under-18s"]),
            ApplicationPlan(type: "new", premisesType: "pub", name: nil, facts: [
                "application.staff_convicted_serving_minor": yes, "application.age_verification_policy": "\"challenge-21\"",
            ], expected: ["staff-convicted-serving-minor"]),
            ApplicationPlan(type: "variation", premisesType: "club", name: nil, facts: [
                "application.children_activities": yes, "application.closing_time": "\"02:00\"",
                "application.late_night": yes, "application.under18_admitted": yes,
            ], expected: ["children-activities", "alcohol-to-under-18s"]),
            ApplicationPlan(type: "new", premisesType: "hotel", name: nil, facts: [
                "application.overnight_accommodation": yes, "application.walk_in_photo_id": no,
                "application.cse_training": no, "application.incident_log": no,
            ], expected: ["hotel-safeguards-missing"]),
            ApplicationPlan(type: "transfer", premisesType: "bar", name: nil, facts: [
                "application.staff_on_sex_offenders_register": yes,
            ], expected: ["staff-on-sex-offenders-register"]),
            ApplicationPlan(type: "new", premisesType: "venue", name: "Lucky Spin Arcade Bar", facts: [
                "application.gambling": yes, "application.under18_admitted": yes,
            ], expected: ["gambling", "alcohol-to-under-18s"]),
            ApplicationPlan(type: "new", premisesType: "restaurant", name: nil, facts: [:], expected: []),
            ApplicationPlan(type: "variation", premisesType: "shop", name: nil, facts: [
                "application.alcohol_on_sales": no, "application.alcohol_off_sales": yes,
            ], expected: []),
            ApplicationPlan(type: "new", premisesType: "hotel", name: nil, facts: [
                "application.overnight_accommodation": yes, "application.walk_in_photo_id": yes,
                "application.cse_training": yes, "application.door_staff": no,
            ], expected: []),
            ApplicationPlan(type: "new", premisesType: "pub", name: nil, facts: [
                "application.under18_admitted": yes, "application.children_activities": no,
                "application.age_verification_policy": "\"challenge-25\"",
            ], expected: []),
        ]
        var result: [CorpusManifest.PlantedApplication] = []
        let count = min(self.counts.applications, plans.count)
        for index in 0..<count {
            let plan = plans[index]
            let reference = "KV/APP/2026/\(pad(index + 1, 4))"
            let district = rng.pick(CorpusVocabulary.districts)
            let postcode = "\(district.code) \(rng.int(1, 9))\(rng.pick(Array("ABDEFGHJLNPQRSTUWXYZ")))\(rng.pick(Array("ABDEFGHJLNPQRSTUWXYZ")))"
            let name: String
            if let given = plan.name {
                name = given
            } else if plan.premisesType == "hotel" {
                name = "\(rng.pick(CorpusVocabulary.hotelStems)) Lodge Hotel"
            } else {
                name = "The \(rng.pick(CorpusVocabulary.foodStems)) \(rng.pick(["Tap", "Social", "Kitchen", "Lounge", "Store"]))"
            }
            let received = self.asOf.adding(days: -rng.int(3, 60))
            var facts: [String: String] = [
                "application.reference": jsonString(reference), "application.type": jsonString(plan.type),
                "application.premises_name": jsonString(name), "application.premises_type": jsonString(plan.premisesType),
                "application.postcode": jsonString(postcode), "application.received_on": "\"\(received)\"",
                "application.activities": "[\"sale of alcohol\", \"recorded music\"]",
                "application.alcohol_on_sales": yes, "application.alcohol_off_sales": no,
                "application.closing_time": "\"23:00\"", "application.late_night": no,
                "application.under18_admitted": no, "application.age_verification_policy": "\"challenge-25\"",
                "application.adult_entertainment": no, "application.sexual_entertainment_venue": no,
                "application.children_activities": no, "application.gambling": no,
                "application.staff_convicted_serving_minor": no, "application.staff_on_sex_offenders_register": no,
                "application.overnight_accommodation": no, "application.walk_in_photo_id": no,
                "application.cse_training": yes, "application.refusal_log": yes, "application.incident_log": yes,
                "application.police_reporting_protocol": yes, "application.trigger_plan": no,
                "application.staff_id_checks": yes, "application.admission_age_control": no,
                "application.door_staff": no, "application.cctv": yes,
            ]
            for (key, value) in plan.facts { facts[key] = value }
            let body = facts.keys.sorted().map { "    \(jsonString($0)): \(facts[$0]!)" }.joined(separator: ",\n")
            let json = "{\n  \"kind\": \"application\",\n  \"id\": \(jsonString(reference)),\n  \"as-of\": \"\(self.asOf)\",\n  \"facts\": {\n\(body)\n  },\n  \"evidence\": []\n}\n"
            let file = "APP-2026-\(pad(index + 1, 4)).json"
            do {
                try Data(json.utf8).write(to: directory.appendingPathComponent(file))
            } catch {
                throw CorpusError(message: "cannot write \(directory.path)/\(file): \(error.localizedDescription)")
            }
            result.append(CorpusManifest.PlantedApplication(
                file: "\(Layout.applications)/\(file)", reference: reference, premisesName: name, expectedConcerns: plan.expected))
        }
        _ = hotels
        return result
    }
}
