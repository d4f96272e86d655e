import Foundation
import SafeguardCore
import Testing
@testable import SafeguardImport

func records(_ text: [UInt8], chunkSize: Int? = nil) throws -> [[String]] {
    var rows: [[String]] = []
    let reader: CSVReader
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("csv-\(UUID().uuidString).csv")
    defer { try? FileManager.default.removeItem(at: url) }
    if let chunkSize {
        try Data(text).write(to: url)
        reader = try CSVReader(path: url.path, chunkSize: chunkSize)
    } else {
        reader = CSVReader(bytes: text, name: "test.csv")
    }
    try reader.forEachRecord { record in rows.append((0..<record.count).map { record.field($0) }) }
    return rows
}

@Suite struct CSVReaderTests {
    static let tricky = "a,b,c\r\n\"x, y\",\"she said \"\"hi\"\"\",\"two\nlines\"\r\nplain,,last\n"

    @Test func readsQuotedCommasQuotesAndNewlines() throws {
        let rows = try records(Array(Self.tricky.utf8))
        #expect(rows == [["a", "b", "c"], ["x, y", "she said \"hi\"", "two\nlines"], ["plain", "", "last"]])
    }

    @Test(arguments: [16, 17, 19, 23, 31, 64])
    func chunkBoundariesDoNotChangeTheResult(chunk: Int) throws {
        let text = String(repeating: Self.tricky.split(separator: "\n", maxSplits: 0).joined(), count: 1)
            + String(repeating: "\"q\"\"uoted\",\"multi\r\nline\",x\r\n", count: 40)
        #expect(try records(Array(text.utf8), chunkSize: chunk) == records(Array(text.utf8)))
    }

    @Test func skipsBOMAndBlankLinesAndReadsLastLineWithoutNewline() throws {
        let rows = try records([0xEF, 0xBB, 0xBF] + Array("h1,h2\n\n1,2\r\n3,4".utf8))
        #expect(rows == [["h1", "h2"], ["1", "2"], ["3", "4"]])
    }

    @Test func lineNumbersCountQuotedNewlines() throws {
        var lines: [Int] = []
        try CSVReader(bytes: Array("h\n\"a\nb\"\nc\n".utf8), name: "t").forEachRecord { lines.append($0.line) }
        #expect(lines == [1, 2, 4])
    }

    @Test func fallsBackToWindows1252() throws {
        var fallback: [Bool] = []
        var texts: [String] = []
        try CSVReader(bytes: Array("name\n".utf8) + [0x43, 0x61, 0x66, 0xE9, 0x20, 0x80, 0x0A], name: "t")
            .forEachRecord { record in
                let decoded = record.decode(0)
                texts.append(decoded.text)
                fallback.append(decoded.fallback)
            }
        #expect(texts == ["name", "Café €"])
        #expect(fallback == [false, true])
    }

    @Test func unclosedQuoteIsAnError() throws {
        #expect {
            _ = try records(Array("a,b\n1,\"never closed\n2,3\n".utf8))
        } throws: { error in
            let error = error as? ImportError
            return error?.code == "csv.unclosed-quote" && error?.line == 2
        }
    }
}
