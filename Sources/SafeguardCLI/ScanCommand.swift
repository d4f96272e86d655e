import ArgumentParser
import Foundation
import SafeguardCore
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
            At most 50 evidence items a text (the first of every sign, then the earliest); when there \
            were more, "omitted_evidence": N after "evidence" says how many.
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
        let format = self.format
        let name = reader.name
        var out = OutputBuffer()
        var errors = 0
        // lines are analysed in batches spread over the cores (ParallelMap keeps their order)
        var batch: [(line: [UInt8], number: Int)] = []
        var batchBytes = 0
        func flushBatch() {
            let results = ParallelMap.map(batch, minimumChunk: 16) { item in
                Self.process(item.line, number: item.number, name: name, format: format, analyser: analyser)
            }
            for result in results {
                out.bytes.append(contentsOf: result.bytes)
                if result.failed { errors += 1 }
                out.flushIfLarge()
            }
            batch.removeAll(keepingCapacity: true)
            batchBytes = 0
        }
        try reader.forEachLine { line, number in
            batch.append((Array(line), number))
            batchBytes += line.count
            if batch.count >= 4_096 || batchBytes >= 8 << 20 { flushBatch() }
        }
        flushBatch()
        out.flush()
        if errors > 0 {
            FileHandle.standardError.write(Data("safeguard scan: \(errors) line(s) could not be read; see their \"error\" records.\n".utf8))
        }
    }

    /// The output line (with its newline) for one input line, and whether it is an error record.
    static func process(_ line: [UInt8], number: Int, name: String, format: Format, analyser: TextAnalyser) -> (bytes: [UInt8], failed: Bool) {
        var out: [UInt8] = []
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
            ScanLineCodec.encodeError(line: number, rawID: nil, message: "line \(number): empty line; remove it or give {\"id\": …, \"text\": \"…\"}", into: &out)
            out.append(0x0A)
            return (out, true)
        }
        var failed = false
        do {
            let parsed = try line.withUnsafeBufferPointer { (buffer) throws(TextError) in try ScanLineCodec.parse(buffer) }
            let analysis = analyser.analyse(parsed.text)
            switch format {
            case .jsonl:
                ScanLineCodec.encode(rawID: parsed.rawID, analysis, into: &out)
            case .text:
                Self.describe(id: parsed.rawID, analysis, into: &out)
            }
        } catch {
            failed = true
            ScanLineCodec.encodeError(line: number, rawID: nil, message: "\(name) line \(number): \(error)", into: &out)
        }
        out.append(0x0A)
        return (out, failed)
    }

    static func describe(id: [UInt8], _ a: TextAnalysis, into out: inout [UInt8]) {
        var s = "id \(String(decoding: id, as: UTF8.self)): "
        s += a.signs.isEmpty ? "no signs" : "signs: " + a.signs.joined(separator: ", ")
        s += "\n  text: \(a.text)\n"
        for e in a.evidence { s += "  [\(e.sign)] \(e.start)-\(e.end): \(e.snippet)\n" }
        if a.omittedEvidence > 0 { s += "  … and \(a.omittedEvidence) more asserted phrase(s) not listed\n" }
        if !a.pii.isEmpty { s += "  personal data: " + a.pii.map { "\($0.type) \($0.token)" }.joined(separator: ", ") + "\n" }
        out.append(contentsOf: s.utf8)
    }
}
