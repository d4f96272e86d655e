/// Hands a fuzz target's process to libFuzzer. SwiftPM links each executable with `main` renamed
/// `<Target>_main`, so every target defines that symbol and calls `FuzzDriver.run` with its
/// `LLVMFuzzerTestOneInput`.
public enum FuzzDriver {
    /// Runs libFuzzer's driver with the process arguments and the target's test function.
    public static func run(
        _ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
        _ test: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32
    ) -> Int32 {
        var count = argc
        var arguments = argv
        return llvmFuzzerRunDriver(&count, &arguments, test)
    }
}

@_silgen_name("LLVMFuzzerRunDriver")
private func llvmFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32
) -> Int32
