import Foundation
import SafeguardCore
import SafeguardImport
import SafeguardStore
import SafeguardText

/// Imports a corpus directory (the layout `safeguard corpus generate` writes) into a store:
/// FHRS, licences, taxis, reviews, whistle-blowing reports and intelligence, with every text
/// pseudonymised and scanned before storage. Used by `demo` and `bench profile`, on either store
/// (SQLite or PostgreSQL): the taxi register's history, NR3S searches and s.6 replies go in only
/// when the store keeps them (`TaxiRegisterStore`), and are listed in `skipped` otherwise.
public final class CorpusImport {
    let store: any SafeguardStore
    let builder: TextRecordBuilder
    var batchSize = 5_000

    /// Creates an importer writing into `store`, analysing text with `analyser`.
    public init(store: any SafeguardStore, analyser: TextAnalyser) {
        self.store = store
        self.builder = TextRecordBuilder(analyser: analyser)
    }
    /// Bad records, by file (the demo prints the count and writes them to a rejects file).
    public private(set) var issues: [ImportIssue] = []
    /// Sources of the corpus this store does not keep (not imported; the demo prints them).
    public private(set) var skipped: [String] = []

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
        if let register = self.store as? any TaxiRegisterStore {
            try step("Taxi licence history") { try self.importCSV(path("taxis/licence-history.csv"), TaxiHistoryProfile()) { try register.recordTaxiHistory($0) } }
            try step("NR3S searches") { try self.importCSV(path("taxis/nr3s.csv"), NR3SSearchProfile()) { try register.recordNR3SSearches($0) } }
            try step("s.5 notifications and s.6 replies") { try self.importCSV(path("taxis/s6-replies.csv"), Section6ReplyProfile()) { try register.recordSection6Replies($0) } }
        } else {
            self.skipped += ["Taxi licence history", "NR3S searches", "s.5 notifications and s.6 replies"]
        }
        try step("Reviews") { try self.importReviews(path("reviews/reviews.csv")) }
        // Every .jsonl under reports/ and every .csv under intelligence/ (the planted driver cases sit beside the generated files).
        func files(_ folder: String, _ suffix: String) -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: path(folder))) ?? []).filter { $0.hasSuffix(suffix) }.sorted().map { path("\(folder)/\($0)") }
        }
        try step("Whistle-blowing reports") {
            var total = (read: 0, stored: 0, rejected: 0)
            for file in files("reports", ".jsonl") {
                let counts = try self.importReports(file)
                total = (total.read + counts.read, total.stored + counts.stored, total.rejected + counts.rejected)
            }
            return total
        }
        try step("Intelligence records") {
            let builder = self.builder
            var total = (read: 0, stored: 0, rejected: 0)
            for file in files("intelligence", ".csv") {
                let counts = try self.importCSV(file, IntelligenceProfile()) { records in
                    try self.store.saveIntelligence(ParallelMap.map(records, builder.intelligence))
                }
                total = (total.read + counts.read, total.stored + counts.stored, total.rejected + counts.rejected)
            }
            return total
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
        let builder = self.builder
        return try self.importCSV(path, CorpusReviewProfile()) { rows in
            try self.store.saveReviews(ParallelMap.map(rows, builder.review))
        }
    }

    private func importReports(_ path: String) throws -> (read: Int, stored: Int, rejected: Int) {
        guard FileManager.default.fileExists(atPath: path) else { return (0, 0, 0) }
        var records: [ReportRecord] = []
        var issues: [ImportIssue] = []
        let reader = WhistleblowingReportReader(knownSigns: Set(self.builder.analyser.scanner.signs.map(\.id)))
        let result = try reader.read(path: path, onIssue: { issues.append($0) }) { records.append($0) }
        self.issues += issues
        let screened = ParallelMap.map(records, self.builder.report)
        let summary = try self.store.saveReports(screened)
        return (result.rows, summary.read - summary.rejected, result.rejected + summary.rejected)
    }
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

    func record(from row: MappedRow) throws(RowProblem) -> ReviewInput {
        let ratingText = row.text(6)
        var rating: Double?
        if let ratingText {
            guard let value = Double(ratingText), value >= 0, value <= 10 else {
                throw RowProblem(code: "review.rating", field: "rating", message: "rating '\(ratingText)' is not a number from 1 to 10")
            }
            rating = value
        }
        return ReviewInput(
            id: try row.required(0), premisesName: try row.required(1), address: row.text(2) ?? "", postcode: row.text(3),
            site: row.text(4), date: try row.date(5), rating: rating, text: try row.required(7), line: row.line)
    }
}

