import Testing
@testable import SafeguardText

@Test func moduleLinks() {
    #expect(String(describing: SafeguardTextModule.self).hasPrefix("Safeguard"))
}
