import CLibXML2
import Glibc

/// Limits that keep a hostile XML document from exhausting memory or time.
public struct XMLLimits: Sendable, Hashable {
    /// Deepest element nesting accepted (FHRS needs 5).
    public var maxDepth: Int = 64

    /// Creates limits.
    public init(maxDepth: Int = 64) {
        self.maxDepth = maxDepth
    }
}

/// Receives the events of an `XMLPushParser`. Names are libxml2 dictionary pointers: compare them
/// with `XMLPushParser.intern(_:)` results by address. Pointers are valid only during the call.
public protocol XMLEventHandler: AnyObject {
    /// An element opened at `depth` (the root element is depth 0).
    func startElement(_ parser: XMLPushParser, name: UnsafePointer<xmlChar>, depth: Int)
    /// Text (or CDATA) inside the innermost open element; one text may arrive in several pieces.
    func characters(_ parser: XMLPushParser, _ bytes: UnsafePointer<xmlChar>, count: Int)
    /// The element opened at `depth` closed.
    func endElement(_ parser: XMLPushParser, depth: Int)
}

/// A hardened streaming XML parser on libxml2's SAX2 push interface: the file is fed in chunks,
/// events go to a handler, and nothing but the current chunk and the open elements is in memory.
///
/// SAX2 rather than `xmlTextReader`: the reader builds and frees a node per event, which caps it
/// at about 150 MB/s on the reference machine; SAX2 parses the same feed at about 310 MB/s.
///
/// No network access (`XML_PARSE_NONET`), no DTD loading and no entity substitution: a document
/// with a `<!DOCTYPE>` is refused as soon as it is seen (that is where external-entity (XXE) and
/// entity-expansion ("billion laughs") attacks live, and no feed Safeguard reads has one),
/// undeclared entities are errors, and nesting deeper than `XMLLimits.maxDepth` is refused.
/// Faults become `ImportError`s naming the file, line and element.
public final class XMLPushParser {
    /// The name of the file for messages.
    public let fileName: String
    let limits: XMLLimits
    private unowned(unsafe) let handler: any XMLEventHandler
    private var context: xmlParserCtxtPtr?
    /// Interned names of the open elements, behind a pointer: touched on every event, and as a
    /// class property each touch would pay a dynamic exclusivity check.
    private let openNames: UnsafeMutablePointer<[UnsafePointer<xmlChar>]>
    /// A refusal raised inside a callback (DOCTYPE, depth, a stop asked for by the handler).
    private var refusal: ImportError?
    private var stopRequested = false
    /// Bytes handed to libxml2 so far.
    public private(set) var bytesConsumed = 0

    /// Creates a parser that sends events to `handler` (held unowned: keep it alive while parsing).
    public init(fileName: String, limits: XMLLimits = XMLLimits(), handler: any XMLEventHandler) {
        self.fileName = fileName
        self.limits = limits
        self.handler = handler
        self.openNames = .allocate(capacity: 1)
        self.openNames.initialize(to: [])
        self.openNames.pointee.reserveCapacity(16)
    }

    deinit {
        self.openNames.deinitialize(count: 1)
        self.openNames.deallocate()
        if let context = self.context {
            xmlFreeDoc(context.pointee.myDoc)
            xmlFreeParserCtxt(context)
        }
    }

    /// Parses a file in chunks; `afterChunk` runs between chunks, outside libxml2 (the place to
    /// hand over what the handler collected, and to throw).
    ///
    /// - Throws: `ImportError` `file.missing` / `file.unreadable`, or `xml.*` when the document is
    ///   malformed, truncated, has a DOCTYPE or is nested too deeply.
    public func parse(path: String, chunkSize: Int = 256 << 10, afterChunk: () throws -> Void) throws {
        try FileCheck.readable(path, as: self.fileName)
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw ImportError(code: "file.unreadable", file: self.fileName, message: "cannot open the file for reading")
        }
        defer { close(descriptor) }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let count = read(descriptor, buffer.baseAddress, chunkSize)
            if count < 0 {
                if errno == EINTR { continue }
                throw ImportError(
                    code: "file.unreadable", file: self.fileName, line: self.line,
                    message: "reading failed part-way (\(String(cString: strerror(errno))))")
            }
            let chunk = UnsafeRawBufferPointer(rebasing: buffer[0..<count])
            if try !self.feed(chunk, last: count == 0, afterChunk: afterChunk) { return }
            if count == 0 { return }
        }
    }

    /// Parses a document held in memory (tests, fuzzing), in chunks so text split across chunk
    /// boundaries is exercised as it is with files.
    public func parse(bytes: [UInt8], chunkSize: Int = 64 << 10, afterChunk: () throws -> Void) throws {
        try bytes.withUnsafeBytes { all in
            var offset = 0
            repeat {
                let end = min(all.count, offset + chunkSize)
                let chunk = UnsafeRawBufferPointer(rebasing: all[offset..<end])
                offset = end
                if try !self.feed(chunk, last: false, afterChunk: afterChunk) { return }
            } while offset < all.count
            _ = try self.feed(UnsafeRawBufferPointer(start: nil, count: 0), last: true, afterChunk: afterChunk)
        }
    }

    /// Asks the parser to stop after the current event, without an error (a handler that has
    /// read what it wanted, such as a file's header).
    public func stop() {
        self.stopRequested = true
        if let context = self.context { xmlStopParser(context) }
    }

    /// The libxml2 dictionary pointer for a name: equal names give equal pointers. Only valid
    /// once parsing has started (call it from a handler).
    public func intern(_ name: String) -> UnsafePointer<xmlChar>? {
        guard let context = self.context else { return nil }
        return xmlDictLookup(context.pointee.dict, name, -1)
    }

    /// The line being parsed.
    public var line: Int {
        guard let context = self.context else { return 1 }
        return Int(xmlSAX2GetLineNumber(context))
    }

    /// The innermost open element, for error messages.
    public var currentElement: String? {
        self.openNames.pointee.last.map { String(cString: $0) }
    }

    /// Feeds one chunk; false when the handler asked to stop.
    private func feed(_ chunk: UnsafeRawBufferPointer, last: Bool, afterChunk: () throws -> Void) throws -> Bool {
        var rest = chunk
        if self.context == nil {
            if chunk.isEmpty {
                if last { throw ImportError(code: "xml.empty", file: self.fileName, message: "the document is empty") }
                return true
            }
            // libxml2 looks at the first bytes to detect the encoding, so they go in at creation.
            let head = min(4, chunk.count)
            try self.start(UnsafeRawBufferPointer(rebasing: chunk[0..<head]))
            rest = UnsafeRawBufferPointer(rebasing: chunk[head...])
        }
        let code = xmlParseChunk(
            self.context, rest.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(rest.count), last ? 1 : 0)
        self.bytesConsumed += chunk.count
        try afterChunk()
        if self.stopRequested { return false }
        if let refusal = self.refusal { throw refusal }
        guard let context = self.context else { return true }
        // Every byte parsed and elements still open: the file was cut short, whatever libxml2 calls it.
        if last, rest.isEmpty, !self.openNames.pointee.isEmpty { throw self.truncated(line: self.line) }
        if code != 0, context.pointee.disableSAX != 0 || context.pointee.instate == XML_PARSER_EOF {
            throw self.failure(context)
        }
        return true
    }

    private func start(_ head: UnsafeRawBufferPointer) throws {
        var sax = xmlSAXHandler()
        sax.initialized = XML_SAX2_MAGIC
        sax.startElementNs = { user, name, _, _, _, _, _, _, _ in
            guard let user, let name else { return }
            Unmanaged<XMLPushParser>.fromOpaque(user).takeUnretainedValue().opened(name)
        }
        sax.endElementNs = { user, _, _, _ in
            guard let user else { return }
            Unmanaged<XMLPushParser>.fromOpaque(user).takeUnretainedValue().closed()
        }
        let text: charactersSAXFunc = { user, bytes, count in
            guard let user, let bytes, count > 0 else { return }
            let parser = Unmanaged<XMLPushParser>.fromOpaque(user).takeUnretainedValue()
            parser.handler.characters(parser, bytes, count: Int(count))
        }
        sax.characters = text
        sax.cdataBlock = text
        sax.internalSubset = { user, _, _, _ in
            guard let user else { return }
            Unmanaged<XMLPushParser>.fromOpaque(user).takeUnretainedValue().refuseDoctype()
        }
        sax.externalSubset = sax.internalSubset
        // Only the five predefined entities exist; anything else is "not defined".
        sax.getEntity = { _, _ in nil }
        sax.serror = { _, _ in }
        // Errors raised outside the context (an encoding that will not convert) would otherwise be
        // printed on stderr by libxml2; Safeguard reports them itself. (Per thread in libxml2.)
        xmlSetStructuredErrorFunc(nil, { _, _ in })
        let user = Unmanaged.passUnretained(self).toOpaque()
        guard
            let context = xmlCreatePushParserCtxt(
                &sax, user, head.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(head.count), self.fileName)
        else {
            throw ImportError(code: "xml.unreadable", file: self.fileName, message: "libxml2 could not start parsing")
        }
        self.context = context
        xmlCtxtUseOptions(
            context,
            Int32(
                XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
                    | XML_PARSE_NOBLANKS.rawValue))
    }

    private func opened(_ name: UnsafePointer<xmlChar>) {
        let depth = self.openNames.pointee.count
        if depth >= self.limits.maxDepth {
            self.refuse(
                ImportError(
                    code: "xml.depth", file: self.fileName, line: self.line, element: self.currentElement,
                    message: "elements are nested more than \(self.limits.maxDepth) deep; this is not a feed"))
            return
        }
        self.openNames.pointee.append(name)
        self.handler.startElement(self, name: name, depth: depth)
    }

    private func closed() {
        guard !self.openNames.pointee.isEmpty else { return }
        self.openNames.pointee.removeLast()
        self.handler.endElement(self, depth: self.openNames.pointee.count)
    }

    private func refuseDoctype() {
        self.refuse(
            ImportError(
                code: "xml.doctype", file: self.fileName, line: self.line, element: self.currentElement,
                message: "the document declares a DOCTYPE or entities, which Safeguard refuses (they are how "
                    + "external-entity (XXE) and entity-expansion attacks work); feeds never need one — "
                    + "remove the <!DOCTYPE …> declaration"))
    }

    private func refuse(_ error: ImportError) {
        if self.refusal == nil { self.refusal = error }
        if let context = self.context { xmlStopParser(context) }
    }

    private func failure(_ context: xmlParserCtxtPtr) -> ImportError {
        let error = xmlCtxtGetLastError(context)
        let message = error?.pointee.message.map { String(cString: $0).trimmingWhitespace() } ?? "malformed XML"
        let line = error.map { Int($0.pointee.line) } ?? self.line
        if message.lowercased().contains("entity") {
            return ImportError(
                code: "xml.entities", file: self.fileName, line: line, element: self.currentElement,
                message: "entity expansion refused (\(message)); feeds never declare entities — this looks like "
                    + "an entity-expansion (\"billion laughs\") or external-entity attack")
        }
        return ImportError(
            code: "xml.malformed", file: self.fileName, line: line, element: self.currentElement,
            message: "the XML is malformed: \(message)")
    }

    private func truncated(line: Int) -> ImportError {
        ImportError(
            code: "xml.truncated", file: self.fileName, line: line, element: self.currentElement,
            message: "the document ends before <\(self.currentElement ?? "?")> and its parents are closed; "
                + "the file was cut short — fetch or copy it again")
    }
}
