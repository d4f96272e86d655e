import Testing
@testable import SafeguardImport

@Test func moduleLinks() {
    #expect(String(describing: SafeguardImportModule.self).hasPrefix("Safeguard"))
}
