/// The one place the statutory form becomes rule facts: rules read `application.*` facts only.
extension LicenceApplication {
    /// The facts of this application, the operating-schedule steps recognised among `steps`, and the
    /// store's `history` of the premises as evidence (its signs, dated) and facts.
    public func facts(recognising steps: [ScheduleStep], history: PremisesHistory? = nil) -> (
        facts: EntityFacts, recognised: [RecognisedStep]
    ) {
        var fields: [String: FactValue] = [:]
        func set(_ name: String, _ value: Bool) { fields["application." + name] = .bool(value) }
        fields["application.reference"] = .string(self.reference)
        fields["application.type"] = .string(self.kind.rawValue)
        fields["application.premises_name"] = .string(self.premises.name)
        fields["application.premises_type"] = .string(self.premises.type.rawValue)
        if let postcode = self.premises.postcode { fields["application.postcode"] = .string(postcode) }
        fields["application.received_on"] = .date(self.received)
        fields["application.activities"] = .list(self.activities.map(\.activity.rawValue))
        let activities = Set(self.activities.map(\.activity))
        set("alcohol_on_sales", activities.contains(.alcoholOn))
        set("alcohol_off_sales", activities.contains(.alcoholOff))
        let sessions = self.activities.flatMap(\.times) + (self.openingHours?.times ?? [])
        let latest = sessions.map(\.endMinute).max()
        if let latest { fields["application.closing_time"] = .string(ClockTime(minutes: latest % 1440).description) }
        // Licensable after 23:00: late-night refreshment is by definition (Sch. 2), or any hours past 23:00.
        set("late_night", activities.contains(.lateNightRefreshment) || (latest ?? 0) > 23 * 60)
        let declarations = self.declarations
        set("under18_admitted", declarations.under18sAdmitted != .no)
        fields["application.age_verification_policy"] = .string(declarations.ageVerificationPolicy.rawValue)
        let box = self.adultEntertainment?.trimmingWhitespace ?? ""
        set("sexual_entertainment_venue", self.premises.type == .sexualEntertainmentVenue)
        set("adult_entertainment", !box.isEmpty || self.premises.type == .sexualEntertainmentVenue)
        set("children_activities", declarations.childrensActivities)
        set("gambling", declarations.gamblingMachines > 0)
        fields["application.gambling_machines"] = .number(Double(declarations.gamblingMachines))
        set("staff_convicted_serving_minor", declarations.staffConvictedOfSellingAlcoholToAChild)
        set("dps_convicted_serving_minor", self.proposedDPS?.convictedOfSellingAlcoholToAChild ?? false)
        set("staff_on_sex_offenders_register", declarations.anyoneOnSexOffendersRegister)
        let overnight = declarations.accommodationRooms > 0 || [.hotel, .bedAndBreakfast].contains(self.premises.type)
        set("overnight_accommodation", overnight)
        fields["application.accommodation_rooms"] = .number(Double(declarations.accommodationRooms))
        // Every step fact starts false: the schedule either volunteers it or it does not.
        for step in steps { fields[step.fact] = .bool(false) }
        var recognised: [RecognisedStep] = []
        for (objective, text) in self.operatingSchedule.allSteps {
            for step in steps {
                guard let phrase = step.match(text) else { continue }
                fields[step.fact] = .bool(true)
                if !recognised.contains(where: { $0.fact == step.fact }) {
                    recognised.append(
                        RecognisedStep(fact: step.fact, title: step.title, objective: objective, text: text, phrase: phrase))
                }
            }
        }
        set("history_known", history != nil)
        fields["application.history_licence_reviews"] = .number(Double(history?.licenceReviews ?? 0))
        let facts = EntityFacts(
            kind: .application, id: self.reference, fields: fields, evidence: history?.evidence ?? [], asOf: nil)
        return (facts, recognised)
    }
}
