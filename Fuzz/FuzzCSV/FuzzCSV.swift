import FuzzDriver
import SafeguardImport

/// libFuzzer entry point: any bytes through the CSV reader and the LGA premises profile must end
/// in records, issues or an `ImportError` — never a crash, hang or out-of-bounds access.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    do {
        try CSVReader(bytes: bytes, name: "fuzz.csv").forEachRecord { record in
            for index in 0..<record.count { _ = record.decode(index) }
            _ = record.rawText
        }
    } catch {}
    do {
        try CSVImporter.read(bytes: bytes, name: "fuzz.csv", profile: PremisesLicenceProfile(), onIssue: { _ in }) { _ in }
    } catch {}
    return 0
}

@_cdecl("FuzzCSV_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    FuzzDriver.run(argc, argv) { data, size in fuzzCSV(data, size) }
}
