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
            An evidence item found by a concept rule adds "concept" and "matched" (its words); one found
            by the classifier adds "weighed" (the words that weighed most).
            start/end count Unicode code points in the pseudonymised "text" (end exclusive).
            At most 50 evidence items a text (the first of every sign, then the earliest); when there \
            were more, "omitted_evidence": N after "evidence" says how many.
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

    /// Most lines in one batch handed to the cores.
    static let batchLines = 16_384
    /// Most bytes of input lines in one batch.
    static let batchBytes = 8 << 20

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case jsonl, text
    }

    func run() throws {
        let reader = try LineReader(path: self.file)
        let analyser = try self.text.makeAnalyser()
        let format = self.format
        let name = reader.name
        var out = OutputBuffer()
        var errors = 0
        // lines are analysed in batches spread over the cores (in order) while this thread reads
        // the next batch and writes the previous one's output; each core gets two large chunks of a
        // batch, so every stage of the analysis (name lists, classifier, automaton) runs over
        // thousands of texts before the next stage's tables are read into the caches (chunks of 32
        // lines cost 1.2x the CPU-seconds on 50 MB of reviews)
        let pipeline = BatchPipeline<(line: [UInt8], number: Int), (bytes: [UInt8], failed: Bool)>(
            chunksPerBatch: 2 * max(1, ProcessInfo.processInfo.activeProcessorCount),
            chunkTransform: { chunk in Self.process(chunk, name: name, format: format, analyser: analyser) })
        var batch: [(line: [UInt8], number: Int)] = []
        var batchBytes = 0
        func write(_ results: [(bytes: [UInt8], failed: Bool)]) throws {
            for result in results {
                out.bytes.append(contentsOf: result.bytes)
                if result.failed { errors += 1 }
                try out.flushIfLarge()
            }
        }
        try reader.forEachLine { line, number in
            batch.append((Array(line), number))
            batchBytes += line.count
            if batch.count >= Self.batchLines || batchBytes >= Self.batchBytes {
                try pipeline.submit(batch, deliver: write)
                batch = []
                batch.reserveCapacity(Self.batchLines)
                batchBytes = 0
            }
        }
        try pipeline.submit(batch, deliver: write)
        try pipeline.drain(write)
        try out.flush()
        if errors > 0 {
            throw CommandError(
                .input, "\(reader.name): \(errors) line(s) could not be read; the other lines were scanned",
                fix: self.format == .jsonl
                    ? "see their {\"line\": N, \"error\": …} records in the output, fix those lines and scan again"
                    : "see the `error:` lines in the output, fix those lines and scan again")
        }
    }

    /// The output lines of several input lines, each what ``process(_:number:name:format:analyser:)``
    /// gives for it; the texts read are analysed together (``TextAnalyser/analyse(batch:)``).
    static func process(
        _ lines: ArraySlice<(line: [UInt8], number: Int)>, name: String, format: Format, analyser: TextAnalyser
    ) -> [(bytes: [UInt8], failed: Bool)] {
        var results: [(bytes: [UInt8], failed: Bool)?] = []
        var parsed: [(index: Int, rawID: [UInt8], size: Int)] = []
        var texts: [String] = []
        for item in lines {
            let line = item.line
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                results.append(Self.process(line, number: item.number, name: name, format: format, analyser: analyser))
                continue
            }
            do {
                let read = try line.withUnsafeBufferPointer { (buffer) throws(TextError) in try ScanLineCodec.parse(buffer) }
                parsed.append((results.count, read.rawID, line.count))
                texts.append(read.text)
                results.append(nil)
            } catch {
                results.append(Self.process(line, number: item.number, name: name, format: format, analyser: analyser))
            }
        }
        for (item, analysis) in zip(parsed, analyser.analyse(batch: texts)) {
            var out: [UInt8] = []
            out.reserveCapacity(item.size + 256)
            switch format {
            case .jsonl:
                ScanLineCodec.encode(rawID: item.rawID, analysis, into: &out)
            case .text:
                Self.describe(id: item.rawID, analysis, into: &out)
            }
            out.append(0x0A)
            results[item.index] = (out, false)
        }
        return results.map { $0! }
    }

    /// The output line (with its newline) for one input line, and whether it is an error record.
    static func process(_ line: [UInt8], number: Int, name: String, format: Format, analyser: TextAnalyser) -> (bytes: [UInt8], failed: Bool) {
        var out: [UInt8] = []
        // the output holds the text again plus sign and token fields: one allocation, not several regrowths
        out.reserveCapacity(line.count + 256)
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
            Self.encodeError(line: number, rawID: nil, message: "\(name) line \(number): empty line; remove it or give {\"id\": …, \"text\": \"…\"}", format: format, into: &out)
            return (out, true)
        }
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
            Self.encodeError(line: number, rawID: line.withUnsafeBufferPointer(ScanLineCodec.partialID), message: "\(name) line \(number): \(error.message)", format: format, into: &out)
            return (out, true)
        }
        out.append(0x0A)
        return (out, false)
    }

    /// An error record for one line: a JSON object with its line and message, or an `error:` line.
    static func encodeError(line: Int, rawID: [UInt8]?, message: String, format: Format, into out: inout [UInt8]) {
        switch format {
        case .jsonl:
            ScanLineCodec.encodeError(line: line, rawID: rawID, message: message, into: &out)
            out.append(0x0A)
        case .text:
            out.append(contentsOf: "error: \(message)\n".utf8)
        }
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
