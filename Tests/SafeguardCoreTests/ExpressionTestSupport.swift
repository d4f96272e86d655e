@testable import SafeguardCore

/// Helpers: compile an expression for a kind and evaluate it on facts.
enum Expr {
    static let signs: [SignDefinition] = [
        SignDefinition(id: "condoms", label: "Condoms", source: "5.6.13", weight: 4, kind: .concern, phrases: ["condom"]),
        SignDefinition(id: "young-people", label: "Young people", source: "5.6.13", weight: 5, kind: .concern, phrases: ["teenagers"]),
        SignDefinition(id: "noise", label: "Noise", source: "Sheffield", weight: 1, kind: .weak, phrases: ["noisy"]),
        SignDefinition(id: "id-checked", label: "ID checked", source: "5.6.14", weight: -2, kind: .goodPractice, phrases: ["asked for id"]),
    ]

    static let today = CalendarDay(iso: "2026-11-25")!

    static func compile(_ text: String, kind: EntityKind = .driver) throws -> Compiled {
        var compiler = ExpressionCompiler(schema: .of(kind), signs: SignTable(self.signs))
        return try compiler.compile(try Parser.parse(text))
    }

    static func context(_ facts: EntityFacts) -> EvaluationContext {
        var issues: [String] = []
        return FactPreparation.context(facts, signs: SignTable(self.signs), today: self.today.daysSinceEpoch, issues: &issues)
    }

    /// The condition's three-valued result.
    static func test(_ text: String, _ facts: EntityFacts) throws -> Bool? {
        guard case .bool(let f) = try self.compile(text, kind: facts.kind) else {
            throw ExpressionError(code: "not-bool", message: "not a condition", offset: 0, length: 0)
        }
        return f(self.context(facts))
    }

    /// The rendered value.
    static func render(_ text: String, _ facts: EntityFacts) throws -> String {
        try self.compile(text, kind: facts.kind).render(self.context(facts))
    }

    static func error(_ text: String, kind: EntityKind = .driver) -> ExpressionError? {
        do {
            _ = try self.compile(text, kind: kind)
            return nil
        } catch let error as ExpressionError {
            return error
        } catch {
            return nil
        }
    }

    static func evidence(_ sign: String, _ id: String, _ date: String?, _ source: EvidenceSource = .review) -> Evidence {
        Evidence(sign: sign, source: source, sourceID: id, date: date.flatMap { CalendarDay(iso: $0) }, snippet: "s")
    }
}
