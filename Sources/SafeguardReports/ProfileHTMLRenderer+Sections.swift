import SafeguardCore

extension ProfileHTMLRenderer {
    func premisesSections(_ profile: HotelProfile) -> String {
        guard !profile.entries.isEmpty else { return "" }
        var html = "<section id=\"premises\">\n<h2>Flagged premises in detail</h2>\n"
        for entry in profile.entries {
            html += "<article class=\"premises\" id=\"p\(entry.rank)\">\n"
            html += "<h3>\(entry.rank). \(HTML.escape(entry.name)) \(self.bandBadge(entry.band, profile))</h3>\n<dl>\n"
            let facts: [(String, String)] = [
                ("Address", HTML.escape("\(entry.address) \(entry.postcode)")),
                ("Score", "\(scoreText(entry.score)) (band \(HTML.escape(entry.band)))"),
                ("Recommended action", HTML.escape(entry.action)),
                ("Licence status", HTML.escape(entry.licenceStatus ?? "no premises licence")),
                ("FHRS rating", HTML.escape(entry.fhrsRating ?? "not rated")),
                ("Evidence", "\(self.count(entry.concernItems)) concern item(s) in \(entry.distinctMonths) month(s) from \(HTML.escape(entry.sources.isEmpty ? "no source" : entry.sources.joined(separator: ", ")))"),
                ("Sources linked", "\(self.count(entry.reviewCount)) review(s), \(self.count(entry.reportCount)) report(s), \(self.count(entry.intelligenceCount)) intelligence record(s)"),
                ("Good practice seen", HTML.escape(entry.goodPractice.isEmpty ? "none recorded" : entry.goodPractice.joined(separator: "; "))),
            ]
            for (term, value) in facts {
                html += "<dt>\(term)</dt><dd>\(value)</dd>\n"
            }
            html += "</dl>\n"
            if !entry.findings.isEmpty {
                html += "<table>\n<thead><tr><th>Finding</th><th class=\"num\">Points</th><th>Explanation</th><th>Source</th></tr></thead>\n<tbody>\n"
                for finding in entry.findings {
                    html += "<tr><td>\(HTML.escape(finding.title))</td><td class=\"num\">\(scoreText(finding.contribution))</td><td>\(HTML.escape(finding.explanation))</td><td class=\"muted\">\(HTML.escape(finding.source))</td></tr>\n"
                }
                html += "</tbody>\n</table>\n"
            }
            html += "<table>\n<thead><tr><th>Date</th><th>Source</th><th>Sign</th><th>What was said (pseudonymised)</th></tr></thead>\n<tbody>\n"
            for item in entry.timeline.prefix(self.timelineLimit) {
                var source = item.source
                if let origin = item.origin, !origin.isEmpty { source += " (\(origin))" }
                html += "<tr><td>\(item.date?.description ?? "undated")</td><td>\(HTML.escape(source))<br><span class=\"muted\">\(HTML.escape(item.sourceID))</span></td>"
                html += "<td>\(HTML.escape(item.signLabel))</td><td class=\"snippet\">\(HTML.escape(item.snippet))</td></tr>\n"
            }
            html += "</tbody>\n</table>\n"
            if entry.timeline.count > self.timelineLimit {
                html += "<p class=\"muted\">\(entry.timeline.count - self.timelineLimit) older item(s) are in profile.json.</p>\n"
            }
            html += "</article>\n"
        }
        html += "</section>\n"
        return html
    }

    func hotspots(_ profile: HotelProfile) -> String {
        var html = "<section id=\"hotspots\">\n<h2>Hotspots</h2>\n"
        html += "<table>\n<thead><tr><th>Postcode district</th><th class=\"num\">Hotels</th><th class=\"num\">Flagged</th><th class=\"num\">Concern items</th><th class=\"num\">Hotels without reviews</th></tr></thead>\n<tbody>\n"
        for district in profile.districts {
            html += "<tr><td>\(HTML.escape(district.district))</td><td class=\"num\">\(self.count(district.hotels))</td><td class=\"num\">\(self.count(district.flagged))</td><td class=\"num\">\(self.count(district.concernItems))</td><td class=\"num\">\(self.count(district.hotelsWithoutReviews))</td></tr>\n"
        }
        html += "</tbody>\n</table>\n"
        // District labels at the centre of their hotels' geocodes.
        var sums: [String: (latitude: Double, longitude: Double, count: Int)] = [:]
        for point in profile.mapPoints {
            var sum = sums[point.district] ?? (0, 0, 0)
            sum.latitude += point.latitude
            sum.longitude += point.longitude
            sum.count += 1
            sums[point.district] = sum
        }
        let centres = sums.keys.sorted().map { key in
            let sum = sums[key]!
            return (district: key, latitude: sum.latitude / Double(sum.count), longitude: sum.longitude / Double(sum.count))
        }
        html += "<figure>\n"
        html += DotMapSVG(points: profile.mapPoints, bandOrder: profile.bands.map(\.band), districtLabels: centres).render()
        html += "\n<figcaption class=\"muted\">Hotels from FHRS geocodes (grey); flagged premises numbered by rank in their band's colour. \(profile.scope.hotels - profile.scope.hotelsWithGeocode) hotel(s) without a geocode are not drawn.</figcaption>\n</figure>\n</section>\n"
        return html
    }

    func recommendations(_ profile: HotelProfile) -> String {
        var html = "<section id=\"recommendations\">\n<h2>Recommendations</h2>\n<ol>\n"
        for item in profile.recommendations {
            html += "<li>\(HTML.escape(item))</li>\n"
        }
        return html + "</ol>\n</section>\n"
    }

    func gaps(_ profile: HotelProfile) -> String {
        var html = "<section id=\"gaps\">\n<h2>Gaps and how to fill them</h2>\n<table>\n<thead><tr><th>Gap</th><th>Size</th><th>How to fill it</th></tr></thead>\n<tbody>\n"
        for gap in profile.gaps {
            html += "<tr><td>\(HTML.escape(gap.title))</td><td>\(HTML.escape(gap.detail))</td><td>\(HTML.escape(gap.howToFill))</td></tr>\n"
        }
        return html + "</tbody>\n</table>\n</section>\n"
    }

    func method(_ profile: HotelProfile) -> String {
        var html = "<section id=\"method\">\n<h2>Method and caveats</h2>\n"
        for paragraph in profile.method {
            html += "<p>\(HTML.escape(paragraph))</p>\n"
        }
        html += "<p>Ruleset hash (SHA-256): <code>\(HTML.escape(profile.rulesetHash))</code></p>\n"
        html += "<p>Data extract dates: \(profile.extracts.map { "\(HTML.escape($0.source)) \($0.extractDate?.description ?? "unknown")" }.joined(separator: "; ")).</p>\n"
        return html + "</section>\n"
    }
}
