import ArgumentParser

/// `safeguard rules`: check and test the rule files.
struct RulesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Check and test the rule files under rules/.",
        discussion: """
            Examples:
              safeguard rules check
              safeguard rules check rules/ --json
              safeguard rules test rules/
            """,
        subcommands: [RulesCheckCommand.self, RulesTestCommand.self]
    )
}
