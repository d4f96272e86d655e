import ArgumentParser

/// The `safeguard` command: thin subcommands over the Safeguard libraries.
@main
struct Safeguard: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "safeguard",
        abstract: "Screen licence applications, profile hotels and check taxi drivers for CSE warning signs.",
        discussion: """
            Safeguard shows where a visit, an interview or a representation is justified. \
            Nothing it prints proves exploitation.

            Examples:
              safeguard demo
              safeguard rules check rules/
              safeguard rules test rules/
              safeguard explain corpus/facts/sample-hotel.json

            Exit status (a failure prints "Error: …" and "What to do: …" on stderr):
            \(CommandError.Kind.table)
            """,
        version: "0.1.0",
        subcommands: [
            RulesCommand.self,
            ExplainCommand.self,
            ScanCommand.self,
            DemoCommand.self,
            CorpusCommand.self,
            ProfileCommand.self,
            BenchCommand.self,
            ImportCommand.self,
            LinksCommand.self,
            ScreenCommand.self,
            ServeCommand.self,
            TokensCommand.self,
            ReportCommand.self,
            DriversCommand.self,
            ModelCommand.self,
            UsersCommand.self,
            AuditCommand.self,
            DBCommand.self,
        ]
    )
}
