import SafeguardCore
import Foundation

/// The small Markdown the letter template writes, as HTML: headings, paragraphs, bullet and numbered
/// lists, block quotes, rules and **bold**. All text is escaped.
enum MarkdownHTML {
    static func render(_ markdown: String) -> String {
        var out: [String] = []
        var paragraph: [String] = []
        var list: String?
        var quote: [String] = []
        func flushParagraph() {
            if !paragraph.isEmpty {
                let text = paragraph.joined(separator: " ")
                let css = text.hasPrefix("DRAFT") ? " class=\"draft\"" : ""
                out.append("<p\(css)>\(self.inline(text))</p>")
                paragraph = []
            }
        }
        func closeList() {
            if let tag = list {
                out.append("</\(tag)>")
                list = nil
            }
        }
        func flushQuote() {
            if !quote.isEmpty {
                out.append("<blockquote>\(self.inline(quote.joined(separator: " ")))</blockquote>")
                quote = []
            }
        }
        for raw in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty {
                flushParagraph()
                flushQuote()
                closeList()
                continue
            }
            if let level = self.heading(line) {
                flushParagraph(); flushQuote(); closeList()
                out.append("<h\(level)>\(self.inline(String(line.dropFirst(level + 1))))</h\(level)>")
            } else if line == "---" || line == "***" {
                flushParagraph(); flushQuote(); closeList()
                out.append("<hr>")
            } else if line.hasPrefix("> ") || line == ">" {
                flushParagraph(); closeList()
                quote.append(String(line.dropFirst(line == ">" ? 1 : 2)))
            } else if line.hasPrefix("- ") || line.hasPrefix("* ") {
                flushParagraph(); flushQuote()
                if list != "ul" { closeList(); out.append("<ul>"); list = "ul" }
                out.append("<li>\(self.inline(String(line.dropFirst(2))))</li>")
            } else if let (number, item) = self.numbered(line) {
                flushParagraph(); flushQuote()
                // Numbered items split by a bullet list keep their numbers (`start`).
                if list != "ol" { closeList(); out.append("<ol start=\"\(number)\">"); list = "ol" }
                out.append("<li>\(self.inline(item))</li>")
            } else if list != nil, raw.hasPrefix("  ") {
                // A continuation line of the last list item.
                if let last = out.popLast(), last.hasSuffix("</li>") {
                    out.append(String(last.dropLast(5)) + " " + self.inline(line) + "</li>")
                }
            } else {
                flushQuote(); closeList()
                paragraph.append(line)
            }
        }
        flushParagraph(); flushQuote(); closeList()
        return out.joined(separator: "\n")
    }

    static func heading(_ line: String) -> Int? {
        let hashes = line.prefix { $0 == "#" }.count
        guard (1...4).contains(hashes), line.dropFirst(hashes).first == " " else { return nil }
        return hashes
    }

    static func numbered(_ line: String) -> (Int, String)? {
        let digits = line.prefix { $0.isNumber }
        guard !digits.isEmpty, let number = Int(digits), line.dropFirst(digits.count).hasPrefix(". ") else { return nil }
        return (number, String(line.dropFirst(digits.count + 2)))
    }

    /// Escapes, then applies **bold**.
    static func inline(_ text: String) -> String {
        var escaped = HTML.escape(text)
        escaped = self.wrap(escaped, marker: "**", tag: "strong")
        return escaped
    }

    static func wrap(_ text: String, marker: String, tag: String) -> String {
        let parts = text.components(separatedBy: marker)
        guard parts.count >= 3 else { return text }
        var out = parts[0]
        var open = false
        for (index, part) in parts.dropFirst().enumerated() {
            let isLast = index == parts.count - 2
            if isLast && !open {
                out += marker + part
            } else {
                out += (open ? "</\(tag)>" : "<\(tag)>") + part
                open.toggle()
            }
        }
        if open { out += "</\(tag)>" }
        return out
    }
}
