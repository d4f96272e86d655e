import CLibXML2

/// Limits that keep a hostile XML document from exhausting memory or time.
public struct XMLLimits: Sendable, Hashable {
    /// Deepest element nesting accepted (FHRS needs 5).
    public var maxDepth: Int = 64

    /// Creates limits.
    public init(maxDepth: Int = 64) {
        self.maxDepth = maxDepth
    }
}

/// A hardened streaming XML reader on libxml2's `xmlTextReader`: one node at a time, never the
/// whole document in memory.
///
/// No network access (`XML_PARSE_NONET`), no DTD loading, no entity substitution; a document
/// with a `<!DOCTYPE>` is refused outright (that is where XXE and "billion laughs" live, and no
/// feed Safeguard reads has one), and nesting deeper than `XMLLimits.maxDepth` is refused.
/// Faults become `ImportError`s naming the file, line and element.
public final class XMLStreamReader {
    /// libxml2 node types the readers use.
    public enum NodeType: Int32 {
        case element = 1, text = 3, cdata = 4, entityReference = 5, documentType = 10, whitespace = 13,
            significantWhitespace = 14, endElement = 15, other = -1
    }

    let reader: OpaquePointer
    /// The name of the file for messages.
    public let fileName: String
    let limits: XMLLimits
    private let errors = ErrorSink()
    /// Interned names of the open elements (libxml2 dictionary pointers; no allocation per element).
    private var openElements: [UnsafePointer<xmlChar>?] = []
    /// Keeps an in-memory document alive while the reader uses it.
    private let buffer: UnsafeMutableBufferPointer<CChar>?
    /// The size of the input, to tell a truncated document from a malformed one.
    private let totalBytes: Int?

    static let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)

    /// Opens a file for streaming.
    ///
    /// - Throws: `ImportError` `file.missing` / `file.unreadable` when it cannot be opened.
    public init(path: String, displayName: String? = nil, limits: XMLLimits = XMLLimits()) throws {
        self.fileName = displayName ?? path
        self.limits = limits
        self.buffer = nil
        try FileCheck.readable(path, as: self.fileName)
        self.totalBytes = FileCheck.size(path)
        guard let reader = xmlReaderForFile(path, nil, Self.options) else {
            throw ImportError(code: "file.unreadable", file: self.fileName, message: "cannot open the file for reading")
        }
        self.reader = reader
        self.installErrorHandler()
    }

    /// Reads a document held in memory (tests, fuzzing).
    public init(bytes: [UInt8], name: String, limits: XMLLimits = XMLLimits()) throws {
        self.fileName = name
        self.limits = limits
        let copy = UnsafeMutableBufferPointer<CChar>.allocate(capacity: max(bytes.count, 1))
        bytes.withUnsafeBytes { raw in
            _ = raw.bindMemory(to: CChar.self).baseAddress.map { copy.baseAddress!.update(from: $0, count: bytes.count) }
        }
        self.buffer = copy
        self.totalBytes = bytes.count
        guard let reader = xmlReaderForMemory(copy.baseAddress, Int32(bytes.count), name, nil, Self.options) else {
            copy.deallocate()
            throw ImportError(code: "xml.empty", file: name, message: "the document is empty")
        }
        self.reader = reader
        self.installErrorHandler()
    }

    deinit {
        xmlFreeTextReader(self.reader)
        self.buffer?.deallocate()
    }

    private func installErrorHandler() {
        let sink = Unmanaged.passUnretained(self.errors).toOpaque()
        xmlTextReaderSetStructuredErrorHandler(self.reader, { userData, error in
            guard let userData, let error else { return }
            let sink = Unmanaged<ErrorSink>.fromOpaque(userData).takeUnretainedValue()
            guard sink.message == nil, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
            let text = error.pointee.message.map { String(cString: $0) } ?? "malformed XML"
            sink.message = text.trimmingWhitespace()
            sink.line = Int(error.pointee.line)
        }, sink)
    }

    /// Advances to the next node; false at the end of the document.
    ///
    /// - Throws: `ImportError` when the document is malformed, truncated, has a DOCTYPE or is
    ///   nested too deeply. `recordsBefore` is left 0 for the caller to fill in.
    public func read() throws -> Bool {
        let status = xmlTextReaderRead(self.reader)
        if status == 1 {
            let type = xmlTextReaderNodeType(self.reader)
            if type == NodeType.documentType.rawValue || type == NodeType.entityReference.rawValue {
                throw ImportError(
                    code: "xml.doctype", file: self.fileName, line: self.line, element: self.currentElement,
                    message: "the document declares a DOCTYPE or entities, which Safeguard refuses (they are how "
                        + "external-entity (XXE) and entity-expansion attacks work); feeds never need one — "
                        + "remove the <!DOCTYPE …> declaration")
            }
            if type == NodeType.element.rawValue {
                let depth = Int(xmlTextReaderDepth(self.reader))
                if depth >= self.limits.maxDepth {
                    throw ImportError(
                        code: "xml.depth", file: self.fileName, line: self.line, element: self.currentElement,
                        message: "elements are nested more than \(self.limits.maxDepth) deep; this is not a feed")
                }
                if self.openElements.count > depth { self.openElements.removeLast(self.openElements.count - depth) }
                if xmlTextReaderIsEmptyElement(self.reader) != 1 {
                    self.openElements.append(xmlTextReaderConstLocalName(self.reader))
                }
            } else if type == NodeType.endElement.rawValue, !self.openElements.isEmpty {
                self.openElements.removeLast()
            }
            return true
        }
        if status == 0 { return false }
        let message = self.errors.message ?? "the XML is malformed"
        let line = self.errors.line ?? self.line
        if message.lowercased().contains("entity") {
            throw ImportError(
                code: "xml.entities", file: self.fileName, line: line, element: self.currentElement,
                message: "entity expansion refused (\(message)); feeds never declare entities — this looks like "
                    + "an entity-expansion (\"billion laughs\") or external-entity attack")
        }
        let atEnd = self.totalBytes.map { self.bytesConsumed >= $0 } ?? false
        if atEnd, !self.openElements.isEmpty {
            throw ImportError(
                code: "xml.truncated", file: self.fileName, line: line, element: self.currentElement,
                message: "the document ends before <\(self.currentElement ?? "?")> and its parents are closed; "
                    + "the file was cut short — fetch or copy it again")
        }
        throw ImportError(
            code: "xml.malformed", file: self.fileName, line: line, element: self.currentElement,
            message: "the XML is malformed: \(message)")
    }

    /// The innermost open element, for error messages.
    public var currentElement: String? {
        guard let last = self.openElements.last else { return nil }
        return last.map { String(cString: $0) }
    }

    /// The current node's type.
    public var nodeType: NodeType { NodeType(rawValue: xmlTextReaderNodeType(self.reader)) ?? .other }

    /// The raw node type (cheaper than `nodeType`).
    @inline(__always) public var rawNodeType: Int32 { xmlTextReaderNodeType(self.reader) }

    /// Depth of the current node (root element = 0).
    @inline(__always) public var depth: Int32 { xmlTextReaderDepth(self.reader) }

    /// True for `<Element />`.
    @inline(__always) public var isEmptyElement: Bool { xmlTextReaderIsEmptyElement(self.reader) == 1 }

    /// The interned local name of the current node (valid while the reader lives); compare with
    /// `intern(_:)` results by pointer.
    @inline(__always) public var localNamePointer: UnsafePointer<xmlChar>? { xmlTextReaderConstLocalName(self.reader) }

    /// The current node's local name as a String.
    public var localName: String {
        xmlTextReaderConstLocalName(self.reader).map { String(cString: $0) } ?? ""
    }

    /// The libxml2 dictionary pointer for a name: equal names give equal pointers.
    public func intern(_ name: String) -> UnsafePointer<xmlChar>? {
        xmlTextReaderConstString(self.reader, name)
    }

    /// The text of the current text node (valid until the next `read()`).
    @inline(__always) public var valuePointer: UnsafePointer<xmlChar>? { xmlTextReaderConstValue(self.reader) }

    /// The line of the current node.
    public var line: Int { Int(xmlTextReaderGetParserLineNumber(self.reader)) }

    /// Bytes of input consumed so far (for progress bars).
    public var bytesConsumed: Int { Int(xmlTextReaderByteConsumed(self.reader)) }
}

/// Collects the first error libxml2 reports.
private final class ErrorSink {
    var message: String?
    var line: Int?
}

extension String {
    /// The string without leading and trailing ASCII whitespace (no copy when there is none).
    func trimmingWhitespace() -> String {
        let utf8 = self.utf8
        guard let first = utf8.first, let last = utf8.last else { return self }
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        if !isSpace(first), !isSpace(last) { return self }
        var start = utf8.startIndex
        var end = utf8.endIndex
        while start < end, isSpace(utf8[start]) { start = utf8.index(after: start) }
        while end > start, isSpace(utf8[utf8.index(before: end)]) { end = utf8.index(before: end) }
        return String(self[start..<end])
    }
}
