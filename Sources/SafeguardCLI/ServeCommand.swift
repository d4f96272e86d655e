import ArgumentParser
import Foundation
import Hummingbird
import SafeguardServer
import SafeguardStore

/// `safeguard serve`: the whistle-blowing form, receipt pages and officers' pages over HTTP.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the anonymous report form, receipt pages and officers' pages.",
        discussion: """
            Listens on 127.0.0.1:8080 by default; open http://127.0.0.1:8080/ in a browser. Put a \
            TLS-terminating proxy in front before exposing it: no IP address or user agent is \
            stored or logged.

            Example: safeguard serve --db safeguard.sqlite --port 8080
            """
    )

    @Option(help: "Address to listen on.")
    var host: String = "127.0.0.1"

    @Option(help: "Port to listen on (0 picks a free one).")
    var port: Int = 8080

    @Option(help: "The licensing authority's name, shown on every page.")
    var authority: String = "the licensing authority"

    @Option(
        name: .customLong("intake-key-file"),
        help: "Key for encrypting report text at rest and hashing receipts; created with mode 0600 when absent.")
    var intakeKeyFile: String = "safeguard-intake.key"

    @Option(help: "Reports one client may send per hour (counted in memory under a daily-salted hash).")
    var reportsPerHour: Int = 30

    @Option(help: "Wrong receipt codes one client may try per hour before being refused.")
    var receiptGuessesPerHour: Int = 10

    @Option(help: "Days a report is kept before it is deleted for good.")
    var retentionDays: Int = 395

    @Flag(help: "Send cookies without the Secure flag (plain-HTTP loopback use only).")
    var insecureCookies = false

    @OptionGroup var store: StoreOptions

    @OptionGroup var text: TextOptions

    func run() async throws {
        var configuration = ServerConfiguration()
        configuration.host = self.host
        configuration.port = self.port
        configuration.authorityName = self.authority
        configuration.intakeKeyFile = self.intakeKeyFile
        configuration.pseudonymKeyFile = self.text.keyFile
        configuration.rulesDirectory = try self.text.rules.directory().path
        configuration.secureCookies = !self.insecureCookies
        configuration.limits.reportsPerClientPerHour = self.reportsPerHour
        configuration.limits.receiptGuessesPerClientPerHour = self.receiptGuessesPerHour
        configuration.limits.retentionDays = self.retentionDays
        let store = try self.store.openOfficerStore()
        let app: any ApplicationProtocol
        do {
            app = try buildApplication(configuration: configuration, store: store)
        } catch let error as ServerError {
            throw ValidationError(error.message)
        }
        // Written unbuffered so a script waiting for the server sees it.
        FileHandle.standardOutput.write(
            Data("safeguard: serving on http://\(self.host):\(self.port)/ (Ctrl-C to stop)\n".utf8))
        if self.store.isPostgres {
            FileHandle.standardOutput.write(
                Data("safeguard: on PostgreSQL the driver check and application screening pages are not available yet (their tables are SQLite-only)\n".utf8))
        }
        try await app.runService()
    }
}
