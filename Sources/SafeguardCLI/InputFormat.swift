import Foundation
import SafeguardImport

/// The kinds of input file Safeguard reads, recognised from a file's first bytes (its XML root,
/// CSV header or first JSON record), so that an importer given the wrong file says which format it
/// expected and which one the file looks like, before it creates or changes anything.
enum InputFormat: Equatable {
    case fhrs
    case otherXML(root: String)
    case premises
    case intelligence
    case taxi(TaxiRegisterKind)
    case reviewCSV
    case bookingReviews
    case otherCSV(columns: [String])
    case reviewJSONL
    case reportJSONL
    case otherJSONL(keys: [String])
    case application
    case facts
    case otherJSON
    case plainText
    case empty
    case sqlite
    case binary

    /// What the file looks like, with the command that reads it when there is one.
    var description: String {
        switch self {
        case .fhrs: return "an FHRS XML extract (read by `safeguard import fhrs`)"
        case .otherXML(let root): return "XML of another kind (its root element is <\(root)>)"
        case .premises: return "a premises licence register CSV (read by `safeguard import premises`)"
        case .intelligence: return "an intelligence CSV (read by `safeguard import intel`)"
        case .taxi(let kind): return "a taxi register CSV, layout \(kind.rawValue) (read by `safeguard import taxi`)"
        case .reviewCSV: return "a review CSV (read by `safeguard import reviews`)"
        case .bookingReviews: return "a Booking.com review CSV (read by `safeguard import reviews`)"
        case .otherCSV(let columns):
            let shown = columns.prefix(6).joined(separator: ",") + (columns.count > 6 ? ",…" : "")
            return "a CSV file of another layout (header: \(shown))"
        case .reviewJSONL: return "review JSON Lines (read by `safeguard import reviews`)"
        case .reportJSONL: return "whistle-blowing report JSON Lines (read by `safeguard import reports`)"
        case .otherJSONL(let keys): return "JSON Lines of another kind (keys: \(keys.prefix(6).joined(separator: ", ")))"
        case .application: return "a licence application JSON document (read by `safeguard screen`)"
        case .facts: return "a facts JSON document (read by `safeguard explain`)"
        case .otherJSON: return "a JSON document of another kind"
        case .plainText: return "plain text, not a table, XML or JSON"
        case .empty: return "an empty file"
        case .sqlite: return "a SQLite database (give it with --db instead)"
        case .binary: return "a binary file, not text"
        }
    }

    /// Recognises the file at `path` from its first 64 KiB; nil when it cannot be read (the
    /// readability check reports that).
    static func of(path: String) -> InputFormat? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: 1 << 16) else { return nil }
        return self.of(bytes: Array(data))
    }

    /// Recognises a file from its first bytes.
    static func of(bytes: [UInt8]) -> InputFormat {
        var bytes = bytes[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if bytes.starts(with: Array("SQLite format 3".utf8)) { return .sqlite }
        if bytes.prefix(4096).contains(0) { return .binary }
        guard let first = bytes.firstIndex(where: { !Self.isSpace($0) }) else { return .empty }
        let text = bytes[first...]
        switch text.first {
        case UInt8(ascii: "<"): return self.xml(text)
        case UInt8(ascii: "{"), UInt8(ascii: "["): return self.json(text)
        default: return self.csv(text)
        }
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// XML: FHRS when its root is `FHRSEstablishment`, otherwise names the root element.
    private static func xml(_ text: ArraySlice<UInt8>) -> InputFormat {
        let string = String(decoding: text, as: UTF8.self)
        if string.contains("<FHRSEstablishment") { return .fhrs }
        var rest = Substring(string)
        while let open = rest.firstIndex(of: "<") {
            let after = rest[rest.index(after: open)...]
            if let next = after.first, next.isLetter {
                let name = after.prefix { !$0.isWhitespace && $0 != ">" && $0 != "/" }
                return .otherXML(root: String(name.prefix(40)))
            }
            rest = after
        }
        return .otherXML(root: "?")
    }

    /// JSON: one object per line (JSON Lines) told apart by its keys, or one document.
    private static func json(_ text: ArraySlice<UInt8>) -> InputFormat {
        let firstLine = text.prefix { $0 != 0x0A }
        if let object = try? JSONSerialization.jsonObject(with: Data(firstLine)) as? [String: Any] {
            let keys = Set(object.keys)
            if keys.contains("premises_name") { return .reviewJSONL }
            if keys.contains("received") || keys.contains("where") || keys.contains("seen") { return .reportJSONL }
            return .otherJSONL(keys: keys.sorted())
        }
        if let object = try? JSONSerialization.jsonObject(with: Data(text)) as? [String: Any] {
            if object["activities"] != nil || object["operating-schedule"] != nil || object["applicant"] != nil {
                return .application
            }
            if object["facts"] != nil { return .facts }
        }
        return .otherJSON
    }

    /// CSV: the header row matched against every layout Safeguard reads.
    private static func csv(_ text: ArraySlice<UInt8>) -> InputFormat {
        let line = Array(text.prefix { $0 != 0x0A })
        guard let header = try? CSVImporter.header(bytes: line, name: "header"), header.count >= 2 else {
            return .plainText
        }
        let names = header.map { $0.trimmingCharacters(in: .whitespaces) }
        let keys = Set(names.map(CSVColumn.key))
        func fits(_ columns: [CSVColumn]) -> Bool {
            columns.filter(\.required).allSatisfy { column in
                ([column.name] + column.aliases).contains { keys.contains(CSVColumn.key($0)) }
            }
        }
        if keys.isSuperset(of: ["negativereview", "positivereview", "hotelname"]) { return .bookingReviews }
        if keys.isSuperset(of: ["id", "premisesname", "date", "text"]) { return .reviewCSV }
        if fits(PremisesLicenceProfile().columns) { return .premises }
        if fits(IntelligenceProfile().columns) { return .intelligence }
        if let kind = TaxiRegisterKind.detect(header: names) { return .taxi(kind) }
        return .otherCSV(columns: names)
    }
}

extension InputFormat {
    /// A check for `ImportRun.readableFiles(_:check:)`: throws when the file is not `expected`
    /// (a description such as "an FHRS XML extract"), naming what it looks like instead.
    static func check(expected: String, accepts: @escaping (InputFormat) -> Bool) -> (String) throws -> Void {
        { file in
            guard let format = InputFormat.of(path: file), !accepts(format) else { return }
            throw ImportError(
                code: "format.wrong", file: file, line: 1,
                message: "this is not \(expected): it looks like \(format.description); check the file or use the command for it")
        }
    }
}
