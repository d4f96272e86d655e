import SafeguardCore

/// The Safeguard taxi licence-history CSV (`docs/formats.md`): grants, renewals, applications,
/// refusals, suspensions, revocations and non-renewals, here or with another authority.
///
/// A refusal, suspension, revocation or non-renewal needs a reason category; a sexual-offence
/// reason needs the victim's age band (report 5.6.6: record it; `not-recorded` keeps the gap
/// visible when the deciding authority did not record it). Other rows may not carry one.
public struct TaxiHistoryProfile: CSVProfile {
    /// Creates the profile.
    public init() {}

    public var name: String { "taxi-history" }

    public var columns: [CSVColumn] {
        [
            CSVColumn("licence_number", aliases: ["Licence Number", "Licence No"], required: true),
            CSVColumn("issuing_authority", aliases: ["Authority", "Council"], required: true),
            CSVColumn("event", aliases: ["Event", "Action", "Decision"], required: true),
            CSVColumn("event_date", aliases: ["Event Date", "Date"], required: true),
            CSVColumn("decided_by", aliases: ["Decided By", "Deciding Authority"]),
            CSVColumn("reason_category", aliases: ["Reason Category", "Reason"]),
            CSVColumn("victim_age_band", aliases: ["Victim Age Band", "Victim Age"]),
        ]
    }

    public func record(from row: MappedRow) throws(RowProblem) -> TaxiLicenceEvent {
        let authority = try row.required(1)
        let kind = try TaxiDriverProfile.required(row.choice(2, TaxiLicenceEventKind.self), row, 2)
        guard let date = try row.date(3) else {
            throw RowProblem(code: "csv.required", field: "event_date", message: "event_date is empty; give the day it happened (YYYY-MM-DD)")
        }
        let reason = try row.choice(5, TaxiAdverseReason.self)
        let band = try row.choice(6, VictimAgeBand.self)
        if kind.isAdverse, reason == nil {
            throw RowProblem(
                code: "taxi.reason", field: "reason_category",
                message: "a \(kind.rawValue) needs a reason_category (one of: \(TaxiAdverseReason.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        if !kind.isAdverse, reason != nil {
            throw RowProblem(
                code: "taxi.reason", field: "reason_category",
                message: "a \(kind.rawValue) has no reason_category; leave it empty or correct the event")
        }
        if reason == .sexualOffence, band == nil {
            throw RowProblem(
                code: "taxi.victim-age", field: "victim_age_band",
                message: "a sexual-offence \(kind.rawValue) needs the victim's age band (under-13, 13-15, 16-17, 18+, or not-recorded if the deciding authority did not record it)")
        }
        if reason != .sexualOffence, band != nil {
            throw RowProblem(
                code: "taxi.victim-age", field: "victim_age_band",
                message: "victim_age_band is only recorded for a sexual-offence reason; leave it empty")
        }
        return TaxiLicenceEvent(
            licenceNumber: try row.required(0), issuingAuthority: authority, decidedBy: row.text(4) ?? authority,
            kind: kind, date: date, reason: reason, victimAgeBand: band)
    }
}

/// The Safeguard NR3S search CSV: one row per application (grant or renewal) with the dates of
/// each stage; the state follows from the dates (`NR3SSearch.state`).
public struct NR3SSearchProfile: CSVProfile {
    /// Creates the profile.
    public init() {}

    public var name: String { "nr3s" }

    public var columns: [CSVColumn] {
        [
            CSVColumn("licence_number", aliases: ["Licence Number"], required: true),
            CSVColumn("issuing_authority", aliases: ["Authority", "Council"], required: true),
            CSVColumn("application_type", aliases: ["Application Type"], required: true),
            CSVColumn("application_date", aliases: ["Application Date"], required: true),
            CSVColumn("nr3s_searched_on", aliases: ["Searched On", "NR3S Search Date"]),
            CSVColumn("nr3s_result", aliases: ["Result", "NR3S Result"]),
            CSVColumn("recording_authority", aliases: ["Recording Authority"]),
            CSVColumn("details_requested_on", aliases: ["Details Requested"]),
            CSVColumn("details_received_on", aliases: ["Details Received"]),
            CSVColumn("decided_on", aliases: ["Decided On", "Decision Date"]),
        ]
    }

    /// `nr3s_result` values.
    enum Result: String, CaseIterable {
        case match
        case noMatch = "no-match"
    }

    public func record(from row: MappedRow) throws(RowProblem) -> NR3SSearch {
        let kind = try TaxiDriverProfile.required(row.choice(2, TaxiLicenceEventKind.self), row, 2)
        guard kind == .grant || kind == .renewal || kind == .application else {
            throw RowProblem(code: "csv.choice", field: "application_type", message: "application_type must be grant or renewal")
        }
        guard let applied = try row.date(3) else {
            throw RowProblem(code: "csv.required", field: "application_date", message: "application_date is empty")
        }
        let searched = try row.date(4)
        let result = try row.choice(5, Result.self)
        let requested = try row.date(7)
        let received = try row.date(8)
        let decided = try row.date(9)
        if searched == nil, result != nil || requested != nil || received != nil || decided != nil {
            throw RowProblem(
                code: "nr3s.order", field: "nr3s_searched_on",
                message: "a result or later stage is given but not the search date; give nr3s_searched_on")
        }
        if searched != nil, result == nil {
            throw RowProblem(code: "nr3s.result", field: "nr3s_result", message: "the register was searched: give nr3s_result (match or no-match)")
        }
        if result == .noMatch, requested != nil || received != nil || decided != nil || row.text(6) != nil {
            throw RowProblem(
                code: "nr3s.order", field: "nr3s_result",
                message: "no-match has no recording authority or details stages; correct the result or clear those columns")
        }
        if result == .match, row.text(6) == nil {
            throw RowProblem(
                code: "csv.required", field: "recording_authority",
                message: "a match needs the recording authority (the one to ask for the details)")
        }
        // The stages in order; each given date is on or after the latest one before it. (Plain
        // optionals, not an optional tuple: the 6.x optimiser crashed on `if let (a, b) = tuple?`.)
        var previousName = "nr3s_searched_on"
        var previousDay = searched
        for (name, day) in [("details_requested_on", requested), ("details_received_on", received), ("decided_on", decided)] {
            guard let day else { continue }
            if let earlier = previousDay, day < earlier {
                throw RowProblem(code: "nr3s.order", field: name, message: "\(name) \(day) is before \(previousName) \(earlier)")
            }
            previousName = name
            previousDay = day
        }
        if received != nil, requested == nil {
            throw RowProblem(code: "nr3s.order", field: "details_requested_on", message: "details were received but no request date is given")
        }
        return NR3SSearch(
            licenceNumber: try row.required(0), issuingAuthority: try row.required(1),
            applicationKind: kind == .application ? .grant : kind, applicationOn: applied, searchedOn: searched,
            matched: result.map { $0 == .match }, recordingAuthority: row.text(6), detailsRequestedOn: requested,
            detailsReceivedOn: received, decidedOn: decided)
    }
}

/// The Safeguard s.5 notification / s.6 reply CSV: a notification sent to the authority that
/// licenses a driver, and what it said it decided.
public struct Section6ReplyProfile: CSVProfile {
    /// Creates the profile.
    public init() {}

    public var name: String { "s6-replies" }

    public var columns: [CSVColumn] {
        [
            CSVColumn("licence_number", aliases: ["Licence Number"], required: true),
            CSVColumn("issuing_authority", aliases: ["Authority", "Licensing Authority"], required: true),
            CSVColumn("notified_on", aliases: ["Notified On", "s5 Notified On"], required: true),
            CSVColumn("replied_on", aliases: ["Replied On", "s6 Reply Date"]),
            CSVColumn("decision", aliases: ["Decision", "s6 Decision"]),
            CSVColumn("note", aliases: ["Note"]),
        ]
    }

    public func record(from row: MappedRow) throws(RowProblem) -> Section6Reply {
        guard let notified = try row.date(2) else {
            throw RowProblem(code: "csv.required", field: "notified_on", message: "notified_on is empty")
        }
        let replied = try row.date(3)
        let decision = try row.choice(4, Section6Decision.self)
        if replied != nil, decision == nil {
            throw RowProblem(code: "csv.required", field: "decision", message: "a reply was received: give its decision")
        }
        if let replied, replied < notified {
            throw RowProblem(code: "s6.order", field: "replied_on", message: "replied_on \(replied) is before notified_on \(notified)")
        }
        return Section6Reply(
            licenceNumber: try row.required(0), issuingAuthority: try row.required(1), notifiedOn: notified,
            repliedOn: replied, decision: decision, note: row.text(5))
    }
}
