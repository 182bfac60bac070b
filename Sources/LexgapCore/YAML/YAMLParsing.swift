import Foundation
import Yams

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

/// Turns a file's bytes into a YAML node tree whose nodes keep their line and column, or into located diagnostics.
///
/// Tags are resolved with Yams's basic resolver: every plain scalar stays a string and lexgap decides itself what
/// is a number or a date, so `version: 1.10` never becomes 1.1 and `code: NO` never becomes false.
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
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let offset = firstInvalidUTF8Offset(bytes)
            collector.error(
                .notUTF8, "file is not valid UTF-8 (invalid byte 0x\(hex(bytes[bytes.startIndex + offset])))",
                at: location(ofByteOffset: offset, in: bytes, file: file.path))
            return nil
        }
        do {
            let parser = try Parser(yaml: text, resolver: .basic, constructor: .default, encoding: .utf8)
            guard let root = try parser.singleRoot() else {
                collector.error(.emptyDocument, "file holds no YAML document", at: .init(file: file.path, line: 1, column: 1))
                return nil
            }
            var budget = Limits.nodes
            if mayExceedLimits(bytes), let problem = measure(root, depth: 1, budget: &budget) {
                switch problem {
                case .tooDeep(let line, let column):
                    collector.error(
                        .tooDeep, "nesting deeper than \(Limits.depth) levels", at: .init(file: file.path, line: line, column: column))
                case .tooManyNodes:
                    collector.error(
                        .tooLarge,
                        "the document expands to more than \(Limits.nodes) values (aliases that multiply, such as an alias bomb, are not read)",
                        at: .init(file: file.path, line: 1, column: 1))
                }
                return nil
            }
            return root
        } catch let error as YamlError {
            report(error, text: text, file: file.path, into: collector)
            return nil
        } catch {
            collector.error(.yamlSyntax, "\(error)", at: .init(file: file.path, line: 1, column: 1))
            return nil
        }
    }

    enum SizeProblem {
        case tooDeep(line: Int, column: Int)
        case tooManyNodes
    }

    /// Whether the text could pass the node or depth limit, by a scan of its bytes: the full walk (`measure`) costs as
    /// much as parsing, and ordinary files can be cleared without it. Without an alias (`*`), the number of values is
    /// bounded by the file size; block nesting is at most two more than a line's indentation (counting `- ` prefixes),
    /// and each flow bracket adds at most two levels, so under 20 of each the depth stays under 64.
    static func mayExceedLimits(_ bytes: ArraySlice<UInt8>) -> Bool {
        let bound = 20
        var prefix = 0
        var atLineStart = true
        var flow = 0
        var deepestFlow = 0
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "*"): return true
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                atLineStart = true
                prefix = 0
            case UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"):
                if atLineStart { prefix += 1 }
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                atLineStart = false
                flow += 1
                deepestFlow = max(deepestFlow, flow)
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                atLineStart = false
                flow = max(0, flow - 1)
            default:
                atLineStart = false
            }
            if prefix >= bound || deepestFlow >= bound { return true }
        }
        return false
    }

    /// Walks the tree as aliases expand it, stopping as soon as a limit is passed, so the walk itself is bounded.
    static func measure(_ node: Node, depth: Int, budget: inout Int) -> SizeProblem? {
        budget -= 1
        if budget < 0 { return .tooManyNodes }
        if depth > Limits.depth { return .tooDeep(line: node.mark?.line ?? 1, column: node.mark?.column ?? 1) }
        switch node {
        case .scalar, .alias: return nil
        case .sequence(let sequence):
            for child in sequence {
                if let problem = measure(child, depth: depth + 1, budget: &budget) { return problem }
            }
        case .mapping(let mapping):
            for (key, value) in mapping {
                if let problem = measure(key, depth: depth + 1, budget: &budget) { return problem }
                if let problem = measure(value, depth: depth + 1, budget: &budget) { return problem }
            }
        }
        return nil
    }

    private static func report(_ error: YamlError, text: String, file: String, into collector: DiagnosticCollector) {
        // libyaml reports an error at the end of the input on the line after the last one; point at the end of the
        // last line instead, which a reader can find.
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        let lineCount = max(1, lines.last?.isEmpty == true ? lines.count - 1 : lines.count)
        func at(_ mark: Mark) -> SourceLocation {
            guard mark.line > lineCount else { return SourceLocation(file: file, line: max(mark.line, 1), column: max(mark.column, 1)) }
            let last = lines.indices.contains(lineCount - 1) ? lines[lineCount - 1].unicodeScalars.count : 0
            return SourceLocation(file: file, line: lineCount, column: last + 1)
        }
        func describe(_ problem: String, _ context: YamlError.Context?) -> String {
            guard let context, !context.text.isEmpty else { return problem }
            return "\(problem) (\(context.text) at line \(context.mark.line), column \(context.mark.column))"
        }
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            // libyaml stops at 1,000 levels, before lexgap's own (lower) limit can be applied.
            if problem.hasPrefix("Maximum nesting level") {
                collector.error(.tooDeep, "nesting deeper than \(Limits.depth) levels", at: at(mark))
                return
            }
            var message = describe(problem, context)
            if character(at: mark, in: text) == "\t" { message += "; YAML does not allow tabs for indentation, use spaces" }
            let location = at(mark)
            if let hint = SyntaxHint.explain(problem: problem, line: location.line, column: location.column, text: text) {
                collector.error(
                    .yamlSyntax, hint.message, at: SourceLocation(file: file, line: hint.line, column: hint.column),
                    notes: [.init("YAML parser: \(message)", at: location)])
                return
            }
            collector.error(.yamlSyntax, message, at: location)
        case .reader(let problem, let offset, let value, _):
            let bytes = Array(text.utf8)[...]
            let byteOffset = offset.map { Array(text.prefix($0).utf8).count } ?? 0
            var message = problem
            if value >= 0 { message += String(format: " (U+%04X)", value) }
            collector.error(.yamlSyntax, message, at: location(ofByteOffset: byteOffset, in: bytes, file: file))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.first ?? ""
            let first = at(context.mark)
            let repeated = locateRepeatedKey(key, after: first, in: text)
            collector.error(
                .duplicateKey, "duplicate key '\(key)'", at: repeated ?? first,
                notes: repeated == nil ? [] : [.init("'\(key)' first defined here", at: first)])
        default:
            collector.error(.yamlSyntax, "\(error)", at: .init(file: file, line: 1, column: 1))
        }
    }

    /// Yams reports a duplicated key at its first occurrence. A compiler points at the redefinition, so look for the
    /// same key at the same column further down the same block mapping; flow mappings fall back to the first one.
    static func locateRepeatedKey(_ key: String, after first: SourceLocation, in text: String) -> SourceLocation? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard first.line >= 1, first.line <= lines.count else { return nil }
        let indent = first.column - 1
        let spellings = [key, "\"\(key)\"", "'\(key)'"]
        for index in first.line..<lines.count {
            let line = Array(lines[index].unicodeScalars)
            let leading = line.prefix { $0 == " " }.count
            let content = String(String.UnicodeScalarView(line[leading...])).trimmingCharacters(in: .whitespaces)
            if content.isEmpty || content.hasPrefix("#") { continue }
            if leading < indent { return nil }  // the mapping has ended
            guard leading == indent else { continue }
            for spelling in spellings where content.hasPrefix(spelling) {
                let rest = content.dropFirst(spelling.count).drop { $0 == " " }
                if rest.hasPrefix(":") {
                    return SourceLocation(file: first.file, line: index + 1, column: first.column)
                }
            }
        }
        return nil
    }

    /// The character at a libyaml mark (1-based line, column in Unicode scalars), if any.
    static func character(at mark: Mark, in text: String) -> Unicode.Scalar? {
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

    static func firstInvalidUTF8Offset(_ bytes: ArraySlice<UInt8>) -> Int {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return offset
            case .error: return offset
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
