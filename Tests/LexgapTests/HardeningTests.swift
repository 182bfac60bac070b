import Foundation
import LexgapCore
import Testing

/// Hostile data never becomes markup; output never escapes its folder; a failed run never loses the previous output;
/// output does not depend on the environment.
@Suite struct HardeningTests {
    static let xss = ["--checklist", "analysis/checklist.yaml", "--data", "xss", "--as-of", "2026-01-01"]
    static let data = ["--checklist", "analysis/checklist.yaml", "--data", "analysis/jurisdictions", "--as-of", "2026-01-01"]

    /// Strings of Fixtures/xss/XA.yaml that would be live markup if they reached the HTML unescaped.
    static let payloads = [
        "<script>alert(\"name\")</script>", "<svg onload=alert('region')>", "<img src=x onerror=alert('summary')>",
        "<a href=\"javascript:alert('source')\">", "<iframe src=//evil.example>", "<style>body{display:none}</style>",
        "' onmouseover='alert(", "<svg><script>", "<object data=", "<b onclick=", "<details open ontoggle=",
        "<math><mi xlink:href=", "<base href=", "<meta http-equiv=",
    ]

    /// Elements that must not exist in a rendered page, whatever the data.
    static let forbiddenElements: Set<String> = ["script", "iframe", "object", "embed", "base", "img", "details", "math", "textarea", "b"]

    /// The tags of serialized HTML (text is serialized with `<` escaped, so every raw `<` opens a tag).
    static func tags(in html: String) -> [Substring] {
        var tags: [Substring] = []
        var rest = html[...]
        while let open = rest.firstIndex(of: "<"), let close = rest[open...].firstIndex(of: ">") {
            tags.append(rest[rest.index(after: open)..<close])
            rest = rest[rest.index(after: close)...]
        }
        return tags
    }

    /// No element of the forbidden kinds, no event-handler attribute, no `javascript:` anywhere in a tag, and
    /// `<style>` and `<meta>` only as the templates write them.
    static func assertNoLiveMarkup(_ html: String, _ what: String) {
        for tag in tags(in: html) {
            let name = tag.prefix { $0.isLetter || $0.isNumber }.lowercased()
            #expect(!forbiddenElements.contains(name), "\(what) has a <\(name)> element")
            // Quoted attribute values are data, already escaped; what matters is what stands outside them.
            let lower = tag.lowercased().replacingOccurrences(of: #""[^"]*""#, with: "\"\"", options: .regularExpression)
            #expect(lower.range(of: #"\son[a-z]+\s*="#, options: .regularExpression) == nil, "\(what) has an event handler: <\(tag)>")
            #expect(!tag.lowercased().contains("\"javascript:"), "\(what) has a javascript: URL: <\(tag)>")
            #expect(!lower.contains("http-equiv"), "\(what) has <\(tag)>")
        }
    }

    static func assertInert(_ html: String, _ what: String) {
        for payload in payloads { #expect(!html.contains(payload), "\(what) holds the live markup \(payload)") }
        assertNoLiveMarkup(html, what)
        for link in Scratch.links(in: html) {
            let lower = link.lowercased()
            #expect(!lower.hasPrefix("javascript:") && !lower.hasPrefix("data:") && !lower.hasPrefix("//"), "\(what) links to \(link)")
        }
        // Data is never read as a template.
        #expect(!html.contains("lexgap \(Release.version) }}"))
    }

    @Test func hostileDataStaysTextInTheHTMLReport() throws {
        let result = try CLI.run(["report", "XA", "--format", "html"] + Self.xss, in: Fixtures.directory)
        #expect(result.status == 0, "\(result.stderr)")
        Self.assertInert(result.stdout, "the report")
        #expect(result.stdout.contains("&lt;script&gt;alert(&quot;name&quot;)&lt;/script&gt;"))
        #expect(result.stdout.contains("{{colophon.tool}}"), "data must be printed, not evaluated as a template")
        // Only the http(s) URLs of the data became links, with their quotes escaped.
        #expect(result.stdout.contains("href=\"https://example.org/a&#39;onmouseover=&#39;alert(1)\""))

        let page = try Scratch.folder().appendingPathComponent("xss.html")
        try Data(result.stdout.utf8).write(to: page)
        Self.assertNoLiveMarkup(try Tool.chromiumDOM(page), "the report as the browser built it")
    }

    @Test func hostileDataStaysTextInEveryPageOfTheSite() throws {
        let folder = try Scratch.folder().appendingPathComponent("site")
        let result = try CLI.run(["site", "-o", folder.path] + Self.xss, in: Fixtures.directory)
        #expect(result.status == 0, "\(result.stderr)")
        let pages = Scratch.files(in: folder).filter { $0.hasSuffix(".html") }
        #expect(pages.count > 5)
        for page in pages {
            Self.assertInert(try String(contentsOf: folder.appendingPathComponent(page), encoding: .utf8), page)
        }
        Self.assertNoLiveMarkup(try Tool.chromiumDOM(folder.appendingPathComponent("index.html")), "the index as the browser built it")
    }

    /// Markdown escapes what would be raw HTML or break a table; checked with a renderer that lets raw HTML through.
    @Test func hostileDataStaysTextInMarkdown() throws {
        let markdown = try CLI.run(["report", "XA", "--format", "md"] + Self.xss, in: Fixtures.directory).stdout
        let html = try Tool.run("cmark-gfm", ["--unsafe", "--extension", "table"], input: markdown)
        Self.assertNoLiveMarkup(html, "the Markdown rendered by cmark-gfm")
        // The note's '|' did not split its table row: every row of the criterion table has four cells.
        #expect(html.contains("| table | breaker"))
    }

    @Test(arguments: ["javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "//evil.example/x", "file:///etc/passwd"])
    func nonHTTPURLsAreRejected(_ url: String) throws {
        let folder = try Scratch.folder()
        var text = try String(contentsOf: Fixtures.directory.appendingPathComponent("valid/XA.yaml"), encoding: .utf8)
        text = text.replacingOccurrences(of: "url: https://example.org/gazette", with: "url: \"\(url)\"")
        try Data(text.utf8).write(to: folder.appendingPathComponent("XA.yaml"))
        let result = try CLI.run(["report", "XA", "--checklist", "checklist.yaml", "--data", folder.path], in: Fixtures.directory)
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr.contains("[invalid-url]"))
    }

    @Test func siteRefusesAFolderItDidNotMake() throws {
        let folder = try Scratch.folder()
        try Data("my notes".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        let refused = try CLI.run(["site", "-o", folder.path] + Self.data, in: Fixtures.directory)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("is not empty and was not made by lexgap (pass --force to replace it)"))
        #expect(Scratch.files(in: folder) == ["notes.txt"])

        let forced = try CLI.run(["site", "-o", folder.path, "--force"] + Self.data, in: Fixtures.directory)
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(Scratch.files(in: folder).contains("index.html"))
        // Its own folder it replaces without --force.
        let again = try CLI.run(["site", "-o", folder.path] + Self.data, in: Fixtures.directory)
        #expect(again.status == 0, "\(again.stderr)")
    }

    /// A link planted inside a previous site is never written through: the site is built in a new folder that takes
    /// the old one's place.
    @Test func siteNeverWritesThroughALink() throws {
        let site = try Scratch.folder().appendingPathComponent("site")
        let outside = try Scratch.folder()
        #expect(try CLI.run(["site", "-o", site.path] + Self.data, in: Fixtures.directory).status == 0)
        let jurisdictions = site.appendingPathComponent("jurisdictions")
        try FileManager.default.removeItem(at: jurisdictions)
        try FileManager.default.createSymbolicLink(at: jurisdictions, withDestinationURL: outside)
        let result = try CLI.run(["site", "-o", site.path] + Self.data, in: Fixtures.directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Scratch.files(in: outside).isEmpty, "lexgap wrote outside the output folder")
        #expect(FileManager.default.fileExists(atPath: jurisdictions.appendingPathComponent("XA.html").path))
    }

    @Test func jurisdictionCodesCannotNameAPath() throws {
        for code in ["../XA", "/etc/XA", "XA/..", "X\u{0}A"] {
            #expect(!JurisdictionCode.isWellFormed(code), "\(code)")
        }
    }

    /// A template that fails leaves the previous site exactly as it was.
    @Test func failedRunLeavesThePreviousSiteUntouched() throws {
        let site = try Scratch.folder().appendingPathComponent("site")
        #expect(try CLI.run(["site", "-o", site.path] + Self.data, in: Fixtures.directory).status == 0)
        let before = try Self.snapshot(site)
        let result = try CLI.run(
            ["site", "-o", site.path, "--templates", "broken-templates/unclosed-section"] + Self.data, in: Fixtures.directory)
        #expect(result.status == 1)
        #expect(try Self.snapshot(site) == before)
        // And no staging folder is left beside it.
        let siblings = try FileManager.default.contentsOfDirectory(atPath: site.deletingLastPathComponent().path)
        #expect(siblings == ["site"])
    }

    /// A write that fails after the report was rendered and written to its temporary file (here the rename fails,
    /// because a folder stands at the output path) reports the error, leaves what was there untouched and leaves
    /// no temporary file. (A read-only folder would be the natural test, but CI runs as root, which ignores it.)
    @Test func failedWriteLeavesThePreviousOutputUntouched() throws {
        let folder = try Scratch.folder()
        let target = folder.appendingPathComponent("XA.md")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: false)
        try Data("keep\n".utf8).write(to: target.appendingPathComponent("keep.txt"))
        let result = try CLI.run(["report", "XA", "-o", target.path] + Self.data, in: Fixtures.directory)
        #expect(result.status == 2)
        #expect(result.stderr.contains("cannot write '\(target.path)'"))
        #expect(try String(contentsOf: target.appendingPathComponent("keep.txt"), encoding: .utf8) == "keep\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["XA.md"])

        let missing = folder.appendingPathComponent("no-such-folder/XA.md")
        let second = try CLI.run(["report", "XA", "-o", missing.path] + Self.data, in: Fixtures.directory)
        #expect(second.status == 2)
        #expect(second.stderr.contains("cannot write '\(missing.path)'"))
    }

    /// The same input gives byte-identical output whatever the locale, the time zone or the order files are listed in.
    @Test func outputDoesNotDependOnTheEnvironment() throws {
        let arguments = ["report", "--compare", "XC", "XA", "XB", "--format", "html"] + Self.data
        let base = try CLI.run(arguments, in: Fixtures.directory)
        for environment in [
            ["LANG": "tr_TR.UTF-8", "LC_ALL": "tr_TR.UTF-8", "TZ": "Pacific/Kiritimati"], ["LANG": "C", "TZ": "America/Adak"],
        ] {
            var merged = ProcessInfo.processInfo.environment
            merged.merge(environment) { $1 }
            let other = try CLI.run(arguments, in: Fixtures.directory, environment: merged)
            #expect(other.stdout == base.stdout, "output changed under \(environment)")
        }
        // Files listed in another order (a copy of the data folder made in reverse) give the same site.
        let reversed = try Scratch.folder()
        for name in ["XC.yaml", "XB.yaml", "XA.yaml"] {
            try FileManager.default.copyItem(
                at: Fixtures.directory.appendingPathComponent("analysis/jurisdictions/\(name)"), to: reversed.appendingPathComponent(name))
        }
        let first = try Scratch.folder().appendingPathComponent("a")
        let second = try Scratch.folder().appendingPathComponent("b")
        _ = try CLI.run(["site", "-o", first.path] + Self.data, in: Fixtures.directory)
        _ = try CLI.run(
            ["site", "-o", second.path, "--checklist", "analysis/checklist.yaml", "--data", reversed.path, "--as-of", "2026-01-01"],
            in: Fixtures.directory)
        #expect(try Self.snapshot(first) == Self.snapshot(second))
    }

    /// Files are loaded and pages rendered on all cores; one thread gives the same bytes.
    @Test func outputIsTheSameWithOneThreadAndWithMany() throws {
        var single = ProcessInfo.processInfo.environment
        single["LEXGAP_THREADS"] = "1"
        var many = single
        many["LEXGAP_THREADS"] = "8"
        let score = ["score", "--format", "json"] + Self.data
        #expect(
            try CLI.run(score, in: Fixtures.directory, environment: single).stdout
                == CLI.run(score, in: Fixtures.directory, environment: many).stdout)
        let first = try Scratch.folder().appendingPathComponent("one")
        let second = try Scratch.folder().appendingPathComponent("many")
        _ = try CLI.run(["site", "-o", first.path] + Self.data, in: Fixtures.directory, environment: single)
        _ = try CLI.run(["site", "-o", second.path] + Self.data, in: Fixtures.directory, environment: many)
        #expect(try Self.snapshot(first) == Self.snapshot(second))
        #expect(try Self.snapshot(first).count > 10)
    }

    static func snapshot(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for path in Scratch.files(in: folder) { files[path] = try Data(contentsOf: folder.appendingPathComponent(path)) }
        return files
    }
}
