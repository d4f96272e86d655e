import ArgumentParser
import SafeguardServer
import SafeguardStore

/// `safeguard tokens add|revoke NAME`: partners' bearer tokens for `POST /api/reports`.
struct TokensCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokens",
        abstract: "Add or revoke a partner's bearer token for POST /api/reports.",
        subcommands: [Add.self, Revoke.self]
    )

    /// What both subcommands need to reach the store and the intake key.
    struct Options: ParsableArguments {
        @Argument(help: "The partner's name (letters, digits, '-', '_', '.'), e.g. city-cabs.")
        var partner: String

        @Option(name: .customLong("intake-key-file"), help: "The intake key file used by safeguard serve.")
        var intakeKeyFile: String = "safeguard-intake.key"

        @OptionGroup var store: StoreOptions

        @OptionGroup var text: TextOptions

        func services() throws -> ServerServices {
            var configuration = ServerConfiguration()
            configuration.intakeKeyFile = self.intakeKeyFile
            configuration.pseudonymKeyFile = self.text.keyFile
            configuration.rulesDirectory = try self.text.rules.directory().path
            do {
                return try ServerServices(configuration: configuration, store: try self.store.openOfficerStore())
            } catch let error as ServerError {
                throw ValidationError(error.message)
            }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a token for a partner; it is printed once and stored only as a keyed hash.",
            discussion: "Example: safeguard tokens add city-cabs --db safeguard.sqlite")

        @OptionGroup var options: Options

        func run() throws {
            do {
                let token = try PartnerTokens.add(partner: self.options.partner, services: try self.options.services())
                print(token)
                print("Give this token to \(self.options.partner) over a safe channel; it cannot be shown again.")
            } catch let error as ServerError {
                throw ValidationError(error.message)
            }
        }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Revoke a partner's token at once.",
            discussion: "Example: safeguard tokens revoke city-cabs --db safeguard.sqlite")

        @OptionGroup var options: Options

        func run() throws {
            do {
                try PartnerTokens.revoke(partner: self.options.partner, services: try self.options.services())
                print("Revoked the token of \(self.options.partner).")
            } catch let error as ServerError {
                throw ValidationError(error.message)
            }
        }
    }
}
