import Foundation
import SafeguardCore

/// Reads a premises licence application in Safeguard's statutory-form format, JSON or XML (one schema,
/// `docs/formats.md`), into a `LicenceApplication`.
///
/// Every invalid field is reported at once, naming the field (and the line, in XML) and how to fix it;
/// an unknown field is a warning, never silently dropped. XML goes through the hardened streaming
/// reader (`XMLPushParser`: no DOCTYPE, no entities, depth limit).
public enum ApplicationFormReader {
    /// A form read: the application and the warnings about it (unknown fields).
    public struct Result: Sendable {
        public var application: LicenceApplication
        public var warnings: [FormIssue]
        /// The bytes read, for the input's content hash.
        public var bytes: [UInt8]
    }

    /// Reads the file at `path`: XML when its first non-blank character is `<`, JSON otherwise.
    public static func read(path: String) throws(ApplicationFormError) -> Result {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ApplicationFormError(
                file: path,
                issues: [FormIssue(severity: .error, file: path, line: nil, field: "(file)", message: "cannot read the file; check the path")])
        }
        return try self.decode(Array(data), file: path)
    }

    /// Decodes a form held in memory; `file` names it in messages.
    public static func decode(_ bytes: [UInt8], file: String) throws(ApplicationFormError) -> Result {
        let first = bytes.first { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF) }
        let root: FormNode
        if first == UInt8(ascii: "<") {
            root = try self.xmlTree(bytes, file: file)
        } else {
            do {
                root = try JSONDecoder().decode(JSONFormValue.self, from: Data(bytes)).node
            } catch {
                throw ApplicationFormError(
                    file: file,
                    issues: [FormIssue(severity: .error, file: file, line: nil, field: "(file)",
                                       message: "not valid JSON (check brackets, commas and quotes) and not XML")])
            }
        }
        let context = FormContext(file: file)
        let application = self.application(root, context: context)
        if let application, !context.issues.contains(where: { $0.severity == .error }) {
            return Result(application: application, warnings: context.issues, bytes: bytes)
        }
        throw ApplicationFormError(file: file, issues: context.issues)
    }

    static func xmlTree(_ bytes: [UInt8], file: String) throws(ApplicationFormError) -> FormNode {
        let builder = XMLFormBuilder()
        let parser = XMLPushParser(fileName: file, limits: XMLLimits(maxDepth: 12), handler: builder)
        do {
            try parser.parse(bytes: bytes) {}
        } catch let error as ImportError {
            throw ApplicationFormError(
                file: file,
                issues: [FormIssue(severity: .error, file: file, line: error.line, field: error.element.map { "<\($0)>" } ?? "(file)",
                                   message: error.message)])
        } catch {
            throw ApplicationFormError(
                file: file, issues: [FormIssue(severity: .error, file: file, line: nil, field: "(file)", message: "\(error)")])
        }
        guard let root = builder.root else {
            throw ApplicationFormError(
                file: file, issues: [FormIssue(severity: .error, file: file, line: nil, field: "(file)", message: "the document is empty")])
        }
        if root.name != "application" {
            throw ApplicationFormError(
                file: file,
                issues: [FormIssue(severity: .error, file: file, line: root.node.line, field: "<\(root.name)>",
                                   message: "the root element must be <application>")])
        }
        return root.node
    }

    static func application(_ root: FormNode, context: FormContext) -> LicenceApplication? {
        guard let top = FormObject(root, path: "", context: context) else { return nil }
        let reference = top.string("reference", required: true, hint: "give the application reference")
        let kind = top.choice("kind", required: true, as: LicenceApplication.Kind.self)
        let received = top.day("received", required: true)
        let authority = top.string("authority")
        let applicant = top.object("applicant", required: true).flatMap { object -> LicenceApplication.Applicant? in
            let name = object.string("name", required: true, hint: "give the applicant's name")
            let address = object.string("address")
            object.finish(known: LicenceApplication.Applicant.fieldNames)
            return name.map { LicenceApplication.Applicant(name: $0, address: address) }
        }
        let premises = top.object("premises", required: true).flatMap { object -> LicenceApplication.Premises? in
            let name = object.string("name", required: true, hint: "give the premises name")
            let address = object.string("address")
            let postcode = object.string("postcode")
            if let postcode, !Self.looksLikePostcode(postcode) {
                context.error(object.name("postcode"), object.lineOf("postcode"), "`\(postcode)` is not a UK postcode (e.g. KV1 2AB)")
            }
            let uprn = object.string("uprn")
            if let uprn, uprn.isEmpty || !uprn.allSatisfy(\.isNumber) || uprn.count > 12 {
                context.error(object.name("uprn"), object.lineOf("uprn"), "`\(uprn)` is not a UPRN (up to 12 digits)")
            }
            let description = object.string("description")
            let type = object.choice("type", required: true, as: LicenceApplication.PremisesType.self)
            if postcode == nil && uprn == nil {
                context.warning(object.path, object.line, "no postcode or UPRN: the premises' history cannot be looked up")
            }
            object.finish(known: LicenceApplication.Premises.fieldNames)
            guard let name, let type else { return nil }
            return LicenceApplication.Premises(
                name: name, address: address, postcode: postcode, uprn: uprn, description: description, type: type)
        }
        var activities: [LicenceApplication.ActivityHours] = []
        for (path, node) in top.list("activities", item: "activity") {
            guard let object = FormObject(node, path: path, context: context) else { continue }
            let activity = object.choice("activity", required: true, as: LicenceApplication.Activity.self)
            let times = self.sessions(object, context: context)
            if times.isEmpty, !context.issues.contains(where: { $0.field.hasPrefix(object.name("times")) }) {
                context.error(object.name("times"), object.line, "give at least one session (days, from, to) for the activity")
            }
            let place = object.string("place")
            let seasonal = object.string("seasonal-variations")
            let nonStandard = object.string("non-standard-timings")
            object.finish(known: LicenceApplication.ActivityHours.fieldNames)
            if let activity {
                activities.append(
                    LicenceApplication.ActivityHours(
                        activity: activity, times: times, place: place, seasonalVariations: seasonal,
                        nonStandardTimings: nonStandard))
            }
        }
        let opening = top.object("opening-hours", required: false).map { object in
            let times = self.sessions(object, context: context)
            let seasonal = object.string("seasonal-variations")
            let nonStandard = object.string("non-standard-timings")
            object.finish(known: LicenceApplication.OpeningHours.fieldNames)
            return LicenceApplication.OpeningHours(times: times, seasonalVariations: seasonal, nonStandardTimings: nonStandard)
        }
        let adult = top.string("adult-entertainment")
        var schedule = LicenceApplication.OperatingSchedule()
        if let object = top.object("operating-schedule", required: false) {
            schedule.general = object.strings("general", item: "step")
            schedule.crimeAndDisorder = object.strings("prevention-of-crime-and-disorder", item: "step")
            schedule.publicSafety = object.strings("public-safety", item: "step")
            schedule.publicNuisance = object.strings("prevention-of-public-nuisance", item: "step")
            schedule.childrenFromHarm = object.strings("protection-of-children-from-harm", item: "step")
            object.finish(known: LicenceApplication.OperatingSchedule.fieldNames)
        }
        let dps = top.object("proposed-dps", required: false).flatMap { object -> LicenceApplication.ProposedDPS? in
            let name = object.string("name", required: true, hint: "give the proposed DPS's name")
            let licence = object.string("personal-licence")
            let convicted = object.bool("convicted-of-selling-alcohol-to-a-child")
            object.finish(known: LicenceApplication.ProposedDPS.fieldNames)
            return name.map { LicenceApplication.ProposedDPS(name: $0, personalLicence: licence, convictedOfSellingAlcoholToAChild: convicted) }
        }
        var declarations = LicenceApplication.Declarations()
        if let object = top.object("declarations", required: true) {
            declarations.staffConvictedOfSellingAlcoholToAChild = object.bool("staff-convicted-of-selling-alcohol-to-a-child")
            declarations.anyoneOnSexOffendersRegister = object.bool("anyone-on-sex-offenders-register")
            declarations.accommodationRooms = object.count("accommodation-rooms")
            declarations.childrensActivities = object.bool("childrens-activities")
            declarations.gamblingMachines = object.count("gambling-machines")
            declarations.ageVerificationPolicy =
                object.choice("age-verification-policy", required: true, as: LicenceApplication.AgeVerificationPolicy.self) ?? .none
            declarations.under18sAdmitted =
                object.choice("under-18s-admitted", required: true, as: LicenceApplication.ChildrenAdmitted.self) ?? .no
            object.finish(known: LicenceApplication.Declarations.fieldNames)
        }
        let variation = top.string("variation")
        if let kind, [.fullVariation, .minorVariation].contains(kind), variation == nil {
            context.error("variation", top.line, "a \(kind.rawValue) must say what it changes: add `variation`")
        }
        let alcohol = activities.contains { $0.activity == .alcoholOn || $0.activity == .alcoholOff }
        if alcohol, dps == nil, kind == .newPremisesLicence {
            context.warning("proposed-dps", top.line, "alcohol is applied for but no proposed DPS is given")
        }
        top.finish(known: LicenceApplication.fieldNames)
        guard let reference, let kind, let received, let applicant, let premises else { return nil }
        return LicenceApplication(
            reference: reference, kind: kind, received: received, authority: authority, applicant: applicant,
            premises: premises, activities: activities, openingHours: opening, adultEntertainment: adult,
            operatingSchedule: schedule, proposedDPS: dps, declarations: declarations, variation: variation)
    }

    static func sessions(_ object: FormObject, context: FormContext) -> [LicenceApplication.Session] {
        var sessions: [LicenceApplication.Session] = []
        for (path, node) in object.list("times", item: "session") {
            guard let session = FormObject(node, path: path, context: context) else { continue }
            var days: [LicenceApplication.Weekday] = []
            let allowed = LicenceApplication.Weekday.allCases.map(\.rawValue)
            for text in session.strings("days", item: "day") {
                if text.lowercased() == "daily" {
                    days += LicenceApplication.Weekday.allCases
                } else if let day = LicenceApplication.Weekday(rawValue: String(text.lowercased().prefix(3))) {
                    days.append(day)
                } else {
                    context.error(session.name("days"), session.lineOf("days"), "`\(text)` is not a day: use \(allowed.joined(separator: ", ")) or daily")
                }
            }
            if days.isEmpty { context.error(session.name("days"), session.line, "give the days the session runs on") }
            let from = self.time(session, "from", context: context)
            let to = self.time(session, "to", context: context)
            session.finish(known: LicenceApplication.Session.fieldNames)
            if let from, let to, !days.isEmpty {
                sessions.append(LicenceApplication.Session(days: days, from: from, to: to))
            }
        }
        return sessions
    }

    static func time(_ object: FormObject, _ key: String, context: FormContext) -> LicenceApplication.ClockTime? {
        guard let text = object.string(key, required: true, hint: "write the time as HH:MM (24-hour)") else { return nil }
        guard let time = LicenceApplication.ClockTime(text) else {
            context.error(object.name(key), object.lineOf(key), "`\(text)` is not a time: write it as HH:MM (24-hour, e.g. 23:30)")
            return nil
        }
        return time
    }

    static func looksLikePostcode(_ text: String) -> Bool {
        let compact = text.uppercased().filter { !$0.isWhitespace }
        guard (5...7).contains(compact.count), compact.allSatisfy({ $0.isLetter || $0.isNumber }),
            let first = compact.first, first.isLetter
        else { return false }
        let inward = compact.suffix(3)
        return inward.first!.isNumber && inward.dropFirst().allSatisfy(\.isLetter)
    }
}
