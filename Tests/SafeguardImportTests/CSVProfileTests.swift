import Foundation
import SafeguardCore
import Testing
@testable import SafeguardImport

func readCSV<P: CSVProfile>(_ text: String, _ profile: P, bytes: [UInt8]? = nil) throws -> (
    records: [P.Record], issues: [ImportIssue], result: CSVReadResult
) {
    var records: [P.Record] = []
    var issues: [ImportIssue] = []
    let result = try CSVImporter.read(
        bytes: bytes ?? Array(text.utf8), name: "register.csv", profile: profile, onIssue: { issues.append($0) }
    ) { records.append($0) }
    return (records, issues, result)
}

@Suite struct CSVProfileTests {
    static let lga = """
        ExtractDate,OrganisationURI,OrganisationLabel,CaseReference,CaseDate,ServiceTypeURI,ServiceTypeLabel,\
        PremisesName,LocationText,Postcode,EntertainmentTypeURI,EntertainmentTypeLabel,AlcoholSupply,\
        LateNightRefreshment,OpeningHours,LicenceHolder,StatusLabel
        2023-04-01,http://x/blackpool,Blackpool,PL/1,2019-06-01,,Premises licence,Grand Hotel,"12 North Promenade, \
        Blackpool",FY1 2AB,,Live music,On sales,Yes,"Mon-Sun 10:00 - 23:00
        Christmas Eve, late",A Smith,Granted
        2023-04-01,http://x/blackpool,Blackpool,PL/2,01/02/2020,,Premises licence,Red Lion,1 High St,FY1 1AA,,,,,,,Granted
        2023-04-01,http://x/blackpool,Blackpool,PL/3,2020-13-45,,Premises licence,Bad Date,1 High St,FY1 1AA,,,,,,,Granted
        2023-04-01,http://x/blackpool,Blackpool,PL/4,2020-01-01,,Premises licence,Ragged
        """

    @Test func readsTheLGARegisterWithPerRowIssues() throws {
        let outcome = try readCSV(Self.lga, PremisesLicenceProfile())
        #expect(outcome.records.map(\.caseReference) == ["PL/1", "PL/2"])
        #expect(outcome.records[0].openingHours == "Mon-Sun 10:00 - 23:00\nChristmas Eve, late")
        #expect(outcome.records[0].locationText == "12 North Promenade, Blackpool")
        #expect(outcome.records[1].caseDate == CalendarDay(iso: "2020-02-01"))
        #expect(outcome.result.rejected == 2)
        let bad = try #require(outcome.issues.first { $0.code == "csv.date" })
        #expect(bad.field == "CaseDate")
        #expect(bad.line == 5)
        #expect(bad.originalRecord?.contains("Bad Date") == true)
        let ragged = try #require(outcome.issues.first { $0.code == "csv.columns" })
        #expect(ragged.line == 6)
        #expect(ragged.message.contains("8 fields"))
    }

    @Test func headersMatchCaseInsensitivelyWithAliases() throws {
        let text = "case reference,PREMISES NAME,post code,Address\nPL/9,The Ship,FY1 1AA,\"1 Quay, Fleetwood\"\n"
        let outcome = try readCSV(text, PremisesLicenceProfile())
        #expect(outcome.records.first?.premisesName == "The Ship")
        #expect(outcome.records.first?.locationText == "1 Quay, Fleetwood")
    }

    @Test func missingRequiredColumnNamesIt() throws {
        #expect {
            try readCSV("name,address\nx,y\n", PremisesLicenceProfile())
        } throws: { error in
            let error = error as? ImportError
            return error?.code == "csv.header" && error?.element?.contains("CaseReference") == true
        }
    }

    @Test func invalidUTF8IsReadAsWindows1252WithOneWarning() throws {
        let bytes = Array("CaseReference,PremisesName,Postcode\nPL/1,".utf8) + [0x43, 0x61, 0x66, 0xE9]
            + Array(",FY1 1AA\nPL/2,Caf".utf8) + [0xE9] + Array(",FY1 1AA\n".utf8)
        let outcome = try readCSV("", PremisesLicenceProfile(), bytes: bytes)
        #expect(outcome.records.map(\.premisesName) == ["Café", "Café"])
        #expect(outcome.issues.filter { $0.code == "csv.encoding" }.count == 1)
        #expect(outcome.result.fallbackEncodingRows == 2)
    }

    @Test func taxiDriversWithBadEnumsAreRejectedWithTheField() throws {
        let text = """
            licence_number,licence_type,holder_name,badge_number,issuing_authority,issued_on,expires_on,status,\
            dbs_issued_on,dbs_update_service,dbs_last_status_check,barred_lists_checked,nr3s_searched_on,\
            safeguarding_training_on,right_to_work_checked,revocation_reason,victim_age_band,vehicle_registration
            D1,private-hire,A Driver,B1,Coventry,2022-01-01,2025-01-01,active,2021-12-01,yes,2024-06-01,yes,\
            2021-12-02,2022-02-01,yes,,,AB12 CDE
            D2,minicab,B Driver,B2,Coventry,,,active,,,,,,,,,,
            D3,hackney,C Driver,B3,Coventry,,,revoked,,no,,no,,,no,sexual offence,13-15,
            """
        #expect(TaxiRegisterKind.detect(header: try CSVImporter.header(bytes: Array(text.utf8), name: "t")) == .drivers)
        let outcome = try readCSV(text, TaxiDriverProfile())
        #expect(outcome.records.map(\.licenceNumber) == ["D1", "D3"])
        #expect(outcome.records[0].dbsUpdateService == true)
        #expect(outcome.records[1].victimAgeBand == "13-15")
        #expect(outcome.issues.first?.field == "licence_type")
        #expect(outcome.issues.first?.message.contains("private-hire") == true)
    }

    @Test func detectsVehiclesOperatorsAndTheLondonList() throws {
        func kind(_ header: String) throws -> TaxiRegisterKind? {
            TaxiRegisterKind.detect(header: try CSVImporter.header(bytes: Array(header.utf8), name: "t"))
        }
        #expect(try kind("licence_number,licence_type,vehicle_registration,make,model,proprietor_name,"
            + "operator_licence,issuing_authority,issued_on,expires_on,status") == .vehicles)
        #expect(try kind("licence_number,operator_name,issuing_authority,issued_on,expires_on,status") == .operators)
        #expect(try kind("LICENCE NUMBER,EXPIRY DATE,SURNAME,FORENAMES") == .londonPHV)
        #expect(try kind("foo,bar") == nil)
        let london = try readCSV("Licence Number,Expiry Date,Surname,Forenames\n123456,31/12/2026,Smith,Jo\n",
            LondonPHVDriverProfile())
        #expect(london.records.first?.badgeNumber == "123456")
        #expect(london.records.first?.expiresOn == CalendarDay(iso: "2026-12-31"))
        #expect(london.records.first?.issuingAuthority == "Transport for London")
    }

    @Test func intelligenceNeedsAPlace() throws {
        let text = """
            id,date,source,premises_name,address,postcode,vehicle_registration,badge_number,signs,summary
            I1,2024-03-01,return-interview,Grand Hotel,,FY1 2AB,,,young-people;cash-payment,Seen with older men
            I2,2024-03-02,police,,,,,,,nothing about where
            I3,2024-03-02,rumour,,,,AB12CDE,,,bad source
            """
        let outcome = try readCSV(text, IntelligenceProfile())
        #expect(outcome.records.map(\.id) == ["I1"])
        #expect(outcome.records[0].signs == ["young-people", "cash-payment"])
        #expect(Set(outcome.issues.map(\.code)) == ["intel.where", "csv.choice"])
    }

    @Test func missingFileSaysSo() throws {
        #expect {
            try CSVImporter.read(path: "/no/such/register.csv", profile: PremisesLicenceProfile(), onIssue: { _ in }) {
                _ in
            }
        } throws: { error in
            (error as? ImportError)?.code == "file.missing"
                && (error as? ImportError)?.description.contains("/no/such/register.csv") == true
        }
    }
}
