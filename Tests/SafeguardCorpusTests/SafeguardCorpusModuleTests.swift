import Testing
@testable import SafeguardCorpus

@Test func moduleLinks() {
    #expect(String(describing: SafeguardCorpusModule.self).hasPrefix("Safeguard"))
}
