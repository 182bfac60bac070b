import Foundation

/// Diagnostics as JSON for editors and CI: `{"diagnostics": [...], "errors": N, "warnings": N}`.
public struct DiagnosticReport: Codable, Sendable {
    public struct Entry: Codable, Sendable {
        public var file: String
        public var line: Int
        public var column: Int
        public var severity: Severity
        public var code: String
        public var message: String
        public var notes: [Note]
    }

    public struct Note: Codable, Sendable {
        public var file: String?
        public var line: Int?
        public var column: Int?
        public var message: String
    }

    public var diagnostics: [Entry]
    public var errors: Int
    public var warnings: Int

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics.map { diagnostic in
            Entry(
                file: diagnostic.location.file, line: diagnostic.location.line, column: diagnostic.location.column,
                severity: diagnostic.severity, code: diagnostic.code.rawValue, message: diagnostic.message,
                notes: diagnostic.notes.map {
                    Note(file: $0.location?.file, line: $0.location?.line, column: $0.location?.column, message: $0.message)
                })
        }
        errors = diagnostics.errorCount
        warnings = diagnostics.warningCount
    }

    public var json: String { JSONText.encode(self) }
}

/// JSON with sorted keys and a trailing newline, so that output is byte-identical across runs and diffs well.
public enum JSONText {
    /// Pretty-printed with sorted keys (`JSONWriter`). Encoding plain structs of strings and numbers cannot fail;
    /// an empty object is the safe fallback.
    public static func encode<Value: Encodable>(_ value: Value) -> String {
        var text = JSONWriter.text(value) ?? "{}"
        text += "\n"
        return text
    }
}

/// An optional value that JSON always shows, as `null` when absent: synthesized `Codable` would drop the key, and
/// scripts rely on every documented key being present.
public struct Nullable<Value: Codable & Sendable>: Codable, Sendable {
    public var value: Value?

    public init(_ value: Value?) { self.value = value }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        value = container.decodeNil() ? nil : try container.decode(Value.self)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        if let value { try container.encode(value) } else { try container.encodeNil() }
    }
}
