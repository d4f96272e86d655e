import Foundation
import SafeguardCore
import SafeguardRules
import SafeguardStore
import SafeguardText

/// Turns a report as typed (web form or partner API) into a stored, triaged, sealed report,
/// and reads reports back for the reporter (by receipt code) and for officers (by reference).
///
/// The text goes the same way as an imported report's (`TextRecordBuilder.report`, then the
/// store's one report path): pseudonymised, scanned for signs, linked to premises, vehicles
/// and drivers; only the original text and contact details are kept, sealed with AES-GCM.
public struct IntakeService: Sendable {
    let keys: IntakeKeys
    let builder: TextRecordBuilder
    let engine: Engine
    let store: any IntakeStore
    let writer: IntakeWriter
    /// Checkpoints the WAL off the writer's commits (a checkpoint copying pages inside a commit was
    /// the intake's latency tail under load). SQLite only: PostgreSQL runs its own checkpointer.
    private let checkpointer: WALCheckpointer?
    let retentionDays: Int
    let now: @Sendable () -> Date

    /// What the reporter wrote that only officers may read: sealed at rest.
    struct SealedContent: Codable, Sendable, Hashable {
        var text: String
        var seen: String
        var role: String
        var taxiFirm: String?
        var contactName: String?
        var contactPhone: String?
        var contactEmail: String?
    }

    /// A report as typed, before pseudonymisation (from the form or the partner API).
    struct Draft: Sendable {
        var role: ReporterRole
        var roleLabel: String
        var seen: String
        var text: String
        var signs: [String]
        var place: PlaceReference
        var taxiFirm: String?
        var when: String?
        var apparentAge: String?
        var dangerNow: Bool
        var contact: ReportContact?
    }

    /// What the reporter is given back.
    struct Receipt: Sendable {
        var code: ReceiptCode
        var reference: String
        var dangerNow: Bool
        var band: String
    }

    init(configuration: ServerConfiguration, store: any IntakeStore, keys: IntakeKeys, now: @escaping @Sendable () -> Date)
        throws(ServerError)
    {
        let rules = URL(fileURLWithPath: configuration.rulesDirectory)
        let signs: [SignDefinition]
        let ruleSet: RuleSet
        do {
            signs = try SignListLoader.load(file: rules.appendingPathComponent("hotels/signs.yaml"))
            ruleSet = try RuleSetLoader.load(directory: rules)
        } catch {
            throw ServerError(
                code: "server.rules",
                message: "cannot load the rules from \(rules.path) (\(error)); pass --rules DIR holding hotels/signs.yaml and reports/triage.yaml")
        }
        let pseudonymKey: PseudonymKey
        let gazetteer: NameGazetteer
        do {
            pseudonymKey = try PseudonymKey(bytes: try SecretKeyFile.loadOrCreate(path: configuration.pseudonymKeyFile))
            gazetteer = try NameGazetteer.bundled()
        } catch let error as ServerError {
            throw error
        } catch {
            throw ServerError(code: "server.text", message: "cannot set up the text analyser: \(error)")
        }
        self.keys = keys
        self.builder = TextRecordBuilder(analyser: TextAnalyser(signs: signs, key: pseudonymKey, gazetteer: gazetteer))
        self.engine = Engine(ruleSet: ruleSet)
        self.store = store
        self.writer = IntakeWriter(store: store)
        do {
            self.checkpointer = try (store as? SQLiteStore)?.checkpointInBackground(every: .milliseconds(250))
        } catch {
            throw ServerError(code: "server.store", message: "\(error)")
        }
        self.retentionDays = configuration.limits.retentionDays
        self.now = now
    }

    /// Pseudonymises, scans, triages, seals and stores `draft`; returns once it is committed.
    func submit(_ draft: Draft, channel: String) async throws -> Receipt {
        let submission = try self.prepare(draft, channel: channel)
        try await self.writer.write(submission.submission)
        return submission.receipt
    }

    /// Everything but the write (CPU only).
    func prepare(_ draft: Draft, channel: String) throws -> (submission: IntakeSubmission, receipt: Receipt) {
        let now = self.now()
        let code = ReceiptCode.random()
        let reference = "WEB-" + Base32.encode(RandomBytes.make(8))
        let today = IntakeClock.day(now)
        let raw = ReportRecord(
            receiptID: reference, received: today, role: draft.role, seen: draft.seen, text: draft.text,
            signs: draft.signs, place: draft.place, when: draft.when, apparentAgeBand: draft.apparentAge,
            dangerNow: draft.dangerNow, contact: draft.contact)
        var record = self.builder.report(raw)
        // The free text is kept only sealed; the shared report row keeps signs, place and evidence,
        // whose snippets (pseudonymised excerpts for imported reports) name the sealed report instead.
        record.text = ""
        record.seen = ""
        for index in record.evidence.indices {
            record.evidence[index].snippet = "[\(channel == "web" ? "web" : "partner") report \(reference): text sealed, open it in the officers' pages]"
        }
        let decision = self.engine.evaluate(Self.facts(record, received: today), asOf: today)
        let content = SealedContent(
            text: draft.text, seen: draft.seen, role: draft.roleLabel, taxiFirm: draft.taxiFirm,
            contactName: draft.contact?.name, contactPhone: draft.contact?.phone, contactEmail: draft.contact?.email)
        let sealed = try self.keys.seal(try JSONEncoder().encode(content).map { $0 }, context: reference)
        let hourStart = Date(timeIntervalSince1970: (now.timeIntervalSince1970 / 3_600).rounded(.down) * 3_600)
        let submission = IntakeSubmission(
            reference: reference, receiptHash: self.keys.receiptHash(code), receivedHour: IntakeClock.hour(now),
            record: record, sealed: sealed, band: decision.band, score: decision.score,
            firedRules: decision.findings.map(\.ruleID), acknowledgeBy: IntakeClock.acknowledgeBy(receivedHour: hourStart),
            feedbackBy: IntakeClock.feedbackBy(receivedHour: hourStart),
            expires: CalendarDay(daysSinceEpoch: today.daysSinceEpoch + self.retentionDays), channel: channel)
        return (submission, Receipt(code: code, reference: reference, dangerNow: draft.dangerNow, band: decision.band))
    }

    /// The triage facts of a report (the fields of `rules/reports/triage.yaml`).
    static func facts(_ record: ReportRecord, received: CalendarDay) -> EntityFacts {
        var fields: [String: FactValue] = [
            "report.id": .string(record.receiptID),
            "report.received": .date(received),
            "report.role": .string(record.role.rawValue),
            "report.danger_now": .bool(record.dangerNow),
            "report.signs": .list(Array(Set(record.signs + record.evidence.map(\.sign))).sorted()),
            "report.contact_given": .bool(record.contact != nil),
        ]
        if let age = record.apparentAgeBand { fields["report.apparent_age"] = .string(age) }
        if let day = record.when.flatMap({ CalendarDay(iso: String($0.prefix(10))) }) {
            fields["report.when"] = .date(day)
        }
        let place = record.place
        for (name, value) in [
            ("premises", place.premises), ("address", place.address), ("postcode", place.postcode),
            ("vehicle", place.vehicle), ("badge", place.badge),
        ] {
            if let value { fields["report.where.\(name)"] = .string(value) }
        }
        return EntityFacts(kind: .report, id: record.receiptID, fields: fields, evidence: record.evidence)
    }

    /// The report a receipt code opens, or nil.
    func report(code: ReceiptCode) throws -> IntakeReport? {
        try self.store.intakeReport(receiptHash: self.keys.receiptHash(code))
    }

    /// Opens the sealed content of a stored report.
    func content(of report: IntakeReport) throws -> SealedContent {
        try JSONDecoder().decode(SealedContent.self, from: Data(self.keys.open(report.sealed, context: report.reference)))
    }

    /// Opens a message's text.
    func text(of message: IntakeMessage, in report: IntakeReport) throws -> String {
        String(decoding: try self.keys.open(message.sealed, context: report.reference + "#message"), as: UTF8.self)
    }

    /// Adds the reporter's further information to a report (sealed, to the hour).
    func addInformation(_ text: String, to report: IntakeReport) throws {
        let sealed = try self.keys.seal(Array(text.utf8), context: report.reference + "#message")
        try self.store.addReporterMessage(reference: report.reference, at: IntakeClock.hour(self.now()), sealed: sealed)
    }

    /// Adds an officer's reply to the report `reference`; the reporter reads it on the receipt
    /// page. The officers' pages (issue 13) call this.
    public func reply(reference: String, officer: String, text: String) throws {
        let sealed = try self.keys.seal(Array(text.utf8), context: reference + "#message")
        try self.store.addOfficerReply(
            reference: reference, officer: officer, at: IntakeClock.minute(self.now()), sealed: sealed)
    }

    /// A report opened for an officer: the stored row, the sealed content and messages in clear.
    public func officerView(reference: String) throws -> IntakeOfficerView? {
        guard let report = try self.store.intakeReport(reference: reference) else { return nil }
        let content = try self.content(of: report)
        let messages = try report.messages.map { message in
            IntakeOfficerView.Message(
                author: message.author, officer: message.officer, at: message.at, text: try self.text(of: message, in: report))
        }
        return IntakeOfficerView(
            report: report, text: content.text, role: content.role, taxiFirm: content.taxiFirm,
            contactName: content.contactName, contactPhone: content.contactPhone, contactEmail: content.contactEmail,
            messages: messages)
    }

    /// Deletes the reports whose retention period has ended (audited); returns their references.
    @discardableResult
    public func deleteExpired() throws -> [String] {
        let now = self.now()
        return try self.store.deleteExpiredIntakeReports(today: IntakeClock.day(now), at: IntakeClock.minute(now))
    }
}

/// A report as an officer reads it: sealed content opened.
public struct IntakeOfficerView: Sendable, Hashable {
    /// A message in clear.
    public struct Message: Sendable, Hashable {
        public var author: String
        public var officer: String?
        public var at: String
        public var text: String
    }

    public var report: IntakeReport
    public var text: String
    public var role: String
    public var taxiFirm: String?
    public var contactName: String?
    public var contactPhone: String?
    public var contactEmail: String?
    public var messages: [Message]
}
