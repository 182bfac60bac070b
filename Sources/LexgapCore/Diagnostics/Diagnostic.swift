/// A position in an input file: 1-based line and column (columns count Unicode scalars, as libyaml does).
public struct SourceLocation: Hashable, Comparable, Sendable, Codable {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }

    /// `file:line:column`, the form compilers and editors understand.
    public var description: String { "\(file):\(line):\(column)" }
}

/// How serious a diagnostic is. Errors make `lexgap validate` fail; warnings do so only with `--strict`.
public enum Severity: String, Sendable, Codable, Comparable {
    case error
    case warning

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs == .error && rhs == .warning
    }
}

/// One problem found in an input file, with where it is and a stable code that scripts can match on.
public struct Diagnostic: Hashable, Sendable, Codable {
    /// A secondary location that helps explain the diagnostic (for example where a duplicate was first defined).
    public struct Note: Hashable, Sendable, Codable {
        public var location: SourceLocation?
        public var message: String

        public init(_ message: String, at location: SourceLocation? = nil) {
            self.message = message
            self.location = location
        }
    }

    public var severity: Severity
    public var code: DiagnosticCode
    public var message: String
    public var location: SourceLocation
    public var notes: [Note]

    public init(
        _ severity: Severity, _ code: DiagnosticCode, _ message: String, at location: SourceLocation,
        notes: [Note] = []
    ) {
        self.severity = severity
        self.code = code
        // Messages quote bad input; shown escaped, a control character cannot rewrite the reader's terminal.
        self.message = message.escapingControlCharacters
        self.location = location
        self.notes = notes.map { Note($0.message.escapingControlCharacters, at: $0.location) }
    }

    /// The compiler-style text: `PH.yaml:14:5: error: message [code]`, followed by any notes.
    public var formatted: String {
        var lines = ["\(location.description): \(severity.rawValue): \(message) [\(code.rawValue)]"]
        for note in notes {
            if let location = note.location {
                lines.append("\(location.description): note: \(note.message)")
            } else {
                lines.append("note: \(note.message)")
            }
        }
        return lines.joined(separator: "\n")
    }
}

extension Diagnostic: Comparable {
    /// Diagnostics sort by file, line and column, so output is the same on every run.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        if lhs.location != rhs.location { return lhs.location < rhs.location }
        if lhs.severity != rhs.severity { return lhs.severity < rhs.severity }
        if lhs.code != rhs.code { return lhs.code.rawValue < rhs.code.rawValue }
        return lhs.message < rhs.message
    }
}

extension Array where Element == Diagnostic {
    public var errorCount: Int { count { $0.severity == .error } }
    public var warningCount: Int { count { $0.severity == .warning } }
    public var hasErrors: Bool { contains { $0.severity == .error } }
}

extension String {
    /// Control characters (C0 but for tab and line breaks, DEL, C1) written as `\u{1B}`, so that text quoted from
    /// input or data reaches a terminal as text.
    public var escapingControlCharacters: String {
        guard utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 }) else { return self }
        var out = ""
        for scalar in unicodeScalars {
            if MappingReader.isControl(scalar) {
                out += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
