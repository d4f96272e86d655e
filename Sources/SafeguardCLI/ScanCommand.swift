import ArgumentParser
import Foundation
import SafeguardText

/// `safeguard scan`: pseudonymise and scan review or report texts, JSON Lines in and out.
struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Pseudonymise texts and find the hotel signs they assert (JSON Lines in, JSON Lines out).",
        discussion: """
            Input: one JSON object a line, {"id": ..., "text": "..."}; other fields are ignored.
            Output: one line per input line, in order:
              {"id": <as given>, "text": "<pseudonymised>", "signs": [...], \
            "evidence": [{"sign", "snippet", "start", "end"}], "pii": [{"type", "token"}]}
            start/end count Unicode code points in the pseudonymised "text" (end exclusive).
            A malformed line gives {"id": ..., "line": N, "error": "..."} and the rest go on.
            No database is used; personal data is replaced by keyed tokens like [PERSON-7f3a9c2b].

            Examples:
              safeguard scan reviews.jsonl > scanned.jsonl
              echo '{"id":1,"text":"Nobody asked for ID"}' | safeguard scan - --format text
            """)

    @Argument(help: "JSON Lines file, or - for standard input.")
    var file: String = "-"

    @Option(help: "jsonl (default) or text (for people).")
    var format: Format = .jsonl

    @OptionGroup var text: TextOptions

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case jsonl, text
    }

    func run() throws {
        let analyser = try self.text.makeAnalyser()
        let reader = try LineReader(path: self.file)
        var out = OutputBuffer()
        var errors = 0
        try reader.forEachLine { line, number in
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                ScanLineCodec.encodeError(line: number, rawID: nil, message: "line \(number): empty line; remove it or give {\"id\": …, \"text\": \"…\"}", into: &out.bytes)
                out.bytes.append(0x0A)
                errors += 1
                return
            }
            do {
                let parsed = try ScanLineCodec.parse(line)
                let analysis = analyser.analyse(parsed.text)
                switch self.format {
                case .jsonl:
                    ScanLineCodec.encode(rawID: parsed.rawID, analysis, into: &out.bytes)
                case .text:
                    Self.describe(id: parsed.rawID, analysis, into: &out.bytes)
                }
            } catch {
                errors += 1
                ScanLineCodec.encodeError(line: number, rawID: nil, message: "\(reader.name) line \(number): \(error)", into: &out.bytes)
            }
            out.bytes.append(0x0A)
            out.flushIfLarge()
        }
        out.flush()
        if errors > 0 {
            FileHandle.standardError.write(Data("safeguard scan: \(errors) line(s) could not be read; see their \"error\" records.\n".utf8))
        }
    }

    static func describe(id: [UInt8], _ a: TextAnalysis, into out: inout [UInt8]) {
        var s = "id \(String(decoding: id, as: UTF8.self)): "
        s += a.signs.isEmpty ? "no signs" : "signs: " + a.signs.joined(separator: ", ")
        s += "\n  text: \(a.text)\n"
        for e in a.evidence { s += "  [\(e.sign)] \(e.start)-\(e.end): \(e.snippet)\n" }
        if !a.pii.isEmpty { s += "  personal data: " + a.pii.map { "\($0.type) \($0.token)" }.joined(separator: ", ") + "\n" }
        out.append(contentsOf: s.utf8)
    }
}
