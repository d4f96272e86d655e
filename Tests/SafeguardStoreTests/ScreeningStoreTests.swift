import Foundation
import SafeguardCore
import SafeguardStore
import Testing

/// Application screening's store (`ScreeningStore`: premises history, UPRNs learned, decisions kept
/// for replay) on every backend.
@Suite struct ScreeningStoreTests {
    static func screeningStore(_ backend: StoreBackend, authority: String = "test") throws -> any SafeguardStore & ScreeningStore {
        try #require(try backend.makeStore(authority: authority) as? any SafeguardStore & ScreeningStore)
    }

    static func intelligence(_ id: String, _ date: String, _ sign: String, premises: String = "Harbour View Hotel") -> IntelligenceRecord {
        let day = CalendarDay(iso: date)!
        return IntelligenceRecord(
            id: id, date: day, source: .police, place: PlaceReference(premises: premises, postcode: "KV2 3AB"), signs: [sign],
            summary: "seen at the hotel",
            evidence: [Evidence(sign: sign, source: .intelligence, sourceID: id, date: day, snippet: "[PERSON-1] seen with girls")])
    }

    static let decision = ScreeningRecord(
        id: "SCR-00000000000000a1", reference: "KV/APP/2026/0001", asOf: CalendarDay(iso: "2026-11-01")!,
        rulesetHash: String(repeating: "ab", count: 32), inputHash: String(repeating: "cd", count: 32), band: "advice",
        resultJSON: #"{"band":"advice"}"#)

    @Test(arguments: StoreBackend.available) func decisionsAreKeptOnceAndReadBack(backend: StoreBackend) throws {
        let store = try Self.screeningStore(backend)
        try store.recordScreening(Self.decision)
        // The same id again keeps the first decision (a replay must show what was decided then).
        var again = Self.decision
        again.band = "representation"
        try store.recordScreening(again)
        #expect(try store.screening(id: Self.decision.id) == Self.decision)
        #expect(try store.screening(id: "SCR-ffffffffffffffff") == nil)
    }

    @Test(arguments: StoreBackend.available) func premisesHistoryMatchesByNameAndPostcodeThenByTheLearnedUPRN(backend: StoreBackend) throws {
        let store = try Self.screeningStore(backend)
        _ = try store.saveIntelligence([
            Self.intelligence("I2", "2026-05-10", "night-traffic"), Self.intelligence("I1", "2026-03-04", "young-people"),
            Self.intelligence("I3", "2026-08-21", "young-people"),
        ])
        // Nothing stored at another postcode or under an unlike name.
        #expect(try store.premisesHistory(name: "Harbour View Hotel", postcode: "KV9 9ZZ", uprn: nil) == nil)
        #expect(try store.premisesHistory(name: "Corner Wines", postcode: "KV2 3AB", uprn: nil) == nil)
        // By name and postcode: the three records, oldest first, counted once each.
        let history = try #require(try store.premisesHistory(name: "The Harbour View Hotel", postcode: "KV23AB", uprn: "10001"))
        #expect(history.matchedBy == "name+postcode")
        #expect(history.evidence.map(\.sourceID) == ["I1", "I2", "I3"])
        #expect(history.intelligenceCount == 3)
        #expect(history.reportCount == 0)
        #expect(history.reviewCount == 0)
        // The UPRN learned on the way finds the premises under a new trading name.
        let renamed = try #require(try store.premisesHistory(name: "Quayside Rooms", postcode: nil, uprn: "10001"))
        #expect(renamed.matchedBy == "uprn")
        #expect(renamed.entityIDs == history.entityIDs)
        #expect(renamed.evidence == history.evidence)
    }
}
