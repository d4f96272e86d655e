import Foundation

/// A one-line progress bar on stderr, shown only when stderr is a terminal.
final class ProgressBar: @unchecked Sendable {
    private let total: Int
    private let label: String
    private var lastPercent = -1

    /// nil when stderr is not a terminal or the file size is unknown.
    init?(file: String) {
        guard isatty(2) == 1,
            let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? NSNumber)?.intValue,
            size > 0
        else { return nil }
        self.total = size
        self.label = URL(fileURLWithPath: file).lastPathComponent
    }

    func update(bytes: Int) {
        let percent = min(100, bytes * 100 / self.total)
        guard percent != self.lastPercent else { return }
        self.lastPercent = percent
        let width = 30
        let filled = percent * width / 100
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        FileHandle.standardError.write(Data("\r\(self.label) [\(bar)] \(percent)%".utf8))
    }

    func finish() {
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
