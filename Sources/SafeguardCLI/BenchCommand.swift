import ArgumentParser

/// `safeguard bench <area>`: performance measurements (run a release build).
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure performance (build with `swift build -c release` first).",
        discussion: """
            Examples:
              swift build -c release && .build/release/safeguard bench rules
            """,
        subcommands: [
            BenchRulesCommand.self,
            BenchImport.self,
            BenchTextCommand.self,
            BenchProfileCommand.self,
            BenchSignsCommand.self,
            BenchDriversCommand.self,
        ]
    )
}
