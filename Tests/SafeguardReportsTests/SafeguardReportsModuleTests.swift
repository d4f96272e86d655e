import Testing
@testable import SafeguardReports

@Test func moduleLinks() {
    #expect(String(describing: SafeguardReportsModule.self).hasPrefix("Safeguard"))
}
