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
            A malformed line gives {"id": ..., "line": N, "error": "..."} (with --format text: an \
            "error:" line) and the rest go on; the exit status is then 1 (see `safeguard --help`).
            No database is used; personal data is replaced by keyed tokens like [PERSON-7f3a9c2b].

            Examples:
              safeguard scan corpus/reports/reports.jsonl > scanned.jsonl
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
        let reader = try LineReader(path: self.file)
        let analyser = try self.text.makeAnalyser()
        var out = OutputBuffer()
        var errors = 0
        try reader.forEachLine { line, number in
            do {
                if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                    throw TextError(code: "empty-line", message: "empty line; remove it or give {\"id\": …, \"text\": \"…\"}")
                }
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
                let message = "\(reader.name) line \(number): \((error as? TextError)?.message ?? "\(error)")"
                switch self.format {
                case .jsonl:
                    ScanLineCodec.encodeError(line: number, rawID: ScanLineCodec.partialID(line), message: message, into: &out.bytes)
                case .text:
                    out.bytes.append(contentsOf: "error: \(message)\n".utf8)
                }
            }
            if self.format == .jsonl { out.bytes.append(0x0A) }
            try out.flushIfLarge()
        }
        try out.flush()
        if errors > 0 {
            throw CommandError(
                .input, "\(reader.name): \(errors) line(s) could not be read; the other lines were scanned",
                fix: self.format == .jsonl
                    ? "see their {\"line\": N, \"error\": …} records in the output, fix those lines and scan again"
                    : "see the `error:` lines in the output, fix those lines and scan again")
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
