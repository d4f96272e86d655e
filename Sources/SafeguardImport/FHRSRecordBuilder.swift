import CLibXML2
import SafeguardCore

/// Turns the SAX events of an FHRS document into rows: element texts are appended to one byte
/// buffer per record (no `String` per event or per field), and a complete record is copied into
/// an `FHRSRow` with its numbers and dates parsed.
///
/// The per-event state sits behind a pointer: SAX callbacks touch it ~75 times per record, and as
/// class properties every touch paid a dynamic exclusivity check (a third of parse time).
final class FHRSRecordBuilder: XMLEventHandler {
    private typealias Field = FHRSReader.Field
    private static let fieldCount = Field.allCases.count

    private struct State {
        /// Where finished records and their issues go (set for the length of one parse).
        var onRecord: ((FHRSRow) throws -> Void)?
        var onIssue: ((ImportIssue) -> Void)?
        /// What `onRecord` threw; the parser is stopped and the reader rethrows it.
        var deliveryError: (any Error)?
        var result = FHRSReadResult(extractDate: nil, itemCount: nil, records: 0, delivered: 0)
        var failure: ImportError?
        var stopAtFirstRecord = false
        var sawRoot = false
        var names: [UnsafePointer<xmlChar>?] = []
        var detail: UnsafePointer<xmlChar>?
        var extractDateName: UnsafePointer<xmlChar>?
        var itemCountName: UnsafePointer<xmlChar>?
        var inRecord = false
        var recordLine = 0
        var current = -1
        var text: [UInt8] = []
        /// 1 ExtractDate, 2 ItemCount.
        var headerField = 0
        var headerText: [UInt8] = []
    }

    private let state: UnsafeMutablePointer<State>
    /// Where each field's text starts and ends in `State.text` (-1: absent), one slot per field.
    private let starts: UnsafeMutablePointer<Int>
    private let ends: UnsafeMutablePointer<Int>

    init() {
        self.state = .allocate(capacity: 1)
        self.state.initialize(to: State())
        self.state.pointee.text.reserveCapacity(4096)
        self.starts = .allocate(capacity: Self.fieldCount)
        self.starts.initialize(repeating: -1, count: Self.fieldCount)
        self.ends = .allocate(capacity: Self.fieldCount)
        self.ends.initialize(repeating: -1, count: Self.fieldCount)
    }

    deinit {
        self.state.deinitialize(count: 1)
        self.state.deallocate()
        self.starts.deallocate()
        self.ends.deallocate()
    }

    /// Runs `parse` with records and issues going straight to the caller's closures.
    func delivering(
        to onRecord: (FHRSRow) throws -> Void, issues onIssue: (ImportIssue) -> Void,
        _ parse: () throws -> Void
    ) throws {
        try withoutActuallyEscaping(onRecord) { onRecord in
            try withoutActuallyEscaping(onIssue) { onIssue in
                self.state.pointee.onRecord = onRecord
                self.state.pointee.onIssue = onIssue
                defer {
                    self.state.pointee.onRecord = nil
                    self.state.pointee.onIssue = nil
                }
                try parse()
            }
        }
        if let error = self.state.pointee.deliveryError { throw error }
    }

    /// The header and counts so far.
    var result: FHRSReadResult {
        get { self.state.pointee.result }
        set { self.state.pointee.result = newValue }
    }

    /// Set when the document is not an FHRS feed.
    var failure: ImportError? { self.state.pointee.failure }

    /// For reading just the header.
    var stopAtFirstRecord: Bool {
        get { self.state.pointee.stopAtFirstRecord }
        set { self.state.pointee.stopAtFirstRecord = newValue }
    }

    /// Whether any element was seen.
    var sawRoot: Bool { self.state.pointee.sawRoot }

    func startElement(_ parser: XMLPushParser, name: UnsafePointer<xmlChar>, depth: Int) {
        let state = self.state
        guard state.pointee.sawRoot else {
            state.pointee.sawRoot = true
            let root = String(cString: name)
            guard root == "FHRSEstablishment" else {
                state.pointee.failure = ImportError(
                    code: "fhrs.root", file: parser.fileName, line: parser.line, element: root,
                    message: "this is not an FHRS file: the root element is <\(root)>, expected "
                        + "<FHRSEstablishment>; use `--format` to pick another importer")
                parser.stop()
                return
            }
            state.pointee.detail = parser.intern("EstablishmentDetail")
            state.pointee.extractDateName = parser.intern("ExtractDate")
            state.pointee.itemCountName = parser.intern("ItemCount")
            state.pointee.names = Field.allCases.map { parser.intern($0.elementName) }
            return
        }
        if depth == 2, name == state.pointee.detail {
            if state.pointee.stopAtFirstRecord {
                parser.stop()
                return
            }
            state.pointee.inRecord = true
            state.pointee.recordLine = parser.line
            state.pointee.text.removeAll(keepingCapacity: true)
            for index in 0..<Self.fieldCount {
                self.starts[index] = -1
                self.ends[index] = -1
            }
            state.pointee.current = -1
        } else if state.pointee.inRecord, depth >= 3 {
            state.pointee.current = state.pointee.names.firstIndex { $0 == name } ?? -1
            if state.pointee.current >= 0 {
                let field = state.pointee.current
                if self.starts[field] < 0 {
                    self.starts[field] = state.pointee.text.count
                } else if self.ends[field] >= self.starts[field] {
                    // A repeated element: move its earlier text to the end so the two join up.
                    let earlier = Array(state.pointee.text[self.starts[field]..<self.ends[field]])
                    self.starts[field] = state.pointee.text.count
                    self.ends[field] = -1
                    state.pointee.text.append(contentsOf: earlier)
                }
                // Otherwise the element is nested in itself (malformed, but well-formed XML allows
                // it): its text simply continues.
            }
        } else if depth == 2 {
            state.pointee.headerField =
                name == state.pointee.extractDateName ? 1 : name == state.pointee.itemCountName ? 2 : 0
            state.pointee.headerText.removeAll(keepingCapacity: true)
        }
    }

    func characters(_ parser: XMLPushParser, _ bytes: UnsafePointer<xmlChar>, count: Int) {
        let state = self.state
        if state.pointee.inRecord {
            if state.pointee.current >= 0 {
                state.pointee.text.append(contentsOf: UnsafeBufferPointer(start: bytes, count: count))
            }
        } else if state.pointee.headerField != 0 {
            state.pointee.headerText.append(contentsOf: UnsafeBufferPointer(start: bytes, count: count))
        }
    }

    func endElement(_ parser: XMLPushParser, depth: Int) {
        let state = self.state
        if state.pointee.inRecord, depth == 2 {
            state.pointee.inRecord = false
            state.pointee.result.records += 1
            let row = state.pointee.text.withUnsafeBufferPointer { buffer in
                FHRSReader().row(
                    { self.bytes($0, in: buffer) }, file: parser.fileName, line: state.pointee.recordLine,
                    record: state.pointee.result.records, onIssue: { state.pointee.onIssue?($0) })
            }
            if let row {
                do {
                    try state.pointee.onRecord?(row)
                    state.pointee.result.delivered += 1
                } catch {
                    state.pointee.deliveryError = error
                    parser.stop()
                }
            }
        } else if state.pointee.inRecord {
            if state.pointee.current >= 0 { self.ends[state.pointee.current] = state.pointee.text.count }
            state.pointee.current = -1
        } else if state.pointee.headerField != 0 {
            let value = String(decoding: state.pointee.headerText, as: UTF8.self).trimmingWhitespace()
            if state.pointee.headerField == 1 {
                state.pointee.result.extractDate = CalendarDay(iso: value)
            } else {
                state.pointee.result.itemCount = Int(value)
            }
            state.pointee.headerField = 0
        }
    }

    /// A field's bytes without surrounding whitespace; nil when absent or blank.
    private func bytes(_ field: Field, in buffer: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8>? {
        let start = self.starts[field.rawValue]
        let end = self.ends[field.rawValue]
        guard start >= 0, end > start else { return nil }
        let trimmed = ASCIIWhitespace.trimmed(start..<end, in: buffer)
        return trimmed.isEmpty ? nil : UnsafeBufferPointer(rebasing: buffer[trimmed])
    }
}
