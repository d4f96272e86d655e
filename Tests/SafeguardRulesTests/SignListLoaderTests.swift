import Foundation
import SafeguardCore
import Testing

@testable import SafeguardRules

/// The repository root, found from this file's path (Tests/SafeguardRulesTests/...).
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

@Suite struct SignListLoaderTests {
    @Test func loadsTheShippedSignList() throws {
        let signs = try SignListLoader.load(file: repositoryRoot.appendingPathComponent("rules/hotels/signs.yaml"))
        let ids = Set(signs.map(\.id))
        // Every id of the signs.md contract is present.
        for id in [
            "oversight-lacking", "drug-dealing", "drug-use", "cannabis-smell", "men-loitering", "young-people",
            "condoms", "pornography", "night-traffic", "screaming", "noise", "dirty", "cash-only", "no-id-check",
            "sex-work", "id-checked", "security-present",
        ] {
            #expect(ids.contains(id), "missing sign \(id)")
        }
        let condoms = try #require(signs.first { $0.id == "condoms" })
        #expect(condoms.kind == .concern)
        #expect(condoms.weight > 0)
        #expect(condoms.source.contains("5.6.13"))
        #expect(signs.first { $0.id == "noise" }?.kind == .weak)
        #expect(signs.first { $0.id == "id-checked" }.map { $0.weight < 0 } == true)
        #expect(signs.first { $0.id == "no-id-check" }.map { !$0.assertedByNegation.isEmpty } == true)
        #expect(signs.first { $0.id == "young-people" }.map { $0.notThisSense.contains("kids club") } == true)
    }

    @Test func reportsUnknownFieldWithLineColumnAndSuggestion() throws {
        let yaml = """
            version: 1
            signs:
              - id: condoms
                label: Condoms
                source: "5.6.13"
                weight: 4
                kind: concern
                phrase: ["condom"]
            """
        let error = try #require(throws: RuleSetError.self) {
            try SignListLoader.parse(yaml, path: "signs.yaml")
        }
        let unknown = try #require(error.diagnostics.first { $0.code == "unknown-field" })
        #expect(unknown.location == SourceLocation(file: "signs.yaml", line: 8, column: 5))
        #expect(unknown.suggestion == "phrases")
        #expect(error.diagnostics.contains { $0.code == "missing-field" && $0.message.contains("phrases") })
    }

    @Test func readsAndChecksYieldRules() throws {
        let good = """
            version: 1
            signs:
              - {id: a, label: A, source: "5.6.13", weight: 1, kind: concern, phrases: [x]}
              - {id: b, label: B, source: "5.6.13", weight: 1, kind: concern, phrases: [y], yields-to: [a], stands-alone-with: [z]}
            """
        let signs = try SignListLoader.parse(good, path: "s.yaml")
        #expect(signs[1].yieldsTo == ["a"] && signs[1].standsAloneWith == ["z"])
        #expect(signs[0].yieldsTo.isEmpty)
        let bad = """
            version: 1
            signs:
              - {id: a, label: A, source: "5.6.13", weight: 1, kind: concern, phrases: [x], stands-alone-with: [w]}
              - {id: b, label: B, source: "5.6.13", weight: 1, kind: concern, phrases: [y], yields-to: [b, aa]}
            """
        let error = try #require(throws: RuleSetError.self) {
            try SignListLoader.parse(bad, path: "s.yaml")
        }
        let codes = error.diagnostics.map(\.code)
        #expect(codes.contains("stands-alone-without-yield"))
        #expect(codes.contains("yields-to-itself"))
        #expect(codes.contains("unknown-sign"))
    }

    @Test func rejectsBadKindWeightAndDuplicates() throws {
        let yaml = """
            version: 1
            signs:
              - {id: a, label: A, source: "5.6.13", weight: 40, kind: concern, phrases: [x]}
              - {id: a, label: B, source: "5.6.13", weight: 1, kind: concen, phrases: [y]}
              - {id: c, label: C, source: "5.6.14", weight: 2, kind: good-practice, phrases: [z]}
            """
        let error = try #require(throws: RuleSetError.self) {
            try SignListLoader.parse(yaml, path: "s.yaml")
        }
        let codes = error.diagnostics.map(\.code)
        #expect(codes.contains("weight-out-of-range"))
        #expect(codes.contains("unknown-kind"))
        #expect(error.diagnostics.first { $0.code == "unknown-kind" }?.suggestion == "concern")
        #expect(codes.contains("weight-sign"))
        #expect(error.diagnostics.allSatisfy { $0.location?.file == "s.yaml" })
    }

    @Test func rejectsPhraseNamingAProtectedCharacteristic() throws {
        let yaml = """
            version: 1
            signs:
              - {id: men-loitering, label: Men, source: "5.6.13", weight: 3, kind: concern, phrases: ["asian men outside"]}
            """
        let error = try #require(throws: RuleSetError.self) {
            try SignListLoader.parse(yaml, path: "s.yaml")
        }
        let diagnostic = try #require(error.diagnostics.first { $0.code == "protected-characteristic" })
        #expect(diagnostic.message.contains("2.3"))
    }

    @Test func malformedYAMLIsALocatedError() throws {
        let error = try #require(throws: RuleSetError.self) {
            try SignListLoader.parse("version: 1\nsigns:\n  - id: [unclosed\n", path: "bad.yaml")
        }
        #expect(error.diagnostics.first?.code == "yaml-syntax")
        #expect(error.diagnostics.first?.location?.file == "bad.yaml")
    }
}

@Suite struct SignConceptLintTests {
    @Test func readsConceptsWithTheirWindowAndNegation() throws {
        let yaml = """
            version: 1
            signs:
              - id: men-loitering
                label: Men
                source: "5.6.13"
                weight: 3
                kind: concern
                phrases: ["men loitering"]
                concepts:
                  - name: men-hanging-about
                    window: 6
                    asserted-by-negation: false
                    classes:
                      - [men, blokes]
                      - [loiter, lurk]
            """
        let signs = try SignListLoader.parse(yaml, path: "s.yaml")
        let concept = try #require(signs.first?.concepts.first)
        #expect(concept.name == "men-hanging-about")
        #expect(concept.window == 6)
        #expect(concept.classes == [["men", "blokes"], ["loiter", "lurk"]])
    }

    @Test func rejectsOneClassABadWindowAWordInTwoClassesAndAProtectedCharacteristic() throws {
        let yaml = """
            version: 1
            signs:
              - id: men-loitering
                label: Men
                source: "5.6.13"
                weight: 3
                kind: concern
                phrases: ["men loitering"]
                concepts:
                  - {name: one, classes: [[men]]}
                  - {name: wide, window: 40, classes: [[men], [lurk]]}
                  - {name: twice, classes: [[men, lurk], [lurk]]}
                  - {name: unfair, classes: [[asian men], [lurk]]}
                  - {name: empty, classes: [[], [lurk]]}
            """
        let error = try #require(throws: RuleSetError.self) {
            try SignListLoader.parse(yaml, path: "s.yaml")
        }
        let codes = Set(error.diagnostics.map(\.code))
        #expect(codes.isSuperset(of: ["concept-classes", "window-out-of-range", "word-in-two-classes",
            "protected-characteristic", "empty-class"]))
        #expect(error.diagnostics.allSatisfy { $0.location?.file == "s.yaml" && ($0.location?.line ?? 0) >= 10 })
    }

    @Test func theShippedConceptsPassLint() throws {
        let signs = try SignListLoader.load(file: repositoryRoot.appendingPathComponent("rules/hotels/signs.yaml"))
        let concepts = signs.flatMap(\.concepts)
        #expect(concepts.count >= 17)
        #expect(signs.allSatisfy { !$0.concepts.isEmpty }, "every sign has at least one concept")
    }
}
