import Dispatch
import SafeguardCore
import SafeguardImport
import SafeguardStore

/// One FHRS file into the store: the header first (its extract date goes with every record),
/// then parsing and preparing (`PreparedEstablishment`) on a second thread while this one stores
/// batch by batch, on either backend.
/// Shared by `safeguard import fhrs` and `safeguard bench import`, so the benchmark measures
/// the command's own path.
enum FHRSImportLoop {
    /// Imports `file`, handing issues and progress to the caller on this thread.
    static func run(
        _ file: String, batchSize: Int, onIssue: (ImportIssue) -> Void, progress: ((Int) -> Void)?,
        into store: any SafeguardStore
    ) -> ImportOutcome {
        var outcome = ImportOutcome()
        outcome.summary.hotels = 0
        outcome.summary.hotelsByName = 0
        let extract: CalendarDay?
        do {
            extract = try FHRSReader().header(path: file).extractDate
        } catch {
            outcome.readFailure = error
            return outcome
        }
        // Into an empty SQLite store, secondary indexes are built once at the end (restored on any exit).
        let sqlite = store as? SQLiteStore
        let bulk: Bool
        do {
            bulk = try sqlite?.beginBulkLoad() ?? false
        } catch {
            outcome.storeFailure = error
            return outcome
        }
        ImportLoop.run(
            batchSize: batchSize, into: &outcome,
            read: { (sink: ImportBatchSink<PreparedEstablishment>) in
                try FHRSReader().readRows(path: file, progress: sink.progress, onIssue: sink.issue) { row in
                    try sink.record(PreparedEstablishment(row))
                }
            }, onIssue: onIssue, progress: progress,
            save: { try store.recordEstablishments(prepared: $0, extractDate: extract) })
        if bulk, let sqlite {
            let started = DispatchTime.now().uptimeNanoseconds
            do { try sqlite.restoreIndexes() } catch { outcome.storeFailure = outcome.storeFailure ?? error }
            outcome.indexSeconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        }
        return outcome
    }
}
