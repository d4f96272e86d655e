import ArgumentParser
import Foundation
import SafeguardText

/// End-to-end speed of `safeguard scan`'s work on a JSON Lines file held in memory: parse each
/// line, pseudonymise, scan, encode the output line (no disk I/O in the timed part).
enum ScanSpeed {
    static func measure(path: String, analyser: TextAnalyser) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else { throw CommandError(.input, "Cannot read \(path).") }
        let bytes = [UInt8](data)
        var lines: [Range<Int>] = []
        var start = 0
        for (i, b) in bytes.enumerated() where b == 0x0A {
            lines.append(start..<i)
            start = i + 1
        }
        if start < bytes.count { lines.append(start..<bytes.count) }
        var textBytes = 0
        var outBytes = 0
        var signs = 0
        var pii = 0
        let cpuStart = clock()
        let begin = ContinuousClock.now
        bytes.withUnsafeBufferPointer { buffer in
            var out: [UInt8] = []
            out.reserveCapacity(1 << 20)
            for range in lines {
                guard let line = try? ScanLineCodec.parse(UnsafeBufferPointer(rebasing: buffer[range])) else { continue }
                textBytes += line.text.utf8.count
                let analysis = analyser.analyse(line.text)
                signs += analysis.signs.count
                pii += analysis.pii.count
                ScanLineCodec.encode(rawID: line.rawID, analysis, into: &out)
                out.append(0x0A)
                if out.count > 1 << 20 {
                    outBytes += out.count
                    out.removeAll(keepingCapacity: true)
                }
            }
            outBytes += out.count
        }
        let wall = ContinuousClock.now - begin
        let cpu = Double(clock() - cpuStart) / Double(CLOCKS_PER_SEC)
        let seconds = Double(wall.components.seconds) + Double(wall.components.attoseconds) / 1e18
        return String(
            format: "safeguard docs=%d file_bytes=%d text_bytes=%d wall_s=%.2f cpu_s=%.2f MB/s(text)=%.1f MB/s(file)=%.1f MB_per_cpu_s=%.1f docs/s=%.0f signs=%d pii=%d",
            lines.count, bytes.count, textBytes, seconds, cpu, Double(textBytes) / 1e6 / seconds,
            Double(bytes.count) / 1e6 / seconds, Double(textBytes) / 1e6 / cpu, Double(lines.count) / seconds, signs, pii)
    }
}
