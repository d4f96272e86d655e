import SafeguardCore

/// What reading a CSV file with a profile did.
public struct CSVReadResult: Sendable, Hashable {
    /// Data rows read (delivered plus rejected).
    public var rows = 0
    /// Records delivered.
    public var delivered = 0
    /// Rows rejected (reported through `onIssue`).
    public var rejected = 0
    /// Rows that were not valid UTF-8 and were read as Windows-1252.
    public var fallbackEncodingRows = 0
}

/// Reads a CSV file through a profile: header matching with aliases, per-row problems as issues.
public enum CSVImporter {
    /// The header cells of a CSV file (its first record).
    public static func header(path: String, displayName: String? = nil) throws -> [String] {
        let reader = try CSVReader(path: path, displayName: displayName, chunkSize: 1 << 16)
        return try self.header(reader)
    }

    /// The header cells of CSV bytes.
    public static func header(bytes: [UInt8], name: String) throws -> [String] {
        try self.header(CSVReader(bytes: bytes, name: name))
    }

    private struct Stop: Error {}

    private static func header(_ reader: CSVReader) throws -> [String] {
        var cells: [String] = []
        do {
            try reader.forEachRecord { record in
                cells = (0..<record.count).map { record.field($0) }
                throw Stop()
            }
        } catch is Stop {}
        return cells
    }

    /// Streams the records of a CSV file mapped by `profile`.
    ///
    /// - Throws: `ImportError` when the file is missing, the header lacks a required column, or a
    ///   quote is never closed; records before the fault have been delivered.
    @discardableResult
    public static func read<P: CSVProfile>(
        path: String, displayName: String? = nil, profile: P, progress: ((Int) -> Void)? = nil,
        onIssue: (ImportIssue) -> Void, onRecord: (P.Record) throws -> Void
    ) throws -> CSVReadResult {
        let reader = try CSVReader(path: path, displayName: displayName)
        return try self.read(reader, profile: profile, progress: progress, onIssue: onIssue, onRecord: onRecord)
    }

    /// Streams the records of CSV bytes mapped by `profile` (tests, fuzzing).
    @discardableResult
    public static func read<P: CSVProfile>(
        bytes: [UInt8], name: String, profile: P, onIssue: (ImportIssue) -> Void,
        onRecord: (P.Record) throws -> Void
    ) throws -> CSVReadResult {
        try self.read(CSVReader(bytes: bytes, name: name), profile: profile, progress: nil, onIssue: onIssue,
            onRecord: onRecord)
    }

    static func read<P: CSVProfile>(
        _ reader: CSVReader, profile: P, progress: ((Int) -> Void)?, onIssue: (ImportIssue) -> Void,
        onRecord: (P.Record) throws -> Void
    ) throws -> CSVReadResult {
        var result = CSVReadResult()
        var map: [Int?] = []
        var headerCount = 0
        let names = profile.columns.map(\.name)
        var sawHeader = false
        let file = reader.fileName
        do {
            try reader.forEachRecord { record in
                if !sawHeader {
                    sawHeader = true
                    headerCount = record.count
                    map = try self.columnMap(record, profile: profile, file: file)
                    return
                }
                result.rows += 1
                if let progress, result.rows % 16384 == 0 { progress(reader.bytesRead) }
                func reject(_ code: String, _ field: String?, _ message: String) {
                    result.rejected += 1
                    onIssue(
                        ImportIssue(
                            code: code, severity: .rejected, file: file, line: record.line, record: result.rows,
                            field: field, message: message, originalRecord: record.rawText))
                }
                guard record.count == headerCount else {
                    reject(
                        "csv.columns", nil,
                        "the row has \(record.count) fields but the header has \(headerCount); check for an "
                            + "unquoted comma or a missing field")
                    return
                }
                var values = [String?](repeating: nil, count: map.count)
                var fallback = false
                for (column, index) in map.enumerated() {
                    guard let index, !record.isEmpty(index) else { continue }
                    let decoded = record.decode(index)
                    fallback = fallback || decoded.fallback
                    let text = decoded.text.trimmingWhitespace()
                    values[column] = text.isEmpty ? nil : text
                }
                if fallback {
                    if result.fallbackEncodingRows == 0 {
                        onIssue(
                            ImportIssue(
                                code: "csv.encoding", severity: .warning, file: file, line: record.line,
                                record: result.rows,
                                message: "the text is not valid UTF-8; it was read as Windows-1252 from here on "
                                    + "(save the file as UTF-8 to avoid this)"))
                    }
                    result.fallbackEncodingRows += 1
                }
                let row = MappedRow(values: values, names: names, line: record.line)
                do {
                    let mapped = try profile.record(from: row)
                    try onRecord(mapped)
                    result.delivered += 1
                } catch let problem as RowProblem {
                    reject(problem.code, problem.field, problem.message)
                }
            }
        } catch var error as ImportError {
            error.recordsBefore = result.delivered
            throw error
        }
        guard sawHeader else {
            throw ImportError(code: "csv.empty", file: file, line: 1, message: "the file is empty; expected a header row")
        }
        progress?(reader.bytesRead)
        return result
    }

    static func columnMap<P: CSVProfile>(_ header: CSVRecord, profile: P, file: String) throws -> [Int?] {
        var positions: [String: Int] = [:]
        for index in 0..<header.count {
            let key = CSVColumn.key(header.field(index))
            if positions[key] == nil { positions[key] = index }
        }
        var map: [Int?] = []
        var missing: [String] = []
        for column in profile.columns {
            let found = ([column.name] + column.aliases).lazy.compactMap { positions[CSVColumn.key($0)] }.first
            if found == nil, column.required { missing.append(column.name) }
            map.append(found)
        }
        if !missing.isEmpty {
            throw ImportError(
                code: "csv.header", file: file, line: header.line, element: missing.joined(separator: ", "),
                message: "the header has no \(missing.joined(separator: ", ")) column; this is not a \(profile.name) "
                    + "file (see docs/formats.md, or pick another with --format)")
        }
        return map
    }
}
