import SafeguardCore

/// libFuzzer entry point: any text through the rule-expression parser must give a syntax tree or
/// an `ExpressionError` — never a crash or a hang.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRuleExpression(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? Parser.parse(text)
    return 0
}
