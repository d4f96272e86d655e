import Foundation
import Hummingbird
import HummingbirdTesting
import SafeguardStore
import Testing

@testable import SafeguardServer

@Suite struct PartnerRoutesTests {
    @Test func partnersPostWithTheirOwnTokenUntilItIsRevoked() async throws {
        let fixture = try ServerFixture()
        let services = try fixture.services()
        let token = try PartnerTokens.add(partner: "city-cabs", services: services)
        let app = buildApplication(services: services)
        let report = """
            {"role": "taxi-driver", "text": "Girl of about 14 picked up from the Canalside Budget Lodge at 1am by a man.",
             "signs": ["young-people"], "where": {"premises": "Canalside Budget Lodge", "vehicle": "BD22 GKD", "badge": "PH02359"},
             "when": "2026-11-30T01:00", "apparent-age": "13-15", "danger-now": false}
            """
        try await app.test(.router) { client in
            // Without a token, or with a wrong one: 401
            #expect(
                try await client.execute(uri: "/api/reports", method: .post, body: ByteBuffer(string: report)).status
                    == .unauthorized)
            let wrong: HTTPFields = [.authorization: "Bearer not-a-token", .contentType: "application/json"]
            #expect(
                try await client.execute(uri: "/api/reports", method: .post, headers: wrong, body: ByteBuffer(string: report))
                    .status == .unauthorized)
            // With the partner's token: 201 with a reference and a receipt
            let good: HTTPFields = [.authorization: "Bearer \(token)", .contentType: "application/json"]
            let created = try await client.execute(
                uri: "/api/reports", method: .post, headers: good, body: ByteBuffer(string: report))
            #expect(created.status == .created)
            let json = try JSONSerialization.jsonObject(with: Data(buffer: created.body)) as? [String: String]
            #expect(json?["reference"]?.hasPrefix("WEB-") == true)
            #expect(json?["receipt"].map { if case .valid = ReceiptCode.parse($0) { true } else { false } } == true)
            // A bad field is named
            let bad = try await client.execute(
                uri: "/api/reports", method: .post, headers: good,
                body: ByteBuffer(string: #"{"text": "x", "apparent-age": "twelve"}"#))
            #expect(bad.status == .badRequest)
            #expect(String(buffer: bad.body).contains("apparent-age"))
            // Revoked: 401
            try PartnerTokens.revoke(partner: "city-cabs", services: services)
            #expect(
                try await client.execute(uri: "/api/reports", method: .post, headers: good, body: ByteBuffer(string: report))
                    .status == .unauthorized)
        }
        // The report went the one report path: linked to the vehicle, with evidence, from the partner
        let stored = try fixture.store.intakeReports()
        #expect(stored.map(\.channel) == ["partner:city-cabs"])
        let counts = try fixture.store.tableCounts()
        #expect(counts["report"] == 1)
        #expect((counts["entity_link"] ?? 0) >= 2)
        // The token itself is nowhere in the database
        #expect(try fixture.databaseBytes().range(of: Data(token.utf8)) == nil)
    }
}
