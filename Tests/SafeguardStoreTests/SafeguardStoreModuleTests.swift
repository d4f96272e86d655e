import Testing
@testable import SafeguardStore

@Test func moduleLinks() {
    #expect(String(describing: SafeguardStoreModule.self).hasPrefix("Safeguard"))
}
