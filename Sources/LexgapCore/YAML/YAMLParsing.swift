import Foundation

/// An input file as read from disk: the path shown in diagnostics and its raw bytes.
public struct SourceFile: Sendable {
    /// The path as the user should see it in diagnostics (relative when the user gave a relative path).
    public var path: String
    public var bytes: [UInt8]
    /// The file's size on disk: larger than `bytes` when a file over the size limit was not read.
    public var size: Int

    public init(path: String, bytes: [UInt8], size: Int? = nil) {
        self.path = path
        self.bytes = bytes
        self.size = max(size ?? bytes.count, bytes.count)
    }

    /// The largest file lexgap reads, in bytes.
    public static var sizeLimit: Int { YAMLParsing.Limits.fileSize }

    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }
}

/// Turns a file's bytes into lexgap's YAML nodes (see `Node`), which keep their line and column, or into located
/// diagnostics.
enum YAMLParsing {
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Limits that keep a hostile or mistaken input from exhausting time or memory. The shipped files are about
    /// 60 KB, 2,000 nodes and 8 levels deep, so these leave room for a hundredfold growth.
    public enum Limits {
        public static let fileSize = 8 * 1024 * 1024
        /// Nodes after aliases are expanded: an "alias bomb" of a few hundred bytes expands to billions.
        public static let nodes = 200_000
        public static let depth = 64
    }

    static func parse(_ file: SourceFile, into collector: DiagnosticCollector) -> Node? {
        guard file.size <= Limits.fileSize else {
            collector.error(
                .tooLarge, "file is \(file.size / 1024 / 1024) MB; lexgap reads files of at most \(Limits.fileSize / 1024 / 1024) MB",
                at: .init(file: file.path, line: 1, column: 1))
            return nil
        }
        var bytes = file.bytes[...]
        if bytes.starts(with: byteOrderMark) { bytes = bytes.dropFirst(3) }
        do {
            // libyaml decodes every byte it reads, so a document read to its end is valid UTF-8.
            return try EventReader.read(bytes, maxNodes: Limits.nodes, maxDepth: Limits.depth)
        } catch {
            // Whatever libyaml stumbled on, text that is not UTF-8 is the first thing to fix, with its byte named.
            if let offset = firstInvalidUTF8Offset(bytes) {
                collector.error(
                    .notUTF8, "file is not valid UTF-8 (invalid byte 0x\(hex(bytes[bytes.startIndex + offset])))",
                    at: location(ofByteOffset: offset, in: bytes, file: file.path))
            } else {
                report(error, bytes: bytes, file: file.path, into: collector)
            }
            return nil
        }
    }

    private static func report(_ failure: EventReader.Failure, bytes: ArraySlice<UInt8>, file: String, into collector: DiagnosticCollector)
    {
        switch failure {
        case .noDocument:
            collector.error(.emptyDocument, "file holds no YAML document", at: .init(file: file, line: 1, column: 1))
        case .tooDeep(let mark):
            collector.error(
                .tooDeep, "nesting deeper than \(Limits.depth) levels", at: .init(file: file, line: mark.line, column: mark.column))
        case .tooManyNodes:
            collector.error(
                .tooLarge,
                "the document expands to more than \(Limits.nodes) values (aliases that multiply, such as an alias bomb, are not read)",
                at: .init(file: file, line: 1, column: 1))
        case .duplicateKey(let key, let first, let repeated):
            collector.error(
                .duplicateKey, "duplicate key '\(key)'", at: .init(file: file, line: repeated.line, column: repeated.column),
                notes: [.init("'\(key)' first defined here", at: .init(file: file, line: first.line, column: first.column))])
        case .reader(let problem, let offset, let value):
            var message = problem
            if value >= 0 { message += String(format: " (U+%04X)", value) }
            collector.error(.yamlSyntax, message, at: location(ofByteOffset: offset, in: bytes, file: file))
        case .syntax(let problem, let mark, let context):
            let text = String(decoding: bytes, as: UTF8.self)
            // libyaml reports an error at the end of the input on the line after the last one; point at the end of
            // the last line instead, which a reader can find.
            let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
            let lineCount = max(1, lines.last?.isEmpty == true ? lines.count - 1 : lines.count)
            func at(_ mark: Node.Mark) -> SourceLocation {
                guard mark.line > lineCount else { return SourceLocation(file: file, line: max(mark.line, 1), column: max(mark.column, 1)) }
                let last = lines.indices.contains(lineCount - 1) ? lines[lineCount - 1].unicodeScalars.count : 0
                return SourceLocation(file: file, line: lineCount, column: last + 1)
            }
            var message = problem
            if let context, !context.text.isEmpty {
                message += " (\(context.text) at line \(context.mark.line), column \(context.mark.column))"
            }
            if character(at: mark, in: text) == "\t" { message += "; YAML does not allow tabs for indentation, use spaces" }
            let location = at(mark)
            if let hint = SyntaxHint.explain(problem: problem, line: location.line, column: location.column, text: text) {
                collector.error(
                    .yamlSyntax, hint.message, at: SourceLocation(file: file, line: hint.line, column: hint.column),
                    notes: [.init("YAML parser: \(message)", at: location)])
                return
            }
            collector.error(.yamlSyntax, message, at: location)
        }
    }

    /// The character at a libyaml mark (1-based line, column in Unicode scalars), if any.
    static func character(at mark: Node.Mark, in text: String) -> Unicode.Scalar? {
        var line = 1
        var column = 1
        for scalar in text.unicodeScalars {
            if line == mark.line, column == mark.column { return scalar }
            if line > mark.line { return nil }
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return nil
    }

    /// The offset of the first byte that is not valid UTF-8, or nil when all are.
    static func firstInvalidUTF8Offset(_ bytes: ArraySlice<UInt8>) -> Int? {
        if String(validating: bytes, as: UTF8.self) != nil { return nil }
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput, .error: return offset
            }
        }
    }

    /// The line and column (in Unicode scalars) of a byte offset in (possibly invalid) UTF-8 text.
    static func location(ofByteOffset offset: Int, in bytes: ArraySlice<UInt8>, file: String) -> SourceLocation {
        let prefix = bytes.prefix(offset)
        let line = prefix.count { $0 == 0x0A } + 1
        let lineStart = prefix.lastIndex(of: 0x0A).map { $0 + 1 } ?? prefix.startIndex
        // Continuation bytes (10xxxxxx) do not start a scalar.
        let column = prefix[lineStart...].count { $0 & 0xC0 != 0x80 } + 1
        return SourceLocation(file: file, line: line, column: column)
    }

    private static func hex(_ byte: UInt8) -> String { String(format: "%02X", byte) }
}
