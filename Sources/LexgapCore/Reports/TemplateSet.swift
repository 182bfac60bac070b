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

    /// Why a render stopped: a template no folder provides, or one that grew past the render budget.
    public struct RenderError: Error, Sendable {
        public var message: String
        /// The located error, when there is one.
        public var diagnostic: Diagnostic?
    }

    var library: MustacheLibrary
    var names: Set<String>
    /// For each template, where its most deeply nested section starts: where to look when a render grows too large.
    var deepestSection: [String: SourceLocation]
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
            guard let file = chosen[name] else { continue }
            guard file.source.size <= SourceFile.sizeLimit else {
                diagnostics.error(
                    .tooLarge,
                    "the template is \(file.source.size / 1024 / 1024) MB; lexgap reads files of at most \(SourceFile.sizeLimit / 1024 / 1024) MB",
                    at: SourceLocation(file: file.source.path, line: 1, column: 1))
                continue
            }
            guard let text = String(validating: file.source.bytes, as: UTF8.self) else {
                diagnostics.error(
                    .notUTF8, "the template is not valid UTF-8", at: SourceLocation(file: file.source.path, line: 1, column: 1))
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
        if !diagnostics.diagnostics.hasErrors { Self.checkInclusions(chosen, diagnostics) }
        if diagnostics.diagnostics.hasErrors { throw DiagnosticList(diagnostics: diagnostics.diagnostics) }
        self.library = library
        names = Set(chosen.keys)
        deepestSection = chosen.mapValues { file in
            Self.deepestSection(in: String(decoding: file.source.bytes, as: UTF8.self), file: file.source.path)
        }
        self.searched = searched
    }

    /// Renders `view` with the template `name`, within a budget: each list may be walked many times over (a
    /// template may nest sections), but a template whose nested sections multiply the output without bound is
    /// stopped and reported rather than left to fill the memory.
    public func render(_ view: Any, with name: String) throws(RenderError) -> String {
        guard names.contains(name) else {
            throw RenderError(message: MissingTemplate(name: name, searched: searched).message)
        }
        let budget = RenderBudget()
        let tree = Self.tree(view, budget: budget)
        budget.remaining = 64 * budget.items + 100_000
        guard let text = library.render(tree, withTemplate: name) else {
            throw RenderError(message: MissingTemplate(name: name, searched: searched).message)
        }
        guard !budget.exhausted else {
            let location = deepestSection[name] ?? SourceLocation(file: "\(name)\(Self.fileExtension)", line: 1, column: 1)
            let diagnostic = Diagnostic(
                .error, .templateTooLarge,
                "rendering '\(name)' went on past \(budget.limit) list items: sections nested in one another repeat their content for every item of every list; nest fewer",
                at: location)
            throw RenderError(message: diagnostic.formatted, diagnostic: diagnostic)
        }
        return text
    }

    /// Where the first of the most deeply nested sections of `text` opens.
    static func deepestSection(in text: String, file: String) -> SourceLocation {
        var depth = 0
        var deepest = 0
        var location = SourceLocation(file: file, line: 1, column: 1)
        forEachTag(in: text) { tag, line, column in
            if tag.hasPrefix("{{#") || tag.hasPrefix("{{^") {
                depth += 1
                if depth > deepest {
                    deepest = depth
                    location = SourceLocation(file: file, line: line, column: column)
                }
            } else if tag.hasPrefix("{{/") {
                depth = max(0, depth - 1)
            }
        }
        return location
    }

    /// Calls `body` with the text from each `{{` on, and its line and column.
    static func forEachTag(in text: String, _ body: (Substring, Int, Int) -> Void) {
        var line = 1
        var column = 1
        var index = text.startIndex
        while index < text.endIndex {
            if text[index...].hasPrefix("{{") { body(text[index...], line, column) }
            if text[index] == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index = text.index(after: index)
        }
    }

    public func contains(_ name: String) -> Bool { names.contains(name) }

    /// The view as objects, lists, strings and booleans, its lists drawing on `budget`. Mustache would otherwise
    /// reflect on the structs at every lookup, climbing the context stack with a new `Mirror` each time; encoding
    /// once and looking keys up in dictionaries is linear in the size of the view.
    static func tree(_ view: Any, budget: RenderBudget) -> Any {
        guard let encodable = view as? any Encodable else { return view }
        return TreeEncoder.tree(encodable, budget: budget) ?? view
    }

    /// How large a template may grow when its partials and parents are put in place, in characters: far beyond any
    /// report (the country page is about 20,000), far below what would exhaust memory.
    static let inclusionLimit = 50_000_000

    /// A template that includes itself, directly or through others, would recurse until the process crashes; a
    /// chain of partials each included many times grows exponentially. Both are located errors before rendering.
    static func checkInclusions(_ chosen: [String: File], _ diagnostics: DiagnosticCollector) {
        var references: [String: [(name: String, location: SourceLocation)]] = [:]
        var sizes: [String: Int] = [:]
        for (name, file) in chosen {
            let text = String(decoding: file.source.bytes, as: UTF8.self)
            references[name] = Self.references(in: text, file: file.source.path)
            sizes[name] = text.utf8.count
        }
        enum Mark { case visiting, done }
        var marks: [String: Mark] = [:]
        var expanded: [String: Int] = [:]
        var reported = false
        /// The size of `name` with everything it includes in place, or nil once a cycle has been reported.
        func expand(_ name: String, path: [String]) -> Int? {
            if let size = expanded[name] { return size }
            marks[name] = .visiting
            var total = sizes[name] ?? 0
            for reference in references[name] ?? [] {
                if marks[reference.name] == .visiting {
                    if !reported {
                        let chain = (path.drop { $0 != reference.name } + [name, reference.name]).joined(separator: " → ")
                        diagnostics.error(
                            .templateCycle, "the template includes itself (\(chain)), which would never finish rendering",
                            at: reference.location)
                        reported = true
                    }
                    return nil
                }
                guard let size = expand(reference.name, path: path + [name]) else { return nil }
                total = min(total + size, Int.max / 2)
            }
            marks[name] = .done
            expanded[name] = total
            if total > inclusionLimit, !reported, let first = references[name]?.first {
                diagnostics.error(
                    .templateTooLarge,
                    "with its partials in place the template would be over \(inclusionLimit / 1_000_000) million characters; include fewer partials, or each fewer times",
                    at: first.location)
                reported = true
                return nil
            }
            return total
        }
        for name in chosen.keys.sorted() where !reported { _ = expand(name, path: []) }
    }

    /// Partials (`{{> name}}`) and parents (`{{< name}}`) named in a template, with where they are named. Mustache
    /// renders an unknown partial as nothing, which would silently drop part of a report.
    static func references(in text: String, file: String) -> [(name: String, location: SourceLocation)] {
        var found: [(String, SourceLocation)] = []
        forEachTag(in: text) { tag, line, column in
            guard tag.hasPrefix("{{>") || tag.hasPrefix("{{<") else { return }
            let start = tag.index(tag.startIndex, offsetBy: 3)
            if let close = tag[start...].range(of: "}}") {
                let name = tag[start..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                if !name.isEmpty { found.append((name, SourceLocation(file: file, line: line, column: column))) }
            }
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
/// a table cell or a paragraph). Besides CommonMark's syntax this covers pandoc's (the DOCX briefs are Markdown read
/// by pandoc): `&` (entities), `~` and `^` (struck, sub- and superscript text), `$` (TeX maths) and `@` (citations).
/// Both read a backslash before any ASCII punctuation as the character itself.
struct MarkdownContentType: MustacheContentType {
    func escapeText(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "#", "&", "~", "^", "$", "@": out += "\\\(character)"
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

/// How many list items one render may still visit. A render runs on one thread, so it needs no lock.
final class RenderBudget: @unchecked Sendable {
    var items = 0
    var remaining = 0
    var limit: Int { 64 * items + 100_000 }
    var exhausted = false
}
