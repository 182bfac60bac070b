import Foundation
import LexgapCore
import Testing

/// Reports and the site, rendered by the CLI as a user runs it on the fictional fixture corpus, `--as-of` pinned.
@Suite struct ReportTests {
    static let data = ["--checklist", "analysis/checklist.yaml", "--data", "analysis/jurisdictions", "--as-of", "2026-01-01"]

    static let reports: [(name: String, arguments: [String])] = [
        ("country-XA.md", ["report", "XA", "--format", "md"]),
        ("country-XA.html", ["report", "XA", "--format", "html"]),
        ("country-XA.json", ["report", "XA", "--format", "json"]),
        ("comparison.md", ["report", "--compare", "XA", "XB", "XC", "--format", "md"]),
        ("comparison.html", ["report", "--compare", "XA", "XB", "XC", "--format", "html"]),
        ("comparison.json", ["report", "--compare", "XA", "XB", "XC", "--format", "json"]),
    ]

    @Test(arguments: reports.map(\.name))
    func reportMatchesItsGolden(_ name: String) throws {
        let report = try #require(Self.reports.first { $0.name == name })
        let result = try CLI.run(report.arguments + Self.data, in: Fixtures.directory)
        #expect(result.status == 0, "\(result.stderr)")
        let golden = try Fixtures.matchesGolden(result.stdout, "reports/golden/\(name)")
        #expect(result.stdout == golden.expected)
    }

    @Test func reportIsWrittenToAFileWithOutput() throws {
        let folder = try Scratch.folder()
        let path = folder.appendingPathComponent("XA.html").path
        let result = try CLI.run(["report", "XA", "--format", "html", "-o", path] + Self.data, in: Fixtures.directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "")
        let written = try String(contentsOfFile: path, encoding: .utf8)
        let printed = try CLI.run(["report", "XA", "--format", "html"] + Self.data, in: Fixtures.directory)
        #expect(written == printed.stdout)
        // Only the report is left in the folder: the temporary file was renamed into place.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["XA.html"])
    }

    /// Markdown goes through a real CommonMark renderer (cmark-gfm, with tables): no template tag survives, no value
    /// was HTML-escaped in the Markdown, and the tables and headings render as such.
    @Test(arguments: ["country-XA.md", "comparison.md"])
    func markdownRendersAsCommonMark(_ name: String) throws {
        let report = try #require(Self.reports.first { $0.name == name })
        let markdown = try CLI.run(report.arguments + Self.data, in: Fixtures.directory).stdout
        for leftover in ["{{", "}}", "&lt;", "&gt;", "&amp;", "&quot;", "&#39;"] {
            #expect(!markdown.contains(leftover), "the Markdown holds '\(leftover)'")
        }
        let html = try Tool.run("cmark-gfm", ["--extension", "table"], input: markdown)
        #expect(html.contains("<table>"))
        #expect(html.contains("<h2>"))
        #expect(!html.contains("{{"))
        #expect(!html.contains("&amp;amp;"))
        #expect(!html.contains("&amp;lt;"))
    }

    @Test func siteHasEveryPageAndItsLinksResolve() throws {
        let folder = try Scratch.folder()
        let result = try CLI.run(["site", "-o", folder.path] + Self.data, in: Fixtures.directory)
        #expect(result.status == 0, "\(result.stderr)")
        let files = Scratch.files(in: folder)
        let expected =
            ["index.html", "checklist.html", "method.html", "data.html", "data/scores.csv", "data/scores.json", "data/assessments.csv"]
            + ["XA", "XB", "XC"].map { "jurisdictions/\($0).html" } + ["regions/elsewhere.html", "regions/nowhere.html"]
        for path in expected { #expect(files.contains(path), "missing \(path)") }
        #expect(files.filter { $0.hasPrefix("criteria/") }.count == 3)

        var checked = 0
        for page in files where page.hasSuffix(".html") {
            let text = try String(contentsOf: folder.appendingPathComponent(page), encoding: .utf8)
            #expect(!text.contains("<script"), "\(page) has a script")
            #expect(!text.contains("src=\"http"), "\(page) loads something from the network")
            for link in Scratch.links(in: text) where !link.hasPrefix("http://") && !link.hasPrefix("https://") {
                #expect(!link.hasPrefix("/"), "\(page) links to an absolute path: \(link)")
                let target = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
                if target.isEmpty { continue }
                let resolved = folder.appendingPathComponent(page).deletingLastPathComponent().appendingPathComponent(String(target))
                    .standardizedFileURL
                #expect(FileManager.default.fileExists(atPath: resolved.path), "\(page) links to \(link), which does not exist")
                checked += 1
            }
        }
        #expect(checked > 50)
    }

    /// The index groups by region: a table of regions, a page for each ranking its jurisdictions among themselves
    /// (with their overall rank), and the heatmap's columns under their region.
    @Test func siteReadsByRegion() throws {
        let folder = try Scratch.folder()
        let result = try CLI.run(["site", "-o", folder.path] + Self.data, in: Fixtures.directory)
        #expect(result.status == 0, "\(result.stderr)")
        let index = try String(contentsOf: folder.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains(#"<tr><td><a href="regions/elsewhere.html">Elsewhere</a></td><td>1 jurisdiction</td>"#))
        #expect(index.contains(#"<tr><td><a href="regions/nowhere.html">Nowhere</a></td><td>2 jurisdictions</td>"#))
        #expect(
            index.contains(
                #"<th colspan="1" scope="colgroup"><a href="regions/elsewhere.html">Elsewhere</a></th><th colspan="2" scope="colgroup">"#))
        // The fixtures' user-assigned codes have no place on the world grid: their tiles go in a row below it.
        #expect(index.contains("Not placed on the world grid:"))
        for code in ["XA", "XB", "XC"] { #expect(index.contains(">\(code)</text><text class=\"score\""), "no tile for \(code)") }

        let nowhere = try String(contentsOf: folder.appendingPathComponent("regions/nowhere.html"), encoding: .utf8)
        #expect(nowhere.contains("<h1>Nowhere</h1>"))
        let rows = nowhere.components(separatedBy: "\n").filter { $0.hasPrefix("<tr><td>") && $0.contains("jurisdictions/X") }
        #expect(rows.count == 2)
        #expect(!nowhere.contains("jurisdictions/XC.html\">"), "a region's page lists only its own jurisdictions")
    }

    /// A jurisdiction the World Tile Grid places gets its square there, among its neighbours drawn faint.
    @Test func mapPlacesACountryAmongItsNeighbours() throws {
        let folder = try Scratch.folder()
        let data = folder.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        let source = try String(contentsOf: Fixtures.directory.appendingPathComponent("analysis/jurisdictions/XA.yaml"), encoding: .utf8)
        try Data(source.replacingOccurrences(of: "code: XA", with: "code: PH").utf8).write(to: data.appendingPathComponent("PH.yaml"))
        let site = folder.appendingPathComponent("site")
        let result = try CLI.run(
            ["site", "-o", site.path, "--checklist", "analysis/checklist.yaml", "--data", data.path, "--as-of", "2026-01-01"],
            in: Fixtures.directory)
        #expect(result.status == 0, "\(result.stderr)")
        let index = try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains(#"<a href="jurisdictions/PH.html"><g class="tile"><title>Testland (PH): "#))
        // Its neighbours on the grid, faint and unlinked; far-away countries are not drawn.
        for neighbour in ["KH", "BN"] {
            #expect(
                index.range(of: #"<text class="other" x="[0-9.]+" y="[0-9.]+">"# + neighbour + "</text>", options: .regularExpression)
                    != nil)
        }
        #expect(!index.contains(">GB</text>"))
        #expect(!index.contains("Not placed on the world grid:"))
    }

    @Test func comparisonOfARegion() throws {
        let result = try CLI.run(["report", "--compare", "--region", "nowhere", "--format", "md"] + Self.data, in: Fixtures.directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("# Comparison: Testland and Otherland\n"))
        let unknown = try CLI.run(["report", "--compare", "--region", "Atlantis"] + Self.data, in: Fixtures.directory)
        #expect(unknown.status == 2)
        #expect(unknown.stderr == "error: no published jurisdiction is in the region 'Atlantis'; the regions are 'Elsewhere', 'Nowhere'\n")
        let alone = try CLI.run(["report", "--compare", "--region", "Elsewhere"] + Self.data, in: Fixtures.directory)
        #expect(alone.status == 2)
        #expect(alone.stderr == "error: a comparison needs two or more jurisdictions; name more codes\n")
    }

    /// A country page whose file cannot be read again as it was stops the site with the reason, and no page after
    /// it is written; the other pages need no second reading.
    @Test func aFileChangedWhileTheSiteIsWrittenStopsIt() throws {
        let corpus = Corpus.load(
            checklist: try Fixtures.file("analysis/checklist.yaml"),
            jurisdictions: try ["XA", "XB"].map { try Fixtures.file("analysis/jurisdictions/\($0).yaml") })
        let checklist = try #require(corpus.checklist)
        let date = try #require(LegalDate(year: 2026, month: 1, day: 1))
        let cards = corpus.jurisdictions.map { ScoreCard($0, checklist: checklist, asOf: date).slimmed() }
        let site = Site(
            checklist: checklist, cards: cards, weights: .checklist, asOf: date,
            reload: { (card: ScoreCard) throws(Site.ReloadError) -> ScoreCard in
                throw Site.ReloadError("\(card.jurisdiction.code) changed")
            })
        let templates = try TemplateSet(
            files: Set(site.pages.map(\.template)).sorted().map {
                TemplateSet.File(name: $0, source: SourceFile(path: $0, bytes: Array("{{% CONTENT_TYPE: TEXT}}x".utf8)))
            }, searched: ["test"])
        var written: [String] = []
        do throws(SiteRenderError<Never>) {
            try site.render(with: templates, threads: 1) { written.append($0.path) }
            Issue.record("the site was written")
        } catch {
            guard case .reading(let problem) = error else {
                Issue.record("expected a reading error, got \(error)")
                return
            }
            #expect(problem.message == "XA changed")
        }
        #expect(!written.contains { $0.hasPrefix("jurisdictions/") })
    }

    @Test func siteIsByteIdenticalAcrossRuns() throws {
        let first = try Scratch.folder()
        let second = try Scratch.folder()
        _ = try CLI.run(["site", "-o", first.path] + Self.data, in: Fixtures.directory)
        _ = try CLI.run(["site", "-o", second.path] + Self.data, in: Fixtures.directory)
        let files = Scratch.files(in: first)
        #expect(files == Scratch.files(in: second))
        for file in files {
            let a = try Data(contentsOf: first.appendingPathComponent(file))
            let b = try Data(contentsOf: second.appendingPathComponent(file))
            #expect(a == b, "\(file) differs between runs")
        }
    }

    /// The HTML report and the site's index opened in a real browser (headless Chromium): the rendered DOM holds the
    /// chart, the heatmap and every jurisdiction.
    @Test func htmlRendersInABrowser() throws {
        let folder = try Scratch.folder()
        _ = try CLI.run(["site", "-o", folder.path] + Self.data, in: Fixtures.directory)
        let report = folder.appendingPathComponent("XA-report.html")
        _ = try CLI.run(["report", "XA", "--format", "html", "-o", report.path] + Self.data, in: Fixtures.directory)

        let index = try Tool.chromiumDOM(folder.appendingPathComponent("index.html"))
        #expect(index.contains("<table class=\"heatmap\">"))
        #expect(index.contains("<svg"))
        for name in ["Testland", "Otherland", "Thirdland"] { #expect(index.contains(name), "the index lacks \(name)") }
        #expect(index.contains("<figure class=\"tilemap\">"))
        let region = try Tool.chromiumDOM(folder.appendingPathComponent("regions/nowhere.html"))
        #expect(region.contains("<h1>Nowhere</h1>"))
        #expect(region.contains("Testland (XA): 50.0, band 50 to 74.9"))

        let dom = try Tool.chromiumDOM(report)
        #expect(dom.contains("<svg"))
        #expect(dom.contains("Category scores, Testland"))
        #expect(dom.contains("Gaps, most severe first"))
    }

    @Test func pdfIsPrintedThroughChromium() throws {
        _ = try Tool.chromium()
        let folder = try Scratch.folder()
        let path = folder.appendingPathComponent("XA.pdf").path
        let result = try CLI.run(["report", "XA", "--format", "pdf", "-o", path] + Self.data, in: Fixtures.directory)
        #expect(result.status == 0, "\(result.stderr)")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(bytes.starts(with: Data("%PDF".utf8)))
    }

    @Test func pdfWithoutChromiumSaysWhatToInstall() throws {
        let folder = try Scratch.folder()
        let path = folder.appendingPathComponent("XA.pdf").path
        let result = try CLI.run(
            ["report", "XA", "--format", "pdf", "-o", path] + Self.data, in: Fixtures.directory, environment: ["PATH": folder.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("PDF output needs headless Chromium"))
        #expect(result.stderr.contains("apt-get install chromium"))
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func pdfWithoutOutputIsAUsageError() throws {
        let result = try CLI.run(["report", "XA", "--format", "pdf"] + Self.data, in: Fixtures.directory)
        #expect(result.status == 2)
        #expect(result.stderr.contains("--format pdf needs -o FILE"))
    }

    /// Each folder under Fixtures/broken-templates holds templates that override the built-in ones and
    /// `expected.txt`, the exact standard error of `lexgap report XA --templates FOLDER`.
    @Test(arguments: Fixtures.subdirectories("broken-templates"))
    func brokenTemplateGivesItsLocation(_ name: String) throws {
        let result = try CLI.run(
            ["report", "XA", "--format", "html", "--templates", "broken-templates/\(name)"] + Self.data, in: Fixtures.directory)
        #expect(result.status != 0)
        #expect(result.stdout == "")
        let golden = try Fixtures.matchesGolden(result.stderr, "broken-templates/\(name)/expected.txt")
        #expect(result.stderr == golden.expected)
    }

    @Test func customTemplateReplacesTheBuiltInOne() throws {
        let folder = try Scratch.folder()
        let template = folder.appendingPathComponent("mine.mustache")
        try Data(
            "{{% CONTENT_TYPE: TEXT}}\n{{jurisdiction.name}} scores {{headline.score}}; gap 1: {{#gaps}}{{position}}={{id}} {{/gaps}}\n"
                .utf8
        ).write(to: template)
        let result = try CLI.run(["report", "XA", "--template", template.path] + Self.data, in: Fixtures.directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Testland scores "))
        #expect(result.stdout.contains("; gap 1: 1=JUR-TREATIES "))
    }

    @Test func missingTemplateNamesWhatWasLookedFor() throws {
        let result = try CLI.run(
            ["report", "XA", "--template", "no/such/template.mustache"] + Self.data, in: Fixtures.directory)
        #expect(result.status == 2)
        #expect(result.stderr == "error: cannot read 'no/such/template.mustache': No such file or directory\n")
    }
}

/// Temporary folders for tests that write files.
enum Scratch {
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lexgap-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Every file under `folder`, as sorted relative paths.
    static func files(in folder: URL) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        var files: [String] = []
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isDirectory),
                !isDirectory.boolValue
            {
                files.append(path)
            }
        }
        return files.sorted()
    }

    /// The targets of `href` and `src` attributes.
    static func links(in html: String) -> [String] {
        var links: [String] = []
        for attribute in ["href=\"", "src=\""] {
            var rest = html[...]
            while let start = rest.range(of: attribute) {
                rest = rest[start.upperBound...]
                guard let end = rest.firstIndex(of: "\"") else { break }
                links.append(String(rest[..<end]).replacingOccurrences(of: "&amp;", with: "&"))
                rest = rest[end...]
            }
        }
        return links
    }
}

/// External programs the tests rely on; `.ci/setup` installs them.
enum Tool {
    struct Missing: Error, CustomStringConvertible {
        var name: String
        var description: String { "\(name) is not installed; run 'bash .ci/setup' (Debian: apt-get install \(name))" }
    }

    static func find(_ name: String) throws -> String {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
            return "\(folder)/\(name)"
        }
        throw Missing(name: name)
    }

    struct TimedOut: Error, CustomStringConvertible {
        var name: String
        var description: String { "\(name) did not finish in time (a page that runs a script, such as alert(), blocks headless Chromium)" }
    }

    /// Runs a program and returns its standard output; stops it after `timeout` seconds.
    static func run(_ name: String, _ arguments: [String], input: String? = nil, timeout: Double = 60) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try find(name))
        process.arguments = arguments
        let stdout = Pipe()
        let stdin = Pipe()
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        process.standardInput = stdin
        try process.run()
        if let input {
            stdin.fileHandleForWriting.write(Data(input.utf8))
        }
        try stdin.fileHandleForWriting.close()
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        watchdog.cancel()
        if process.terminationReason == .uncaughtSignal { throw TimedOut(name: name) }
        return String(decoding: out, as: UTF8.self)
    }

    static func chromium() throws -> String { try find("chromium") }

    /// The DOM after Chromium has loaded and laid out the page.
    static func chromiumDOM(_ page: URL) throws -> String {
        let profile = try Scratch.folder()
        defer { try? FileManager.default.removeItem(at: profile) }
        return try run(
            "chromium",
            ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(profile.path)", "--dump-dom", page.absoluteString])
    }
}

/// docs/reports.md documents every field a template can use: each key of every view (country report, comparison,
/// briefs and each site page) must appear, in backticks, in its "The view model" section.
@Suite struct ViewModelDocumentationTests {
    static func keys(of json: Any, into keys: inout Set<String>) {
        if let object = json as? [String: Any] {
            for (key, value) in object {
                keys.insert(key)
                Self.keys(of: value, into: &keys)
            }
        } else if let array = json as? [Any] {
            for value in array { Self.keys(of: value, into: &keys) }
        }
    }

    @Test func everyViewFieldIsDocumented() throws {
        let corpus = Corpus.load(
            checklist: try Fixtures.file("analysis/checklist.yaml"),
            jurisdictions: try ["XA", "XB", "XC"].map { try Fixtures.file("analysis/jurisdictions/\($0).yaml") })
        let checklist = try #require(corpus.checklist)
        let date = try #require(LegalDate(year: 2026, month: 1, day: 1))
        let cards = corpus.jurisdictions.map { ScoreCard($0, checklist: checklist, asOf: date) }
        var views: [any Encodable] = try Site(checklist: checklist, jurisdictions: corpus.jurisdictions, weights: .checklist, asOf: date)
            .pages.map { try $0.view() }
        views.append(ComparativeReport(cards: cards, checklist: checklist, weights: .checklist, asOf: date))
        var settings = BriefSettings()
        settings.cap = 10
        for kind in BriefKind.allCases {
            views.append(Brief(kind: kind, card: cards[0], checklist: checklist, weights: .checklist, settings: settings))
        }
        var keys = Set<String>()
        for view in views {
            Self.keys(of: try JSONSerialization.jsonObject(with: Data(JSONText.encode(view).utf8)), into: &keys)
        }
        let page = try String(contentsOf: Fixtures.repository.appendingPathComponent("docs/reports.md"), encoding: .utf8)
        let section = try #require(
            page.components(separatedBy: "## The view model").dropFirst().first?.components(separatedBy: "\n## ").first)
        let missing = keys.sorted().filter { !section.contains("`\($0)`") }
        #expect(missing.isEmpty, "the view model section of docs/reports.md does not document: \(missing)")
        #expect(keys.count > 100)
    }
}
