import ArgumentParser
import Foundation
import SafeguardCore
import SafeguardRules

/// `safeguard bench rules`: 100 rules over 100,000 synthetic entities with explanations on, one core.
struct BenchRulesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Rule engine throughput: synthetic rules over synthetic drivers, explanations on, one core.")

    @Option(name: .customLong("rule-count"), help: "Number of synthetic rules.")
    var rules = 100

    @Option(name: .long, help: "Number of synthetic entities.")
    var entities = 100_000

    @Option(name: .long, help: "Timed repetitions (the best is reported).")
    var repeats = 3

    @Flag(name: .long, help: "Leave out explanation templates (findings carry the rule title only), to compare with engines that do not explain.")
    var withoutExplanations = false

    @Flag(name: .long, help: "Instead: the shipped rules (hotel evidence scoring and hotel rules) over synthetic hotels.")
    var hotels = false

    @OptionGroup var rulesDirectory: RulesDirectoryOptions

    func validate() throws {
        guard self.rules > 0, self.entities > 0, self.repeats > 0 else {
            throw ValidationError("--rule-count, --entities and --repeats must be positive numbers.")
        }
    }

    func run() async throws {
        let today = CalendarDay(iso: "2026-11-25")!
        let shipped = try? RuleSetLoader.load(directory: try self.rulesDirectory.directory())
        let compileStart = ContinuousClock.now
        let ruleSet: RuleSet
        if self.hotels {
            guard let shipped else { throw CommandError("--hotels needs the shipped rules: run from the repository root or pass --rules DIR") }
            ruleSet = shipped
        } else {
            ruleSet = try RuleSet(
                compiling: RuleSetDefinition(
                    rules: SyntheticRuleBench.rules(self.rules, explanations: !self.withoutExplanations),
                    signs: shipped?.signs ?? [], hash: "bench"))
        }
        let compileTime = ContinuousClock.now - compileStart
        let facts = self.hotels
            ? SyntheticRuleBench.hotels(self.entities, today: today) : SyntheticRuleBench.drivers(self.entities, today: today)
        let engine = Engine(ruleSet: ruleSet)
        var best = Duration.seconds(1_000_000)
        var bestCPU = Double.infinity
        var findings = 0
        var characters = 0
        for _ in 0..<self.repeats {
            findings = 0
            characters = 0
            let start = ContinuousClock.now
            let cpuStart = Self.threadCPUSeconds()
            for entity in facts {
                let decision = engine.evaluate(entity, asOf: today)
                findings += decision.findings.count
                for finding in decision.findings {
                    characters += finding.explanation.utf8.count
                }
            }
            best = min(best, ContinuousClock.now - start)
            bestCPU = min(bestCPU, Self.threadCPUSeconds() - cpuStart)
        }
        let seconds = Double(best.components.seconds) + Double(best.components.attoseconds) / 1e18
        let perSecond = Double(self.entities) / seconds
        if self.hotels {
            print("rules engine: shipped hotel scoring + \(ruleSet.rules.filter { $0.appliesTo == .hotel }.count) hotel rules × \(self.entities) synthetic hotels (0-11 evidence items), explanations on, 1 core")
        } else {
            print("rules engine: \(self.rules) rules × \(self.entities) entities, explanations \(self.withoutExplanations ? "off" : "on"), 1 core")
        }
        if !self.hotels {
            print("  compile (parse + check + closures): \(Self.ms(compileTime)) ms")
        }
        let perCPUSecond = Double(self.entities) / bestCPU
        print("  evaluate: \(String(format: "%.3f", seconds)) s wall, \(String(format: "%.3f", bestCPU)) s CPU on this thread (best of \(self.repeats))")
        let ruleRate = self.hotels ? "" : " (\(Int(perCPUSecond * Double(self.rules))) rule evaluations)"
        print("  \(Int(perCPUSecond)) entity evaluations per CPU-second\(ruleRate); \(Int(perSecond)) per wall-second")
        print("  \(findings) findings (\(String(format: "%.1f", Double(findings) / Double(self.entities))) per entity), \(characters) explanation characters")
        if self.hotels { return }
        print("  peer: Grule publishes ~100,000 evaluations/s for 100 rules without explanations (published figure, not measured here)")
        print("  ratio to the published peer figure (per CPU-second): \(String(format: "%.2f", perCPUSecond / 100_000))×")
    }

    /// CPU time consumed by the calling thread (excludes time the shared machine ran other work).
    static func threadCPUSeconds() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    static func ms(_ duration: Duration) -> String {
        let value = Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
        return String(format: "%.1f", value)
    }
}
