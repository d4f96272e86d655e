/// Escaping for text placed in HTML: every value that did not come from a page's own template
/// goes through `HTML.escape` (text and attribute values alike). One escaper for the reports and
/// the server's pages.
public enum HTML {
    /// Escapes `& < > " '` so the text can sit in an element or a quoted attribute.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
