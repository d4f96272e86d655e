import Foundation
import Testing

@testable import SafeguardText

/// The bundled gazetteer is read from the files' bytes (``WordList``) rather than through one
/// `String` per line; it must answer every question as the gazetteer built from strings does.
struct NameGazetteerLoadTests {
    /// A resource list read as it was before: split into lines, trimmed, comments left out.
    static func lines(_ name: String) throws -> [String] {
        let url = TextFixtures.repositoryRoot.appendingPathComponent("Sources/SafeguardText/Resources/\(name).txt")
        let text = try String(contentsOf: url, encoding: .utf8)
        return text.utf8.split(separator: UInt8(ascii: "\n")).compactMap { line in
            let word = line.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }.reversed().drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
            guard let first = word.last, first != UInt8(ascii: "#") else { return nil }
            return String(decoding: word.reversed(), as: UTF8.self)
        }
    }

    @Test func bundledGazetteerMatchesTheOneBuiltFromStrings() throws {
        let lists = try ["first-names", "surnames", "ordinary-words", "common-words", "places", "first-names-gfdl"].map(Self.lines)
        let strings = NameGazetteer(
            firstNames: lists[0], surnames: lists[1], ordinaryWords: lists[2], commonWords: lists[3], places: lists[4],
            otherNames: lists[5])
        let bytes = TextFixtures.gazetteer
        var probes = lists.flatMap { $0 }
        probes += probes.prefix(5_000).map { $0.uppercased() } + ["Maria", "ROOM", "the", "Élodie", "zzqx", "will", "Grace"]
        for word in probes {
            let b = Array(word.utf8)
            let h = b.withUnsafeBufferPointer { ByteWordSet.hash($0, 0, $0.count) }
            #expect(strings.wordFlags.flags(hash: h) == bytes.wordFlags.flags(hash: h), "flags of \(word)")
            #expect(strings.stopWords.contains(hash: h) == bytes.stopWords.contains(hash: h), "stop word \(word)")
            #expect(strings.commonWords.contains(hash: h) == bytes.commonWords.contains(hash: h))
            #expect(strings.firstNames.contains(hash: h) == bytes.firstNames.contains(hash: h))
            #expect(strings.surnames.contains(hash: h) == bytes.surnames.contains(hash: h))
            #expect(strings.ordinaryWords.contains(hash: h) == bytes.ordinaryWords.contains(hash: h))
            #expect(strings.places.contains(hash: h) == bytes.places.contains(hash: h))
            #expect(strings.firstNameFilter.mayContain(hash: h) == bytes.firstNameFilter.mayContain(hash: h))
        }
        #expect(strings.stopWords.count == bytes.stopWords.count)
        #expect(strings.firstNames.count == bytes.firstNames.count)
        #expect(strings.surnames.count == bytes.surnames.count)
    }

    @Test func commonWordsThatAreNamesAreNoStopWords() {
        let g = NameGazetteer(
            firstNames: ["Grace", "mária"], surnames: ["ROSE"], ordinaryWords: [], commonWords: ["grace", "rose", "room", "mária"],
            places: [])
        func stop(_ word: String) -> Bool {
            let b = Array(word.utf8)
            return b.withUnsafeBufferPointer { g.stopWords.contains(hash: ByteWordSet.hash($0, 0, $0.count)) }
        }
        #expect(!stop("grace"))
        #expect(!stop("rose"))
        #expect(!stop("mária"))
        #expect(stop("room"))
    }

    @Test func wordListLinesAreTrimmedAndCommentsLeftOut() {
        let list = WordList(lines: Array(" alpha \r\n\n# note\n\tbeta\ngamma".utf8))
        #expect(list.words.indices.map(list.string) == ["alpha", "beta", "gamma"])
    }
}
