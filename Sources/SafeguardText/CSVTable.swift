/// A small RFC 4180 CSV reader over bytes: quoted fields with doubled quotes, commas and
/// newlines inside quotes, CRLF or LF line ends. Each row carries its 1-based physical line number.
public enum CSVTable {
    /// One parsed row.
    public struct Row: Sendable, Hashable {
        /// Physical line (1-based) where the row starts.
        public var line: Int
        /// The fields.
        public var fields: [String]
    }

    /// Parses all rows (the header included).
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> [Row] {
        var rows: [Row] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var i = 0
        var line = 1
        var rowLine = 1
        let n = bytes.count
        var inQuotes = false
        var fieldStarted = false
        while i < n {
            let b = bytes[i]
            if inQuotes {
                if b == 0x22 {
                    if i + 1 < n && bytes[i + 1] == 0x22 {
                        field.append(0x22)
                        i += 2
                        continue
                    }
                    inQuotes = false
                } else {
                    if b == 0x0A { line += 1 }
                    field.append(b)
                }
                i += 1
                continue
            }
            switch b {
            case 0x22 where field.isEmpty && !fieldStarted:
                inQuotes = true
                fieldStarted = true
            case 0x2C:
                fields.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
                fieldStarted = false
            case 0x0A, 0x0D:
                if b == 0x0D && i + 1 < n && bytes[i + 1] == 0x0A { i += 1 }
                fields.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
                fieldStarted = false
                if !(fields.count == 1 && fields[0].isEmpty) { rows.append(Row(line: rowLine, fields: fields)) }
                fields.removeAll(keepingCapacity: true)
                line += 1
                rowLine = line
            default:
                field.append(b)
                fieldStarted = true
            }
            i += 1
        }
        if fieldStarted || !field.isEmpty || !fields.isEmpty {
            fields.append(String(decoding: field, as: UTF8.self))
            rows.append(Row(line: rowLine, fields: fields))
        }
        return rows
    }
}
