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

// SwiftPM links an executable with `main` = `FuzzXML_main`; hand control to libFuzzer's driver.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32
) -> Int32

@_cdecl("FuzzXML_main")
public func fuzzMain(
    _ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
) -> Int32 {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments, { data, size in fuzzXML(data, size) })
}
