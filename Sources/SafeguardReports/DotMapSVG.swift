import SafeguardCore
import Foundation

/// A dot map of the hotels from their FHRS geocodes: every hotel a small grey dot, flagged ones
/// a larger dot in their band's colour with their rank. Equirectangular projection scaled by
/// cos(latitude), which is accurate enough at borough scale.
struct DotMapSVG {
    var points: [MapPoint]
    var bandOrder: [String]
    var districtLabels: [(district: String, latitude: Double, longitude: Double)]

    func render(width: Double = 720, height: Double = 520) -> String {
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"map\" viewBox=\"0 0 \(HTMLText.number(width, decimals: 0)) \(HTMLText.number(height, decimals: 0))\" role=\"img\" aria-labelledby=\"map-title\">"
        svg += "<title id=\"map-title\">Map of hotels from FHRS geocodes; flagged premises numbered by rank</title>"
        svg += "<rect x=\"0\" y=\"0\" width=\"\(HTMLText.number(width, decimals: 0))\" height=\"\(HTMLText.number(height, decimals: 0))\" class=\"mapbg\"/>"
        guard !self.points.isEmpty else {
            svg += "<text x=\"\(HTMLText.number(width / 2))\" y=\"\(HTMLText.number(height / 2))\" class=\"xlabel\">No geocoded hotels</text></svg>"
            return svg
        }
        let latitudes = self.points.map(\.latitude)
        let longitudes = self.points.map(\.longitude)
        let meanLatitude = (latitudes.min()! + latitudes.max()!) / 2
        let xScale = cos(meanLatitude * .pi / 180)
        let minX = longitudes.min()! * xScale
        let maxX = longitudes.max()! * xScale
        let minY = latitudes.min()!
        let maxY = latitudes.max()!
        let margin = 24.0
        let spanX = max(maxX - minX, 1e-6)
        let spanY = max(maxY - minY, 1e-6)
        let scale = min((width - 2 * margin) / spanX, (height - 2 * margin) / spanY)
        let offsetX = (width - spanX * scale) / 2
        let offsetY = (height - spanY * scale) / 2
        func project(_ latitude: Double, _ longitude: Double) -> (Double, Double) {
            (offsetX + (longitude * xScale - minX) * scale, offsetY + (maxY - latitude) * scale)
        }
        for label in self.districtLabels {
            let (x, y) = project(label.latitude, label.longitude)
            svg += "<text x=\"\(HTMLText.number(x))\" y=\"\(HTMLText.number(y))\" class=\"district\">\(HTML.escape(label.district))</text>"
        }
        for point in self.points where point.rank == nil {
            let (x, y) = project(point.latitude, point.longitude)
            svg += "<circle cx=\"\(HTMLText.number(x))\" cy=\"\(HTMLText.number(y))\" r=\"2.2\" class=\"hotel\"/>"
        }
        // Flagged last (drawn on top), lowest rank number on top.
        let flagged = self.points.filter { $0.rank != nil }.sorted { $0.rank! > $1.rank! }
        for point in flagged {
            let (x, y) = project(point.latitude, point.longitude)
            let index = self.bandOrder.firstIndex(of: point.band) ?? 0
            let colour = BandPalette.colour(bandIndex: index, bandCount: self.bandOrder.count)
            svg += "<circle cx=\"\(HTMLText.number(x))\" cy=\"\(HTMLText.number(y))\" r=\"9\" fill=\"\(colour)\" class=\"flagged\"><title>\(HTML.escape("Rank \(point.rank!): \(point.band)"))</title></circle>"
            svg += "<text x=\"\(HTMLText.number(x))\" y=\"\(HTMLText.number(y + 3.5))\" class=\"ranklabel\">\(point.rank!)</text>"
        }
        svg += "</svg>"
        return svg
    }
}
