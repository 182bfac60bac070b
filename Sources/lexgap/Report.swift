import ArgumentParser
import Foundation
import LexgapCore
import LexgapResources
import SafeOutput

/// Where report templates come from: the repository's or the bundled set, overlaid by the user's.
struct TemplateOptions: ParsableArguments {
    @Option(help: ArgumentHelp("A folder of Mustache templates overriding the built-in ones of the same name.", valueName: "dir"))
    var templates: String?

    /// The built-in templates, with how messages name them: ./templates in a lexgap repository, else the ones
    /// bundled with the binary.
    static func builtInFolder() throws -> (path: String, label: String) {
        if FileManager.default.fileExists(atPath: "templates/country.html.mustache") { return ("templates", "templates") }
        guard let bundled = BundledResources.templates else {
            throw CommandFailure(message: "the bundled templates are missing next to the lexgap binary; pass --templates DIR")
        }
        return (bundled.path, "the bundled templates")
    }

    /// A file that goes with the templates (the Word reference document): from `--templates` if it has one, else
    /// the built-in one; nil when neither has it.
    func file(_ name: String) throws -> String? {
        for folder in [templates, try Self.builtInFolder().path].compactMap({ $0 }) {
            let path = "\(folder)/\(name)"
            if FileManager.default.fileExists(atPath: path) { return path }
        }
        return nil
    }

    /// The template set, with `extra` (a `--template FILE`) standing in for the template named `role`.
    func load(replacing role: String? = nil, with extra: String? = nil) throws -> TemplateSet {
        let builtIn = try Self.builtInFolder()
        var folders = [builtIn.path]
        var searched = [builtIn.label]
        if let templates {
            guard FileInput.isDirectory(templates) else { throw CommandFailure(message: "'\(templates)' is not a folder") }
            folders.append(templates)
            searched.append(templates)
        }
        var files: [TemplateSet.File] = []
        for folder in folders {
            Inputs.record(folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            for fileName in names.sorted() {
                guard let name = TemplateSet.name(ofFile: fileName) else { continue }
                files.append(TemplateSet.File(name: name, source: try FileInput.read("\(folder)/\(fileName)")))
            }
        }
        if let role, let extra {
            files.append(TemplateSet.File(name: role, source: try FileInput.read(extra)))
            searched.append(extra)
        }
        do {
            return try TemplateSet(files: files, searched: searched)
        } catch {
            for diagnostic in error.diagnostics { writeStandardError(diagnostic.formatted + "\n") }
            writeStandardError("error: the templates have errors\n")
            throw ExitCode(1)
        }
    }
}

/// A template that grew past its budget is a located error in the templates (exit 1); a missing one, a usage error.
func renderFailure(_ error: TemplateSet.RenderError) -> Error {
    guard let diagnostic = error.diagnostic else { return CommandFailure(message: error.message) }
    writeStandardError(diagnostic.formatted + "\n")
    writeStandardError("error: the templates have errors\n")
    return ExitCode(1)
}

enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case md, html, pdf, json
}

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "A country report, or with --compare a comparison report, as Markdown, HTML or PDF.",
        discussion: """
            --format json prints the view model that templates receive (see docs/reports.md), to help write your own \
            templates. PDF is printed from the HTML by headless Chromium (Debian: apt-get install chromium).
            """)

    @OptionGroup var reading: ReadingOptions
    @OptionGroup var templateOptions: TemplateOptions

    @Option(help: "Output format: md, html, pdf or json (default: the -o file's extension, else md).")
    var format: ReportFormat?

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file (default: standard output; required for pdf).", valueName: "file"))
    var output: String?

    @Option(help: ArgumentHelp("Render with this Mustache template instead of the built-in one.", valueName: "file"))
    var template: String?

    @Flag(help: "Compare the jurisdictions named (two or more).")
    var compare = false

    @Option(
        help: ArgumentHelp(
            "With --compare: compare every published jurisdiction of this region (as the files name it), and those named.",
            valueName: "region"))
    var region: String?

    @Argument(help: ArgumentHelp("Jurisdiction code (with --compare, two or more).", valueName: "code"))
    var codes: [String] = []

    func validate() throws {
        if region != nil, !compare { throw ValidationError("--region goes with --compare") }
        if compare, region == nil, codes.count < 2 { throw ValidationError("--compare needs two or more jurisdiction codes, or --region") }
        if !compare, codes.count != 1 { throw ValidationError("name one jurisdiction (or use --compare with two or more)") }
        if try chosenFormat() == .pdf, output == nil { throw ValidationError("--format pdf needs -o FILE") }
    }

    func chosenFormat() throws -> ReportFormat { try outputFormat(format, output: output, default: .md) }

    func run() throws {
        let date = reading.date
        let format = try chosenFormat()
        let (checklist, jurisdictions, weightTable) = try reading.load()
        let view: any Encodable & Sendable
        if compare {
            var chosen = try reading.selectPublished(codes, from: jurisdictions)
            if let region {
                chosen += try inRegion(region, of: reading.published(jurisdictions)).filter { member in
                    !chosen.contains { $0.code == member.code }
                }
            }
            if chosen.count < 2 { throw CommandFailure(message: "a comparison needs two or more jurisdictions; name more codes") }
            let cards = reading.cards(chosen, checklist, weightTable)
            view = ComparativeReport(cards: cards, checklist: checklist, weights: weightTable, asOf: date)
        } else {
            // A draft gets its own report, which says it is a draft; it is ranked among the others only with --include-drafts.
            let target = try select(codes, from: jurisdictions)[0]
            let published = reading.published(jurisdictions)
            let cards = reading.cards(
                published.contains { $0.code == target.code } ? published : published + [target], checklist, weightTable)
            let ranked = cards.filter { !$0.jurisdiction.draft || reading.includeDrafts }
            guard let card = cards.first(where: { $0.jurisdiction.code == target.code }) else { throw ExitCode(2) }
            view = CountryReport(card: card, ranking: Ranking(ranked), checklist: checklist, weights: weightTable)
        }
        if format == .json {
            return try emit(JSONText.encode(view))
        }
        let role = (compare ? "comparison" : "country") + (format == .md ? ".md" : ".html")
        let templates = try templateOptions.load(replacing: role, with: template)
        let text: String
        do {
            text = try templates.render(view, with: role)
        } catch {
            throw renderFailure(error)
        }
        if format == .pdf, let output {
            try PDFPrinter.print(html: text, to: output)
        } else {
            try emit(text)
        }
    }

    func emit(_ text: String) throws {
        try Output.emit(text, to: output)
    }
}

struct SiteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "site",
        abstract: "A static website over the whole data set: ranking, heatmap, a page per jurisdiction and per criterion, data downloads.",
        discussion: "Links are relative, so the site works opened from disk or served from any host.")

    @OptionGroup var reading: ReadingOptions
    @OptionGroup var templateOptions: TemplateOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("The folder to write the site into; it is replaced as a whole.", valueName: "dir"))
    var output: String

    @Flag(help: "Replace the output folder even if it is not empty and was not made by lexgap.")
    var force = false

    func run() throws {
        let templates = try templateOptions.load()
        // Only the cards' readings are kept; each country page reads its file again (see `Site`).
        let (checklist, weightTable, cards) = try streamCards(reading) { $0.slimmed() }
        let date = reading.date
        let site = Site(
            checklist: checklist, cards: cards, weights: weightTable, asOf: date,
            reload: { (slim: ScoreCard) throws(Site.ReloadError) -> ScoreCard in
                let path = slim.jurisdiction.file
                let changed = Site.ReloadError("'\(path)' changed while the site was being written; run 'lexgap site' again")
                guard let source = try? FileInput.read(path) else { throw changed }
                let (jurisdiction, diagnostics) = JurisdictionLoader.load(source)
                guard let jurisdiction, !diagnostics.hasErrors, jurisdiction.code == slim.jurisdiction.code else { throw changed }
                let card = ScoreCard(jurisdiction, checklist: checklist, asOf: date, weights: weightTable)
                guard card.criteria.map(\.reading.status) == slim.criteria.map(\.reading.status), card.score == slim.score else {
                    throw changed
                }
                return card
            })
        Progress.show("rendering \(site.pages.count) pages…")
        defer { Progress.done() }
        // Each page is written as soon as its batch renders; the folder takes the old one's place only at the end.
        var count = 0
        var failure: SiteRenderError<OutputFailure>?
        let fill = { (sink: SafeOutput.Sink) throws(OutputFailure) -> Void in
            do throws(SiteRenderError<OutputFailure>) {
                try site.render(with: templates, threads: loadingThreads) { (file: OutputFile) throws(OutputFailure) -> Void in
                    try sink.write(path: file.path, text: file.contents)
                    count += 1
                }
            } catch {
                if case .writing(let problem) = error { throw problem }
                failure = error
                throw OutputFailure("the site was not written")
            }
        }
        do {
            try Output.replaceFolder(output, force: force, fill: fill)
        } catch {
            switch failure {
            case .template(let problem): throw renderFailure(problem)
            case .reading(let problem): throw CommandFailure(message: problem.message)
            case .writing, nil: throw error
            }
        }
        writeStandardError("wrote \(count) files to \(output)\n")
    }
}

/// Prints HTML to PDF with headless Chromium, the browser the HTML is designed and tested in.
enum PDFPrinter {
    static func print(html: String, to output: String) throws {
        guard let browser = findExecutable(["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]) else {
            throw CommandFailure(
                message:
                    "PDF output needs headless Chromium, which was not found on the PATH; install it (Debian/Ubuntu: sudo apt-get install chromium) or use --format html and print to PDF from a browser"
            )
        }
        try SafeOutput.withScratchFolder("pdf") { work in
            let page = work.appendingPathComponent("report.html")
            let pdf = work.appendingPathComponent("report.pdf")
            try Data(html.utf8).write(to: page)
            // A page Chromium cannot finish (a custom template with a script, say) is stopped by the timeout.
            let (status, message) = try runProcess(
                browser,
                [
                    "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--user-data-dir=\(work.path)/profile",
                    "--print-to-pdf=\(pdf.path)", page.absoluteString,
                ])
            guard status == 0, let data = FileManager.default.contents(atPath: pdf.path), !data.isEmpty else {
                throw CommandFailure(message: "Chromium could not print the PDF (exit \(status)): \(message)")
            }
            try Output.emit([UInt8](data), to: output)
        }
    }
}

/// The published jurisdictions of a region, in code order; the region's name is matched without regard to case.
/// An unknown region is a usage error that lists the regions there are.
func inRegion(_ region: String, of jurisdictions: [Jurisdiction]) throws -> [Jurisdiction] {
    let wanted = region.trimmingCharacters(in: .whitespaces).lowercased()
    let members = jurisdictions.filter { $0.region.trimmingCharacters(in: .whitespaces).lowercased() == wanted }
    guard !members.isEmpty else {
        let known = Set(jurisdictions.map(\.region).filter { !$0.isEmpty }).sorted().map { "'\($0)'" }
        throw CommandFailure(
            message: "no published jurisdiction is in the region '\(region)'"
                + (known.isEmpty ? "" : "; the regions are \(known.joined(separator: ", "))"))
    }
    return members.sorted { $0.code < $1.code }
}
