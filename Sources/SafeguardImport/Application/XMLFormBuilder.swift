import CLibXML2

/// Builds a `FormNode` tree from the streaming XML reader's events (an application is small; the
/// reader's hardening — no DOCTYPE, no entities, depth limit — still applies).
final class XMLFormBuilder: XMLEventHandler {
    private struct Open {
        var name: String
        var line: Int
        var text: String = ""
        var children: [(key: String, node: FormNode)] = []
    }

    private var stack: [Open] = []
    private(set) var root: (name: String, node: FormNode)?

    func startElement(_ parser: XMLPushParser, name: UnsafePointer<xmlChar>, depth: Int) {
        self.stack.append(Open(name: String(cString: name), line: parser.line))
    }

    func characters(_ parser: XMLPushParser, _ bytes: UnsafePointer<xmlChar>, count: Int) {
        guard !self.stack.isEmpty else { return }
        self.stack[self.stack.count - 1].text += String(
            decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }

    func endElement(_ parser: XMLPushParser, depth: Int) {
        guard let open = self.stack.popLast() else { return }
        let node: FormNode
        if open.children.isEmpty {
            node = .value(open.text.trimmingWhitespace(), line: open.line)
        } else {
            node = .object(open.children, line: open.line)
        }
        if self.stack.isEmpty {
            self.root = (open.name, node)
        } else {
            self.stack[self.stack.count - 1].children.append((open.name, node))
        }
    }
}
