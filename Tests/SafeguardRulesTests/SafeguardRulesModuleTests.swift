import Testing
@testable import SafeguardRules

@Test func moduleLinks() {
    #expect(String(describing: SafeguardRulesModule.self).hasPrefix("Safeguard"))
}
