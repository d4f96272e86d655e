import ArgumentParser

/// `safeguard bench`: measurements recorded in BENCHMARKS.md (one subcommand per area).
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure speed and accuracy (release build) for BENCHMARKS.md.",
        subcommands: [BenchTextCommand.self]
    )
}
