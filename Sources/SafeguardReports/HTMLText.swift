/// Number formatting for the reports' SVG charts (escaping is `HTML.escape` in SafeguardCore).
enum HTMLText {
    /// A number with at most `decimals` decimals for SVG coordinates.
    static func number(_ value: Double, decimals: Int = 1) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = Int((value * scale).rounded())
        if decimals == 0 { return String(scaled) }
        let sign = scaled < 0 ? "-" : ""
        let magnitude = abs(scaled)
        let whole = magnitude / Int(scale)
        var fraction = String(magnitude % Int(scale))
        while fraction.count < decimals { fraction = "0" + fraction }
        return "\(sign)\(whole).\(fraction)"
    }
}

/// Colours of the bands: the lowest band grey, the highest dark red, those between amber and orange.
enum BandPalette {
    static func colour(bandIndex: Int, bandCount: Int) -> String {
        guard bandIndex > 0 else { return "#9e9e9e" }
        let warm = ["#d4a000", "#e8772e", "#b2182b"]
        let fromTop = max(0, bandCount - 1 - bandIndex)
        return warm[max(0, warm.count - 1 - fromTop)]
    }
}
