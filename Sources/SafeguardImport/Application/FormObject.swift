import SafeguardCore

/// Reads one object of the form: typed fields by name, every problem recorded with its path, and
/// the fields it did not ask for reported as unknown (a warning with a likely spelling).
final class FormObject {
    let path: String
    let line: Int?
    private let fields: [(key: String, node: FormNode)]
    private var used: Set<String> = []
    private let context: FormContext

    init?(_ node: FormNode?, path: String, context: FormContext, required: Bool = true) {
        self.path = path
        self.context = context
        switch node {
        case .object(let fields, let line):
            self.fields = fields
            self.line = line
        case .none, .null:
            if required { context.error(path, node?.line, "is missing: add the `\(path.split(separator: ".").last ?? "")` section") }
            return nil
        case .value(let text, let line) where text.isEmpty:
            self.fields = []
            self.line = line
        default:
            context.error(path, node?.line, "must be a section of named fields, not a single value or a list")
            return nil
        }
    }

    func name(_ key: String) -> String { self.path.isEmpty ? key : "\(self.path).\(key)" }

    /// The node of `key` (the first, when XML repeats it).
    func node(_ key: String) -> FormNode? {
        self.used.insert(key)
        let matches = self.fields.filter { $0.key == key }
        if matches.count > 1 {
            self.context.error(self.name(key), matches[1].node.line, "is given \(matches.count) times; give it once")
        }
        return matches.first?.node
    }

    func lineOf(_ key: String) -> Int? {
        self.fields.first { $0.key == key }?.node.line ?? self.line
    }

    func string(_ key: String, required: Bool = false, hint: String = "") -> String? {
        switch self.node(key) {
        case .value(let text, let line):
            let trimmed = text.trimmingWhitespace()
            if trimmed.isEmpty, required { self.context.error(self.name(key), line, "is empty: \(hint.isEmpty ? "fill it in" : hint)") }
            return trimmed.isEmpty ? nil : trimmed
        case .none, .null:
            if required { self.context.error(self.name(key), self.line, "is missing: \(hint.isEmpty ? "add it" : hint)") }
            return nil
        case .some(let other):
            self.context.error(self.name(key), other.line, "must be text, not a section or a list")
            return nil
        }
    }

    func bool(_ key: String) -> Bool {
        guard let text = self.string(key) else { return false }
        switch text.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            self.context.error(self.name(key), self.lineOf(key), "`\(text)` is not yes/no: write true or false")
            return false
        }
    }

    func count(_ key: String) -> Int {
        guard let text = self.string(key) else { return 0 }
        guard let value = Int(text), value >= 0 else {
            self.context.error(self.name(key), self.lineOf(key), "`\(text)` is not a whole number of 0 or more")
            return 0
        }
        return value
    }

    func day(_ key: String, required: Bool) -> CalendarDay? {
        guard let text = self.string(key, required: required, hint: "write the date as YYYY-MM-DD") else { return nil }
        guard text.count == 10, let day = CalendarDay(iso: text) else {
            self.context.error(self.name(key), self.lineOf(key), "`\(text)` is not a date: write it as YYYY-MM-DD")
            return nil
        }
        return day
    }

    func choice<T: RawRepresentable & CaseIterable>(_ key: String, required: Bool, as type: T.Type) -> T?
    where T.RawValue == String {
        let allowed = T.allCases.map(\.rawValue)
        guard let text = self.string(key, required: required, hint: "one of \(allowed.joined(separator: ", "))") else {
            return nil
        }
        if let value = T(rawValue: text.lowercased()) { return value }
        let suggestion = Suggest.closest(to: text, in: allowed).map { " (did you mean `\($0)`?)" } ?? ""
        self.context.error(
            self.name(key), self.lineOf(key),
            "`\(text)` is not one of \(allowed.joined(separator: ", "))\(suggestion)")
        return nil
    }

    func object(_ key: String, required: Bool) -> FormObject? {
        FormObject(self.node(key), path: self.name(key), context: self.context, required: required)
    }

    /// The items of a list: a JSON array, or an XML element whose children are `<item>` elements.
    func list(_ key: String, item: String) -> [(path: String, node: FormNode)] {
        let node = self.node(key)
        let path = self.name(key)
        switch node {
        case .none, .null: return []
        case .list(let items, _):
            return items.enumerated().map { ("\(path)[\($0.offset)]", $0.element) }
        case .object(let children, _):
            for child in children where child.key != item {
                self.context.warning(path, child.node.line, "`<\(child.key)>` inside a list of `<\(item)>` items: rename it `<\(item)>`")
            }
            return children.filter { $0.key == item }.enumerated().map { ("\(path)[\($0.offset)]", $0.element.node) }
        case .value(let text, let line):
            if text.isEmpty { return [] }
            self.context.error(path, line, "must be a list (JSON `[...]`, XML `<\(item)>` elements)")
            return []
        }
    }

    func strings(_ key: String, item: String) -> [String] {
        self.list(key, item: item).compactMap { entry in
            guard case .value(let text, _) = entry.node else {
                self.context.error(entry.path, entry.node.line, "must be text")
                return nil
            }
            let trimmed = text.trimmingWhitespace()
            return trimmed.isEmpty ? nil : trimmed
        }
    }

    /// Warns about every field not read, with the closest known name.
    func finish(known: [String]) {
        for field in self.fields where !self.used.contains(field.key) {
            let suggestion = Suggest.closest(to: field.key, in: known).map { "; did you mean `\($0)`?" } ?? ""
            self.context.warning(
                self.name(field.key), field.node.line,
                "unknown field, ignored\(suggestion) (known here: \(known.joined(separator: ", ")))")
        }
    }
}

/// The issues found while reading one form.
final class FormContext {
    let file: String
    var issues: [FormIssue] = []

    init(file: String) {
        self.file = file
    }

    func error(_ field: String, _ line: Int?, _ message: String) {
        self.issues.append(FormIssue(severity: .error, file: self.file, line: line, field: field, message: message))
    }

    func warning(_ field: String, _ line: Int?, _ message: String) {
        self.issues.append(FormIssue(severity: .warning, file: self.file, line: line, field: field, message: message))
    }
}
