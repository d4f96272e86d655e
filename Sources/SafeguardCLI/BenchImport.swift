import ArgumentParser
import Foundation
import SafeguardCore
import SafeguardImport
import SafeguardStore

/// `safeguard bench import`: parse and import speed of the FHRS XML and LGA CSV readers.
struct BenchImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Measure FHRS XML and premises CSV parse and import speed (release build).",
        discussion: """
            Build the inputs first (bench/run-import.sh does it all, peers included):
              python3 ../shared/peers/make_big_fhrs.py bench/out/fhrs-200mb.xml 200 ../shared/data/fhrs/*.xml
              python3 ../shared/peers/make_big_premises_csv.py bench/out/premises-1m.csv 1000000
              .build/release/safeguard bench import --xml bench/out/fhrs-200mb.xml --csv bench/out/premises-1m.csv
            """
    )

    @Option(help: "An FHRS XML file to measure.")
    var xml: String?

    @Option(help: "An LGA premises-licence CSV file to measure.")
    var csv: String?

    @Option(help: "Scratch database directory (its bench-*.sqlite files are replaced).")
    var scratch = "bench/out"

    @Option(help: "Records per store transaction (as `safeguard import --batch-size`).")
    var batchSize = 5000

    func validate() throws {
        if self.xml == nil, self.csv == nil { throw ValidationError("give --xml FILE and/or --csv FILE") }
        guard self.batchSize > 0 else { throw ValidationError("--batch-size must be positive") }
    }

    func run() throws {
        if let xml {
            let bytes = Self.size(xml)
            // Parsing as the import does it (XML to rows), then to the `FHRSEstablishment` values
            // other callers get (a `String` per field on top).
            var count = 0
            let parse = try Measure.run {
                try FHRSReader().readRows(path: xml, onIssue: { _ in }) { _ in count += 1 }
            }
            Self.report("fhrs-parse", bytes: bytes, records: count, parse)
            count = 0
            let values = try Measure.run {
                try FHRSReader().read(path: xml, onIssue: { _ in }) { _ in count += 1 }
            }
            Self.report("fhrs-parse-to-values", bytes: bytes, records: count, values)
            // The command's own path: parse and prepare on a second thread, store on this one.
            let store = try self.freshStore("bench-fhrs.sqlite")
            var outcome = ImportOutcome()
            let load = try Measure.run {
                outcome = FHRSImportLoop.run(xml, batchSize: self.batchSize, onIssue: { _ in }, progress: nil, into: store)
            }
            if let failure = outcome.readFailure ?? outcome.storeFailure { throw failure }
            Self.report("fhrs-import", bytes: bytes, records: outcome.summary.new, load)
            print(
                "fhrs-import-threads store_cpu_s=\(String(format: "%.2f", outcome.storeCPU)) "
                    + "read_cpu_s=\(String(format: "%.2f", outcome.readCPU)) "
                    + "index_build_s=\(String(format: "%.2f", outcome.indexSeconds))")
        }
        if let csv {
            let bytes = Self.size(csv)
            var rows = 0
            let tokenise = try Measure.run {
                try CSVReader(path: csv).forEachRecord { _ in rows += 1 }
            }
            Self.report("csv-parse", bytes: bytes, records: rows - 1, tokenise)
            var mapped = 0
            let map = try Measure.run {
                try CSVImporter.read(path: csv, profile: PremisesLicenceProfile(), onIssue: { _ in }) { _ in
                    mapped += 1
                }
            }
            Self.report("csv-parse+map", bytes: bytes, records: mapped, map)
            // The command's own path: parse, map and prepare on a second thread, store on this one.
            let store = try self.freshStore("bench-premises.sqlite")
            var outcome = ImportOutcome()
            let load = try Measure.run {
                outcome = CSVImportLoop.run(
                    csv, profile: PremisesLicenceProfile(), batchSize: self.batchSize,
                    prepare: PreparedLicenceEvent.init, onIssue: { _ in }, progress: nil
                ) { try store.recordLicenceEvents(prepared: $0) }
            }
            if let failure = outcome.readFailure ?? outcome.storeFailure { throw failure }
            let stored = outcome.summary.read
            Self.report("csv-import", bytes: bytes, records: stored, load)
            print(
                "csv-import-threads store_cpu_s=\(String(format: "%.2f", outcome.storeCPU)) "
                    + "store_records/cpu_s=\(Int(Double(stored) / outcome.storeCPU)) "
                    + "read_cpu_s=\(String(format: "%.2f", outcome.readCPU))")
        }
        print("peak-rss-mb=\(Measure.peakRSSMegabytes())")
    }

    func freshStore(_ name: String) throws -> SQLiteStore {
        let path = URL(fileURLWithPath: self.scratch).appendingPathComponent(name).path
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        return try SQLiteStore(path: path)
    }

    static func size(_ path: String) -> Int {
        (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
    }

    static func report(_ name: String, bytes: Int, records: Int, _ time: Measure) {
        func fixed(_ value: Double) -> String { String(format: "%.2f", value) }
        print(
            "\(name) bytes=\(bytes) records=\(records) wall_s=\(fixed(time.wall)) cpu_s=\(fixed(time.cpu)) "
                + "MB/s=\(fixed(Double(bytes) / 1e6 / time.wall)) records/s=\(Int(Double(records) / time.wall)) "
                + "records/cpu_s=\(Int(Double(records) / time.cpu))")
    }
}

/// Wall and CPU time of a block.
struct Measure {
    var wall: Double
    var cpu: Double

    static func run(_ body: () throws -> Void) throws -> Measure {
        let cpuStart = Self.cpuSeconds()
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return Measure(wall: wall, cpu: Self.cpuSeconds() - cpuStart)
    }

    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6 + Double(usage.ru_stime.tv_sec)
            + Double(usage.ru_stime.tv_usec) / 1e6
    }

    /// CPU time of the calling thread alone (user + system).
    static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// Peak resident set size (VmHWM) in MB.
    static func peakRSSMegabytes() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss / 1024
    }
}
