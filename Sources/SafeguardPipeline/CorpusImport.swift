import Foundation
import SafeguardCore
import SafeguardImport
import SafeguardStore
import SafeguardText

/// Imports a corpus directory (the layout `safeguard corpus generate` writes) into a store:
/// FHRS, licences, taxis, reviews, whistle-blowing reports and intelligence, with every text
/// pseudonymised and scanned before storage. Used by `demo` and `bench profile`.
public final class CorpusImport {
    let store: SQLiteStore
    let analyser: TextAnalyser
    var batchSize = 5_000

    /// Creates an importer writing into `store`, analysing text with `analyser`.
    public init(store: SQLiteStore, analyser: TextAnalyser) {
        self.store = store
        self.analyser = analyser
    }
    /// Bad records, by file (the demo prints the count and writes them to a rejects file).
    public private(set) var issues: [ImportIssue] = []

    /// One line per source: what was read and stored.
    public struct Line: Sendable {
        public var source: String
        public var read: Int
        public var stored: Int
        public var rejected: Int
        public var seconds: Double
    }

    /// Imports every file of the corpus layout; `progress` hears each source when it is done.
    @discardableResult
    public func importAll(from corpus: URL, progress: (Line) -> Void = { _ in }) throws -> [Line] {
        var lines: [Line] = []
        func step(_ name: String, _ work: () throws -> (read: Int, stored: Int, rejected: Int)) rethrows {
            let start = ContinuousClock.now
            let counts = try work()
            let elapsed = ContinuousClock.now - start
            let line = Line(
                source: name, read: counts.read, stored: counts.stored, rejected: counts.rejected,
                seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
            lines.append(line)
            progress(line)
        }
        func path(_ relative: String) -> String { corpus.appendingPathComponent(relative).path }
        let fhrsFiles = ((try? FileManager.default.contentsOfDirectory(atPath: path("fhrs"))) ?? []).filter { $0.hasSuffix(".xml") }.sorted()
        guard !fhrsFiles.isEmpty else {
            throw PipelineError(message: "No FHRS XML file in \(path("fhrs")). Pass the corpus directory (the one holding fhrs/, reviews/, ...), e.g. --corpus corpus.")
        }
        try step("FHRS establishments") { try self.importFHRS(fhrsFiles.map { path("fhrs/\($0)") }) }
        try step("Premises licence events") { try self.importCSV(path("licences/premises-licences.csv"), PremisesLicenceProfile()) { try self.store.recordLicenceEvents($0) } }
        try step("Taxi drivers") { try self.importCSV(path("taxis/drivers.csv"), TaxiDriverProfile()) { try self.store.recordDrivers($0) } }
        try step("Taxi vehicles") { try self.importCSV(path("taxis/vehicles.csv"), TaxiVehicleProfile()) { try self.store.recordVehicles($0) } }
        try step("Taxi operators") { try self.importCSV(path("taxis/operators.csv"), TaxiOperatorProfile()) { try self.store.recordOperators($0) } }
        try step("Reviews") { try self.importReviews(path("reviews/reviews.csv")) }
        try step("Whistle-blowing reports") { try self.importReports(path("reports/reports.jsonl")) }
        try step("Intelligence records") {
            let analyser = self.analyser
            return try self.importCSV(path("intelligence/intelligence.csv"), IntelligenceProfile()) { records in
                try self.store.saveIntelligence(records.map { CorpusImport.screen($0, analyser: analyser) })
            }
        }
        return lines
    }

    private func importFHRS(_ files: [String]) throws -> (read: Int, stored: Int, rejected: Int) {
        var totals = (read: 0, stored: 0, rejected: 0)
        for file in files {
            var batch: [FHRSEstablishment] = []
            var issues: [ImportIssue] = []
            let result = try FHRSReader().read(path: file, onIssue: { issues.append($0) }, onRecord: { batch.append($0) })
            self.issues += issues
            for start in stride(from: 0, to: batch.count, by: self.batchSize) {
                _ = try self.store.recordEstablishments(Array(batch[start..<min(batch.count, start + self.batchSize)]), extractDate: result.extractDate)
            }
            totals.read += result.records
            totals.stored += batch.count
            totals.rejected += result.records - result.delivered
        }
        return totals
    }

    private func importCSV<P: CSVProfile>(
        _ path: String, _ profile: P, save: ([P.Record]) throws -> ImportSummary
    ) throws -> (read: Int, stored: Int, rejected: Int) {
        guard FileManager.default.fileExists(atPath: path) else { return (0, 0, 0) }
        var batch: [P.Record] = []
        var stored = 0
        var rejected = 0
        var issues: [ImportIssue] = []
        let result = try CSVImporter.read(path: path, profile: profile, onIssue: { issues.append($0) }) { record in
            batch.append(record)
            if batch.count >= self.batchSize {
                let summary = try save(batch)
                stored += summary.read - summary.rejected
                rejected += summary.rejected
                batch.removeAll(keepingCapacity: true)
            }
        }
        if !batch.isEmpty {
            let summary = try save(batch)
            stored += summary.read - summary.rejected
            rejected += summary.rejected
        }
        self.issues += issues
        return (result.rows, stored, result.rejected + rejected)
    }

    /// Reviews: pseudonymise and scan in parallel batches, then store.
    private func importReviews(_ path: String) throws -> (read: Int, stored: Int, rejected: Int) {
        let analyser = self.analyser
        return try self.importCSV(path, CorpusReviewProfile()) { rows in
            try self.store.saveReviews(ParallelMap.map(rows) { row in
                let analysis = analyser.analyse(row.text, preserving: [row.premisesName])
                return ReviewRecord(
                    sourceID: row.id, site: row.site, premisesName: row.premisesName, address: row.address,
                    postcode: row.postcode, date: row.date, rating: row.rating, text: analysis.text,
                    evidence: analysis.evidence(source: .review, sourceID: row.id, date: row.date, origin: row.site))
            })
        }
    }

    private func importReports(_ path: String) throws -> (read: Int, stored: Int, rejected: Int) {
        guard FileManager.default.fileExists(atPath: path) else { return (0, 0, 0) }
        var records: [ReportRecord] = []
        var issues: [ImportIssue] = []
        let result = try WhistleblowingReportReader().read(path: path, onIssue: { issues.append($0) }) { records.append($0) }
        self.issues += issues
        let screened = records.map { CorpusImport.screen($0, analyser: self.analyser) }
        let summary = try self.store.saveReports(screened)
        return (result.rows, summary.read - summary.rejected, result.rejected + summary.rejected)
    }

    /// A report pseudonymised and scanned like a review; ticked signs the text does not show
    /// become evidence with the report's "seen" line as the snippet.
    public static func screen(_ record: ReportRecord, analyser: TextAnalyser) -> ReportRecord {
        var record = record
        let preserving = [record.place.premises].compactMap { $0 }
        let text = analyser.analyse(record.text, preserving: preserving)
        let seen = analyser.analyse(record.seen, preserving: preserving)
        record.text = text.text
        record.seen = seen.text
        let date = record.when.flatMap { CalendarDay(iso: $0) } ?? record.received
        var evidence = text.evidence(source: .report, sourceID: record.receiptID, date: date, origin: record.role.rawValue)
        var found = Set(evidence.map(\.sign))
        for item in seen.evidence(source: .report, sourceID: record.receiptID, date: date, origin: record.role.rawValue)
        where found.insert(item.sign).inserted {
            evidence.append(item)
        }
        for sign in record.signs where found.insert(sign).inserted {
            evidence.append(Evidence(
                sign: sign, source: .report, sourceID: record.receiptID, date: date,
                snippet: seen.text.isEmpty ? String(text.text.prefix(160)) : seen.text, origin: record.role.rawValue))
        }
        record.evidence = evidence
        return record
    }

    /// An intelligence record with its summary pseudonymised and scanned; listed signs the summary
    /// does not show become evidence with an excerpt.
    public static func screen(_ record: IntelligenceRecord, analyser: TextAnalyser) -> IntelligenceRecord {
        var record = record
        let analysis = analyser.analyse(record.summary, preserving: [record.place.premises].compactMap { $0 })
        record.summary = analysis.text
        var evidence = analysis.evidence(source: .intelligence, sourceID: record.id, date: record.date, origin: record.source.rawValue)
        var found = Set(evidence.map(\.sign))
        for sign in record.signs where found.insert(sign).inserted {
            evidence.append(Evidence(
                sign: sign, source: .intelligence, sourceID: record.id, date: record.date,
                snippet: String(analysis.text.prefix(160)), origin: record.source.rawValue))
        }
        record.evidence = evidence
        return record
    }
}

/// One row of the Safeguard review CSV (`id,premises_name,address,postcode,site,date,rating,text`).
struct CorpusReviewRow: Sendable {
    var id: String
    var premisesName: String
    var address: String?
    var postcode: String?
    var site: String
    var date: CalendarDay?
    var rating: Double?
    var text: String
}

/// The Safeguard review CSV as a CSV profile.
struct CorpusReviewProfile: CSVProfile {
    var name: String { "safeguard-reviews" }

    var columns: [CSVColumn] {
        [
            CSVColumn("id", required: true), CSVColumn("premises_name", aliases: ["premises", "hotel"], required: true),
            CSVColumn("address"), CSVColumn("postcode"), CSVColumn("site"), CSVColumn("date"), CSVColumn("rating"),
            CSVColumn("text", aliases: ["review"], required: true),
        ]
    }

    func record(from row: MappedRow) throws(RowProblem) -> CorpusReviewRow {
        let ratingText = row.text(6)
        var rating: Double?
        if let ratingText {
            guard let value = Double(ratingText), value >= 0, value <= 10 else {
                throw RowProblem(code: "review.rating", field: "rating", message: "rating '\(ratingText)' is not a number from 1 to 10")
            }
            rating = value
        }
        return CorpusReviewRow(
            id: try row.required(0), premisesName: try row.required(1), address: row.text(2), postcode: row.text(3),
            site: row.text(4) ?? "unknown", date: try row.date(5), rating: rating, text: try row.required(7))
    }
}

/// Maps an array over the cores, keeping the order.
enum ParallelMap {
    static func map<T: Sendable, U: Sendable>(_ items: [T], _ transform: @Sendable (T) -> U) -> [U] {
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, items.count / 64 + 1))
        guard workers > 1 else { return items.map(transform) }
        let chunk = (items.count + workers - 1) / workers
        let slots = Slots<[U]>(count: workers)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let start = worker * chunk
            let end = min(items.count, start + chunk)
            slots.set(worker, start < end ? items[start..<end].map(transform) : [])
        }
        return slots.values.flatMap { $0 }
    }

    final class Slots<Value: Sendable>: @unchecked Sendable {
        private var storage: [Value?]
        private let lock = NSLock()

        init(count: Int) { self.storage = Array(repeating: nil, count: count) }

        func set(_ index: Int, _ value: Value) {
            self.lock.lock()
            self.storage[index] = value
            self.lock.unlock()
        }

        var values: [Value] {
            self.lock.lock()
            defer { self.lock.unlock() }
            return self.storage.compactMap { $0 }
        }
    }
}
