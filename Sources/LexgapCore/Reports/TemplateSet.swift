import Foundation
import Mustache

/// The Mustache templates reports are rendered with, by name (`country.html` is `country.html.mustache`).
///
/// Built from the bundled templates overlaid by the user's (`--templates DIR`, `--template FILE`), so a user can
/// replace one page or one partial and keep the rest. Every template is parsed up front: a syntax error, or a partial
/// that names no template, is a diagnostic with its file, line and column before anything is rendered.
public struct TemplateSet: Sendable {
    /// One template file, named for the report it renders.
    public struct File: Sendable {
        public var name: String
        public var source: SourceFile

        public init(name: String, source: SourceFile) {
            self.name = name
            self.source = source
        }
    }

    /// A template that a report needs and that no folder provides.
    public struct MissingTemplate: Error, Sendable {
        public var name: String
        /// Where it was looked for.
        public var searched: [String]
        public var message: String {
            "no template '\(name)': looked for \(name)\(TemplateSet.fileExtension) in \(TemplateSet.places(searched))"
        }
    }

    public static let fileExtension = ".mustache"

    var library: MustacheLibrary
    var names: Set<String>
    /// Where templates were looked for, for the message when one is missing.
    public var searched: [String]

    /// The template name of a file name, or nil for a file that is not a template.
    public static func name(ofFile fileName: String) -> String? {
        guard fileName.hasSuffix(fileExtension), !fileName.hasPrefix(".") else { return nil }
        return String(fileName.dropLast(fileExtension.count))
    }

    /// Parses `files`; a later file of the same name replaces an earlier one (the user's override the bundled).
    public init(files: [File], searched: [String]) throws(DiagnosticList) {
        Self.registerContentTypes
        var chosen: [String: File] = [:]
        for file in files { chosen[file.name] = file }
        let diagnostics = DiagnosticCollector()
        var library = MustacheLibrary()
        for name in chosen.keys.sorted() {
            let file = chosen[name]!
            guard let text = String(validating: file.source.bytes, as: UTF8.self) else {
                diagnostics.error(.notUTF8, "the template is not valid UTF-8", at: SourceLocation(file: file.source.path, line: 1, column: 1))
                continue
            }
            do {
                library.register(try MustacheTemplate(string: text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.error(
                    .templateSyntax, Self.describe(error.error),
                    at: SourceLocation(file: file.source.path, line: error.context.lineNumber, column: error.context.columnNumber))
            } catch {
                diagnostics.error(.templateSyntax, "\(error)", at: SourceLocation(file: file.source.path, line: 1, column: 1))
            }
        }
        for name in chosen.keys.sorted() {
            guard let file = chosen[name], let text = String(validating: file.source.bytes, as: UTF8.self) else { continue }
            for reference in Self.references(in: text, file: file.source.path) where chosen[reference.name] == nil {
                diagnostics.error(
                    .missingTemplate,
                    "the template refers to '\(reference.name)', which is not a template (looked for \(reference.name)\(Self.fileExtension) in \(Self.places(searched)))",
                    at: reference.location)
            }
        }
        if diagnostics.diagnostics.hasErrors { throw DiagnosticList(diagnostics: diagnostics.diagnostics) }
        self.library = library
        names = Set(chosen.keys)
        self.searched = searched
    }

    /// Renders `view` with the template `name`.
    public func render(_ view: Any, with name: String) throws(MissingTemplate) -> String {
        guard names.contains(name), let text = library.render(Self.tree(view), withTemplate: name) else {
            throw MissingTemplate(name: name, searched: searched)
        }
        return text
    }

    public func contains(_ name: String) -> Bool { names.contains(name) }

    /// The view as dictionaries, arrays, strings and booleans. Mustache would otherwise reflect on the structs at
    /// every lookup, climbing the context stack with a new `Mirror` each time; encoding once and looking keys up in
    /// dictionaries is linear in the size of the view. Views hold only strings, optionals, lists and structs (no
    /// numbers or booleans, whose JSON form differs between platforms).
    static func tree(_ view: Any) -> Any {
        guard let encodable = view as? any Encodable,
            let data = try? JSONEncoder().encode(encodable),
            let object = try? JSONSerialization.jsonObject(with: data)
        else { return view }
        return object
    }

    /// Partials (`{{> name}}`) and parents (`{{< name}}`) named in a template, with where they are named. Mustache
    /// renders an unknown partial as nothing, which would silently drop part of a report.
    static func references(in text: String, file: String) -> [(name: String, location: SourceLocation)] {
        var found: [(String, SourceLocation)] = []
        var line = 1, column = 1
        var index = text.startIndex
        while index < text.endIndex {
            if text[index...].hasPrefix("{{>") || text[index...].hasPrefix("{{<") {
                let start = text.index(index, offsetBy: 3)
                if let close = text[start...].range(of: "}}") {
                    let name = text[start..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                    if !name.isEmpty { found.append((name, SourceLocation(file: file, line: line, column: column))) }
                }
            }
            if text[index] == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index = text.index(after: index)
        }
        return found
    }

    /// "'templates' and 'mine/'", quoting folder paths but not a description such as "the bundled templates".
    static func places(_ searched: [String]) -> String {
        listInProse(searched.map { $0.hasPrefix("the ") ? $0 : "'\($0)'" })
    }

    static func describe(_ error: Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "the template cannot be parsed: \(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "this closing tag does not match the section it closes"
        case .unfinishedName: return "a tag is not closed (expected '}}')"
        case .expectedSectionEnd: return "a section is never closed (expected '{{/name}}')"
        case .invalidSetDelimiter: return "malformed set-delimiter tag"
        case .transformAppliedToInheritanceSection: return "a transform cannot apply to an inherited section"
        case .illegalTokenInsideInheritSection: return "only blocks ('{{$name}}') may appear inside '{{<parent}}'"
        case .textInsideInheritSection: return "only blocks ('{{$name}}') may appear inside '{{<parent}}'"
        case .invalidConfigVariableSyntax: return "malformed pragma (expected '{{% NAME: value}}')"
        case .unrecognisedConfigVariable: return "unknown pragma (lexgap knows CONTENT_TYPE: HTML, TEXT, MARKDOWN)"
        }
    }

    /// `{{% CONTENT_TYPE: MARKDOWN}}`: text escaped for Markdown, so that data can neither break a table nor inject
    /// raw HTML into the rendered page, while staying readable as plain text (no HTML entities).
    static let registerContentTypes: Void = {
        MustacheContentTypes.register(MarkdownContentType(), named: "MARKDOWN")
        // The same escaping as swift-mustache's HTML type, on bytes rather than grapheme clusters: rendering a site
        // spent a quarter of its time escaping. Templates that name `{{% CONTENT_TYPE: HTML}}` get this one; a
        // template with no pragma gets the library's own, which escapes the same five characters.
        MustacheContentTypes.register(HTMLContentType(), named: "HTML")
    }()
}

/// Escapes `& < > " '` for HTML text and quoted attributes.
struct HTMLContentType: MustacheContentType {
    func escapeText(_ text: String) -> String {
        let utf8 = text.utf8
        guard utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count + 16)
        for byte in utf8 {
            switch byte {
            case 0x26: out += Array("&amp;".utf8)
            case 0x3C: out += Array("&lt;".utf8)
            case 0x3E: out += Array("&gt;".utf8)
            case 0x22: out += Array("&quot;".utf8)
            case 0x27: out += Array("&#39;".utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Escapes the characters that would change the meaning of Markdown, and folds line breaks (a value is one line in
/// a table cell or a paragraph).
struct MarkdownContentType: MustacheContentType {
    func escapeText(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "#": out += "\\\(character)"
            case "\r\n", "\n", "\r": out += " "
            default: out.append(character)
            }
        }
        return out
    }
}

/// Diagnostics that stopped an operation, thrown as one error.
public struct DiagnosticList: Error, Sendable {
    public var diagnostics: [Diagnostic]
}
