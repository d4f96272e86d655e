import Foundation
import SafeguardCore
@testable import SafeguardStore

/// A fresh store in a temporary directory, removed when the test process ends.
func temporaryStore(_ name: String = #function) throws -> SQLiteStore {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
        "safeguard-store-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    return try SQLiteStore(path: directory.appendingPathComponent("test.sqlite").path)
}

let grandHotel = FHRSEstablishment(
    fhrsID: 101, name: "The Grand Hotel", businessType: "Hotel/bed & breakfast/guest house", businessTypeID: 7842,
    addressLines: ["12 North Promenade", "Blackpool"], postcode: "FY1 2AB", ratingValue: "4",
    ratingDate: CalendarDay(iso: "2020-01-02"), localAuthorityName: "Blackpool", longitude: -3.05, latitude: 53.82)

let cafe = FHRSEstablishment(
    fhrsID: 102, name: "Sea View Cafe", businessTypeID: 1, addressLines: ["14 North Promenade"], postcode: "FY1 2AB",
    ratingValue: "AwaitingInspection")

let grandLicence = PremisesLicenceEvent(
    extractDate: CalendarDay(iso: "2023-04-01"), organisationLabel: "Blackpool", caseReference: "PL/2019/0042",
    caseDate: CalendarDay(iso: "2019-06-01"), serviceTypeLabel: "Premises licence", premisesName: "Grand Hotel",
    locationText: "12 North Promenade, Blackpool", postcode: "fy12ab", alcoholSupply: "On sales",
    statusLabel: "Granted")
