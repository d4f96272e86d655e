import Foundation
import Hummingbird
import HummingbirdTesting
import SafeguardStore
import Testing

@testable import SafeguardServer

@Suite struct PublicRoutesTests {
    @Test func startPageOffers999FirstWithSecurityHeaders() async throws {
        let fixture = try ServerFixture()
        let app = try buildApplication(configuration: fixture.configuration, store: fixture.store)
        try await app.test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                let body = String(buffer: response.body)
                #expect(body.contains("call <strong>999</strong>"))
                #expect(body.contains("href=\"/report\""))
                #expect(response.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
                #expect(response.headers[.cacheControl] == "no-store")
            }
            try await client.execute(uri: "/no-such-page", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentSecurityPolicy] != nil)
            }
        }
    }
}
