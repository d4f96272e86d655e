import SafeguardCore

/// Taxi badge and plate numbers written with a licensing code ("PH/1234", "HCD/445", "PHV 20156")
/// and the UK registration formats that need more than their shape: dateless ("ABC 123",
/// "1234 AB") after a vehicle word, and Northern Ireland ("ABZ 1234") anywhere.
extension WordScanner {
    /// Licensing codes that councils and TfL put before badge and plate numbers.
    static let licenceCodes: Set<String> = [
        "ph", "phv", "phd", "pho", "phdl", "hc", "hcd", "hcv", "hcdl", "hcl", "pv",
    ]

    /// "PH/1234", "HCD/445", "PHV 20156", "TX-0412", "PHV20156": a capitalised licensing code, an optional
    /// `/`, `-` or space, and 2-6 digits (a further `/digits` part is kept: "PH/2019/123").
    func licenceCode(at start: Int, end: Int) -> PIISpan? {
        let t = self.text
        let n = t.count
        var k = start
        while k < n && ByteClass.isUpper(t[k]) && k - start < 5 { k += 1 }
        let letters = k - start
        guard letters >= 2, letters <= 4 else { return nil }
        let code = String(decoding: UnsafeBufferPointer(rebasing: t[start..<k]).map { $0 | 0x20 }, as: UTF8.self)
        guard Self.licenceCodes.contains(code) else { return nil }
        if k < n && (t[k] == 0x2F || t[k] == 0x2D || t[k] == 0x20) { k += 1 }
        let digitsStart = k
        while k < n && ByteClass.isDigit(t[k]) { k += 1 }
        guard k - digitsStart >= 2, k - digitsStart <= 6 else { return nil }
        if k + 1 < n && t[k] == 0x2F && ByteClass.isDigit(t[k + 1]) {
            k += 1
            while k < n && ByteClass.isDigit(t[k]) { k += 1 }
        }
        if k < n && (ByteClass.table[Int(t[k])] & ByteClass.word) != 0 { return nil }
        return PIISpan(type: .licenceNumber, start: start, end: k)
    }

    /// A Northern Ireland registration: three capitals holding an `I` or a `Z`, then 1-4 digits ("ABZ 1234", "KIG 42").
    func northernIrelandPlate(at start: Int) -> PIISpan? {
        let t = self.text
        let n = t.count
        guard start + 3 < n, ByteClass.isUpper(t[start]), ByteClass.isUpper(t[start + 1]), ByteClass.isUpper(t[start + 2])
        else { return nil }
        guard t[start + 1] == 0x49 || t[start + 1] == 0x5A || t[start + 2] == 0x49 || t[start + 2] == 0x5A else { return nil }
        var k = start + 3
        if k < n && t[k] == 0x20 { k += 1 }
        let digitsStart = k
        while k < n && ByteClass.isDigit(t[k]) && k - digitsStart < 5 { k += 1 }
        guard k - digitsStart >= 2, k - digitsStart <= 4 else { return nil }
        if k < n && (ByteClass.table[Int(t[k])] & ByteClass.word) != 0 { return nil }
        return PIISpan(type: .vehicleRegistration, start: start, end: k)
    }

    /// A dateless registration right at `start` (after a vehicle word): 1-3 letters and 1-4 digits
    /// ("ABC 123", "A 1"), or 1-4 digits and 1-3 letters ("1234 AB"), the letters in capitals
    /// (so "car is 10 min away" keeps its "10 min").
    func datelessPlate(at start: Int) -> PIISpan? {
        let t = self.text
        let n = t.count
        func run(_ from: Int, _ test: (UInt8) -> Bool, _ most: Int) -> Int {
            var k = from
            while k < n && test(t[k]) && k - from <= most { k += 1 }
            return k - from
        }
        func boundary(_ k: Int) -> Bool { k >= n || (ByteClass.table[Int(t[k])] & ByteClass.word) == 0 }
        let letters = run(start, ByteClass.isUpper, 3)
        if letters >= 1 && letters <= 3 {
            var k = start + letters
            if k < n && t[k] == 0x20 { k += 1 }
            let digits = run(k, ByteClass.isDigit, 4)
            if digits >= 1 && digits <= 4 && boundary(k + digits) { return PIISpan(type: .vehicleRegistration, start: start, end: k + digits) }
            return nil
        }
        let digits = run(start, ByteClass.isDigit, 4)
        guard digits >= 1 && digits <= 4 else { return nil }
        var k = start + digits
        if k < n && t[k] == 0x20 { k += 1 }
        let after = run(k, ByteClass.isUpper, 3)
        guard after >= 1 && after <= 3 && boundary(k + after) else { return nil }
        return PIISpan(type: .vehicleRegistration, start: start, end: k + after)
    }
}
