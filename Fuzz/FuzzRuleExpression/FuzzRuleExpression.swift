import FuzzDriver
import SafeguardCore

/// libFuzzer entry point: any text through the rule-expression parser must give a syntax tree or
/// an `ExpressionError` — never a crash or a hang.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRuleExpression(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? Parser.parse(text)
    return 0
}

@_cdecl("FuzzRuleExpression_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    FuzzDriver.run(argc, argv) { data, size in fuzzRuleExpression(data, size) }
}
