import Foundation
import SafeguardCore
import Testing
@testable import SafeguardReports
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Minimal CSV reader (quoted fields, doubled quotes).
private func parseCSV(_ text: String) -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var quoted = false
    var previousQuote = false
    for character in text {
        if quoted {
            if character == "\"" { quoted = false; previousQuote = true; continue }
            field.append(character)
            continue
        }
        if character == "\"" {
            if previousQuote { field.append("\"") }
            quoted = true
            previousQuote = false
            continue
        }
        previousQuote = false
        if character == "," { row.append(field); field = "" } else if character == "\n" {
            row.append(field); rows.append(row); row = []; field = ""
        } else { field.append(character) }
    }
    return rows
}

private func jsonEntries(_ json: String) throws -> [[String: Any]] {
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    return try #require(object["entries"] as? [[String: Any]])
}

private func text(_ value: Any?) -> String {
    switch value {
    case let string as String: return string
    case let number as NSNumber: return number.stringValue
    default: return ""
    }
}

@Test(arguments: [false, true])
func csvAndJSONCarryTheSameNumbers(suppressSmall: Bool) throws {
    // Given one profile rendered to CSV and to JSON
    let profile = ProfileFixtures.profile()
    let style = CountStyle(suppressSmall: suppressSmall)
    let csv = parseCSV(ProfileCSVRenderer(counts: style).render(profile))
    let entries = try jsonEntries(try ProfileJSONRenderer(counts: style).render(profile))
    // Then every row of the CSV matches the JSON entry of the same rank
    #expect(csv.first == ProfileCSVRenderer.columns)
    #expect(csv.count - 1 == entries.count)
    for (row, entry) in zip(csv.dropFirst(), entries) {
        let column = { (name: String) in row[ProfileCSVRenderer.columns.firstIndex(of: name)!] }
        #expect(column("rank") == text(entry["rank"]))
        #expect(column("id") == text(entry["id"]))
        #expect(column("name") == text(entry["name"]))
        #expect(Double(column("score")) == (entry["score"] as? NSNumber)?.doubleValue)
        #expect(column("band") == text(entry["band"]))
        #expect(column("concern_items") == text(entry["concernItems"]))
        #expect(column("distinct_months") == text(entry["distinctMonths"]))
        #expect(column("reviews") == text(entry["reviewCount"]))
        #expect(column("reports") == text(entry["reportCount"]))
        #expect(column("intelligence") == text(entry["intelligenceCount"]))
    }
}

@Test func suppressSmallHidesCountsUnderFiveEverywhere() throws {
    let profile = ProfileFixtures.profile()
    let style = CountStyle(suppressSmall: true)
    let csv = parseCSV(ProfileCSVRenderer(counts: style).render(profile))
    let eastleigh = try #require(csv.first { $0.count > 2 && $0[2] == "Eastleigh Inn" })
    #expect(eastleigh[12] == "<5" && eastleigh[13] == "<5", "3 reviews and 2 reports are hidden")
    #expect(eastleigh[14] == "0", "zero stays zero")
    let beverley = try #require(csv.first { $0.count > 2 && $0[2] == "Beverley House Hotel" })
    #expect(beverley[12] == "49" && beverley[14] == "6", "five and over are shown")
    let entries = try jsonEntries(try ProfileJSONRenderer(counts: style).render(profile))
    #expect(text(entries[1]["reviewCount"]) == "<5")
    let html = ProfileHTMLRenderer(counts: style).render(profile)
    #expect(html.contains("&lt;5 review(s)"))
    #expect(!ProfileHTMLRenderer().render(profile).contains("&lt;5 review(s)"))
}

@Test func htmlIsSelfContainedAndEscaped() throws {
    let html = ProfileHTMLRenderer().render(ProfileFixtures.profile())
    #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en-GB\">"))
    #expect(!html.lowercased().contains("<script"))
    #expect(!html.contains("src=\"http") && !html.contains("href=\"http") && !html.contains("<link"))
    #expect(html.contains("Savoy &lt;Inn&gt; &amp; &quot;Bar&quot;"))
    #expect(!html.contains("Savoy <Inn>"))
    for section in ["summary", "overview", "ranked", "scope", "premises", "hotspots", "recommendations", "gaps", "method"] {
        #expect(html.contains("id=\"\(section)\""), "section \(section) missing")
    }
    #expect(html.contains("Nothing here proves exploitation; it shows where a visit is justified."))
    #expect(html.contains(String(repeating: "ab", count: 32)), "full ruleset hash in the method section")
    #expect(html.contains("@page { size: A4"))
}

@Test func svgChartsAreWellFormedXML() throws {
    let html = ProfileHTMLRenderer().render(ProfileFixtures.profile())
    var rest = Substring(html)
    var found = 0
    while let start = rest.range(of: "<svg "), let end = rest.range(of: "</svg>", range: start.upperBound..<rest.endIndex) {
        let svg = String(rest[start.lowerBound..<end.upperBound])
        let parser = XMLParser(data: Data(svg.utf8))
        #expect(parser.parse(), "SVG \(found) is not well-formed: \(String(describing: parser.parserError))")
        found += 1
        rest = rest[end.upperBound...]
    }
    #expect(found == 2, "trend chart and map")
    // Three flagged hotels are numbered on the map; one hotel without a geocode is left off.
    #expect(html.components(separatedBy: "class=\"ranklabel\"").count - 1 == 3)
    #expect(html.components(separatedBy: "class=\"hotel\"").count - 1 == 1)
}

@Test func writerWritesThreeFiles() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("profile-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    let urls = try ProfileWriter().write(ProfileFixtures.profile(), to: directory)
    #expect(urls.map(\.lastPathComponent) == ["profile.html", "profile.csv", "profile.json"])
    for url in urls {
        #expect(FileManager.default.fileExists(atPath: url.path))
    }
}
