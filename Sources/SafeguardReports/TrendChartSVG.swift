import SafeguardCore

/// The monthly trend as an inline SVG: bars of concern evidence stacked by source, a line for
/// the number of hotels with concern that month. Hand-written, no script.
struct TrendChartSVG {
    var months: [MonthlyTrend]
    var counts: CountStyle

    static let sources: [(label: String, colour: String)] = [
        ("Reviews", "#4e79a7"), ("Whistle-blowing reports", "#f28e2b"), ("Intelligence", "#e15759"), ("Visits", "#59a14f"),
    ]

    static func value(_ month: MonthlyTrend, source: Int) -> Int {
        switch source {
        case 0: return month.reviewItems
        case 1: return month.reportItems
        case 2: return month.intelligenceItems
        default: return month.visitItems
        }
    }

    func render(width: Double = 760, height: Double = 230) -> String {
        let left = 40.0
        let right = 12.0
        let top = 26.0
        let bottom = 38.0
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        let maximum = max(1, self.months.map(\.total).max() ?? 1)
        let step = Self.niceStep(maximum)
        let axisMax = Double(((maximum + step - 1) / step) * step)
        let slot = plotWidth / Double(max(1, self.months.count))
        let barWidth = max(2, slot * 0.72)
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 \(HTMLText.number(width, decimals: 0)) \(HTMLText.number(height, decimals: 0))\" role=\"img\" aria-labelledby=\"trend-title\">"
        svg += "<title id=\"trend-title\">Concern evidence per month by source, with the number of hotels concerned</title>"
        // Grid and y labels.
        var tick = 0
        while Double(tick) <= axisMax {
            let y = top + plotHeight - Double(tick) / axisMax * plotHeight
            svg += "<line x1=\"\(HTMLText.number(left))\" y1=\"\(HTMLText.number(y))\" x2=\"\(HTMLText.number(width - right))\" y2=\"\(HTMLText.number(y))\" class=\"grid\"/>"
            svg += "<text x=\"\(HTMLText.number(left - 5))\" y=\"\(HTMLText.number(y + 3.5))\" class=\"ylabel\">\(tick)</text>"
            tick += step
        }
        // Bars.
        for (index, month) in self.months.enumerated() {
            let x = left + Double(index) * slot + (slot - barWidth) / 2
            var base = top + plotHeight
            let hidden = self.counts.hides(month.total)
            for (sourceIndex, source) in Self.sources.enumerated() {
                let value = Self.value(month, source: sourceIndex)
                guard value > 0 else { continue }
                let barHeight = Double(value) / axisMax * plotHeight
                base -= barHeight
                let label = hidden ? "<5" : String(value)
                svg += "<rect x=\"\(HTMLText.number(x))\" y=\"\(HTMLText.number(base))\" width=\"\(HTMLText.number(barWidth))\" height=\"\(HTMLText.number(barHeight))\" fill=\"\(source.colour)\"><title>\(HTML.escape("\(month.month): \(label) from \(source.label.lowercased())"))</title></rect>"
            }
            if index % 3 == 0 || index == self.months.count - 1 {
                svg += "<text x=\"\(HTMLText.number(x + barWidth / 2))\" y=\"\(HTMLText.number(top + plotHeight + 14))\" class=\"xlabel\">\(Self.shortMonth(month.month))</text>"
            }
        }
        // Line: hotels with concern each month.
        let points = self.months.enumerated().map { index, month in
            "\(HTMLText.number(left + (Double(index) + 0.5) * slot)),\(HTMLText.number(top + plotHeight - Double(month.hotels) / axisMax * plotHeight))"
        }
        if points.count > 1 {
            svg += "<polyline points=\"\(points.joined(separator: " "))\" class=\"trendline\"/>"
        }
        svg += "<line x1=\"\(HTMLText.number(left))\" y1=\"\(HTMLText.number(top + plotHeight))\" x2=\"\(HTMLText.number(width - right))\" y2=\"\(HTMLText.number(top + plotHeight))\" class=\"axis\"/>"
        // Legend.
        var legendX = left
        for source in Self.sources {
            svg += "<rect x=\"\(HTMLText.number(legendX))\" y=\"6\" width=\"10\" height=\"10\" fill=\"\(source.colour)\"/>"
            svg += "<text x=\"\(HTMLText.number(legendX + 14))\" y=\"15\" class=\"legend\">\(HTML.escape(source.label))</text>"
            legendX += 14 + Double(source.label.count) * 6.2 + 16
        }
        svg += "<line x1=\"\(HTMLText.number(legendX))\" y1=\"11\" x2=\"\(HTMLText.number(legendX + 16))\" y2=\"11\" class=\"trendline\"/>"
        svg += "<text x=\"\(HTMLText.number(legendX + 20))\" y=\"15\" class=\"legend\">Hotels with concern</text>"
        svg += "<text x=\"\(HTMLText.number(left + plotWidth / 2))\" y=\"\(HTMLText.number(height - 4))\" class=\"xlabel\">Month (concern signs only; weak signs and good practice are not counted)</text>"
        svg += "</svg>"
        return svg
    }

    static func niceStep(_ maximum: Int) -> Int {
        for step in [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1_000, 2_000, 5_000, 10_000] where maximum / step <= 6 {
            return step
        }
        return max(1, maximum / 5)
    }

    static func shortMonth(_ month: String) -> String {
        let names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let parts = month.split(separator: "-")
        guard parts.count == 2, let index = Int(parts[1]), (1...12).contains(index) else { return month }
        return "\(names[index - 1]) \(parts[0].suffix(2))"
    }
}
