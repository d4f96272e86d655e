import FuzzDriver
import SafeguardImport

/// libFuzzer entry point: any bytes through the hardened XML reader and the FHRS profile must end
/// in records, issues or an `ImportError` — never a crash, hang or unbounded memory.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXML(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    do {
        try FHRSReader().read(bytes: bytes, name: "fuzz.xml", onIssue: { _ in }) { _ in }
    } catch {}
    return 0
}

@_cdecl("FuzzXML_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    FuzzDriver.run(argc, argv) { data, size in fuzzXML(data, size) }
}
