import SafeguardCore

/// Overdue checks by the month they fell due, stacked by check (DBS, training, NR3S), as an
/// inline SVG with no script. The first bar gathers everything older than the months shown.
struct OverdueChartSVG {
    var months: [OverdueMonth]

    static let series: [(label: String, colour: String, value: @Sendable (OverdueMonth) -> Int)] = [
        ("DBS / Update Service", "#4e79a7", { $0.dbs }), ("Safeguarding training", "#f28e2b", { $0.training }),
        ("NR3S", "#e15759", { $0.nr3s }),
    ]

    func render(width: Double = 760, height: Double = 230) -> String {
        let (left, right, top, bottom) = (40.0, 12.0, 26.0, 38.0)
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        let maximum = max(1, self.months.map(\.total).max() ?? 1)
        let step = TrendChartSVG.niceStep(maximum)
        let axisMax = Double(((maximum + step - 1) / step) * step)
        let slot = plotWidth / Double(max(1, self.months.count))
        let barWidth = max(2, slot * 0.72)
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 \(HTMLText.number(width, decimals: 0)) \(HTMLText.number(height, decimals: 0))\" role=\"img\" aria-labelledby=\"overdue-title\">"
        svg += "<title id=\"overdue-title\">Overdue checks of drivers needing action, by the month each fell due</title>"
        var tick = 0
        while Double(tick) <= axisMax {
            let y = top + plotHeight - Double(tick) / axisMax * plotHeight
            svg += "<line x1=\"\(HTMLText.number(left))\" y1=\"\(HTMLText.number(y))\" x2=\"\(HTMLText.number(width - right))\" y2=\"\(HTMLText.number(y))\" class=\"grid\"/>"
            svg += "<text x=\"\(HTMLText.number(left - 5))\" y=\"\(HTMLText.number(y + 3.5))\" class=\"ylabel\">\(tick)</text>"
            tick += step
        }
        for (index, month) in self.months.enumerated() {
            let x = left + Double(index) * slot + (slot - barWidth) / 2
            var base = top + plotHeight
            for series in Self.series {
                let value = series.value(month)
                guard value > 0 else { continue }
                let barHeight = Double(value) / axisMax * plotHeight
                base -= barHeight
                svg += "<rect x=\"\(HTMLText.number(x))\" y=\"\(HTMLText.number(base))\" width=\"\(HTMLText.number(barWidth))\" height=\"\(HTMLText.number(barHeight))\" fill=\"\(series.colour)\"><title>\(HTML.escape("\(month.month): \(value) \(series.label)"))</title></rect>"
            }
            if index == 0 || index % 3 == 0 || index == self.months.count - 1 {
                let label = month.month == "earlier" ? "Earlier" : TrendChartSVG.shortMonth(month.month)
                svg += "<text x=\"\(HTMLText.number(x + barWidth / 2))\" y=\"\(HTMLText.number(top + plotHeight + 14))\" class=\"xlabel\">\(label)</text>"
            }
        }
        svg += "<line x1=\"\(HTMLText.number(left))\" y1=\"\(HTMLText.number(top + plotHeight))\" x2=\"\(HTMLText.number(width - right))\" y2=\"\(HTMLText.number(top + plotHeight))\" class=\"axis\"/>"
        var legendX = left
        for series in Self.series {
            svg += "<rect x=\"\(HTMLText.number(legendX))\" y=\"6\" width=\"10\" height=\"10\" fill=\"\(series.colour)\"/>"
            svg += "<text x=\"\(HTMLText.number(legendX + 14))\" y=\"15\" class=\"legend\">\(HTML.escape(series.label))</text>"
            legendX += 14 + Double(series.label.count) * 6.2 + 16
        }
        svg += "<text x=\"\(HTMLText.number(left + plotWidth / 2))\" y=\"\(HTMLText.number(height - 4))\" class=\"xlabel\">Month the check fell due (drivers needing action only)</text>"
        svg += "</svg>"
        return svg
    }
}
