import ArgumentParser
import Foundation
import LexgapCore
import SafeOutput
import ZIPFoundation

extension BriefKind: ExpressibleByArgument {}
extension CitationStyle: ExpressibleByArgument {}

enum BriefFormat: String, ExpressibleByArgument, CaseIterable {
    case md, docx, html
}

struct BriefCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "brief",
        abstract:
            "Draft a document to file: a UPR submission, a CRC/OPSC alternative report or list of issues, TIP input, or a treaty crosswalk.",
        discussion: """
            Markdown and HTML need nothing extra; DOCX is made from the Markdown by pandoc (Debian: apt-get install \
            pandoc), styled by templates/brief-reference.docx (A4, Times New Roman). A draft over the word limit still \
            renders, with a warning.
            """)

    @OptionGroup var reading: ReadingOptions
    @OptionGroup var templateOptions: TemplateOptions

    @Option(help: "upr, crc-opsc, crc-loi, tip or crosswalk.") var kind: BriefKind
    @Option(help: "Output format: md, docx or html (default: the -o file's extension, else md).") var format: BriefFormat?
    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file (required for docx).", valueName: "file")) var output: String?
    @Option(help: "Footnote style: oscola (s 72, art 3(1)(c)) or bluebook (§ 72, art. 3(1)(c)).") var citationStyle: CitationStyle = .oscola
    @Option(name: .customLong("organisation"), help: ArgumentHelp("A submitting organisation (repeat for several).", valueName: "name"))
    var organisations: [String] = []
    @Flag(help: "A joint submission (UPR: the joint word limit).") var joint = false
    @Option(help: ArgumentHelp("The session, e.g. \"UPR 47th session, November 2024\".", valueName: "text")) var session: String?
    @Option(
        name: .customLong("keyword"),
        help: ArgumentHelp("A keyword for the UPR header, added to the default ones (repeat for several).", valueName: "word"))
    var keywords: [String] = []
    @Flag(help: "UPR: use only the --keyword words, not the default keywords.") var noDefaultKeywords = false
    @Option(
        help: ArgumentHelp(
            "UPR: the date of the last review (default: the --previous file's, else five years before --as-of).", valueName: "date"))
    var since: LegalDate?
    @Option(
        help: ArgumentHelp(
            "UPR: a YAML file of the last review's recommendations, the State's responses and their implementation (see docs/briefs.md).",
            valueName: "file"))
    var previous: String?
    @Option(help: ArgumentHelp("The year recommendations ask for the reform by.", valueName: "year")) var by: Int?
    @Option(help: ArgumentHelp("TIP: start of the reporting period (default: 1 April).", valueName: "date")) var from: LegalDate?
    @Option(help: ArgumentHelp("TIP: end of the reporting period (default: the last 31 March).", valueName: "date")) var to: LegalDate?
    @Option(help: ArgumentHelp("The word limit (default: the body's, where it sets one).", valueName: "words")) var cap: Int?
    @Argument(help: ArgumentHelp("Jurisdiction code.", valueName: "code")) var code: String

    func validate() throws {
        if try chosenFormat() == .docx, output == nil { throw ValidationError("--format docx needs -o FILE") }
        if let from, let to, to < from { throw ValidationError("--to must not be before --from") }
        // A reform cannot be asked for by a year already past, nor changes counted from after the date the law is read.
        if let by, by < reading.date.year {
            throw ValidationError(
                "--by \(by) is before the year the law is read as of (\(reading.date.year)); give \(reading.date.year) or later")
        }
        if let since, since > reading.date {
            throw ValidationError(
                "--since \(since) is after the date the law is read as of (\(reading.date)); give the date of the last review")
        }
        if noDefaultKeywords, keywords.isEmpty { throw ValidationError("--no-default-keywords needs at least one --keyword") }
    }

    func chosenFormat() throws -> BriefFormat { try outputFormat(format, output: output, default: .md) }

    func run() throws {
        let format = try chosenFormat()
        let (checklist, jurisdictions, weights) = try reading.load()
        let target = try reading.selectPublished([code], from: jurisdictions)[0]
        var settings = BriefSettings()
        settings.organisations = organisations
        settings.joint = joint
        settings.session = session
        settings.keywords = keywords
        settings.defaultKeywords = !noDefaultKeywords
        settings.since = since
        if let previous {
            let (review, diagnostics) = PreviousReviewLoader.load(try FileInput.read(previous))
            for diagnostic in diagnostics { writeStandardError(diagnostic.formatted + "\n") }
            guard let review else { throw ExitCode(1) }
            if since == nil, review.date > reading.date {
                throw ValidationError("the previous review (\(review.date)) is after the date the law is read as of (\(reading.date))")
            }
            settings.previous = review
        }
        settings.by = by
        settings.from = from
        settings.to = to
        settings.style = citationStyle
        settings.cap = cap
        let card = ScoreCard(target, checklist: checklist, asOf: reading.date, weights: weights)
        guard card.isRecorded else {
            throw CommandFailure(
                message:
                    "\(target.code)'s file records the law from \(target.recordedFrom?.description ?? "-") only; a brief as of \(reading.date) would rest on missing history"
            )
        }
        var brief = Brief(kind: kind, card: card, checklist: checklist, weights: weights, settings: settings)
        brief.forWord = format == .docx
        if let overCap = brief.overCap {
            writeStandardError("warning: the draft is over the word limit: \(overCap)\n")
        }
        let templates = try templateOptions.load()
        let text: String
        do {
            text = try templates.render(brief, with: format == .html ? "brief.html" : "brief.md")
        } catch {
            throw renderFailure(error)
        }
        switch format {
        case .md, .html:
            try Output.emit(text, to: output, detail: brief.wordsDetail)
        case .docx:
            guard let output else { throw ValidationError("--format docx needs -o FILE") }
            try Pandoc.docx(
                markdown: text, reference: try templateOptions.file("brief-reference.docx"), to: output, detail: brief.wordsDetail)
        }
    }
}

extension Brief {
    /// "1,633 of 2,815 words", for the message after writing.
    var wordsDetail: String { cap.map { "\(words) of \($0) words" } ?? "\(words) words" }
}

/// Word documents from Markdown through pandoc, whose footnotes, headings and numbered lists become Word's own.
enum Pandoc {
    static func docx(markdown: String, reference: String?, to output: String, detail: String?) throws {
        guard let pandoc = findExecutable(["pandoc"]) else {
            throw CommandFailure(
                message:
                    "DOCX output needs pandoc, which was not found on the PATH; install it (Debian/Ubuntu: sudo apt-get install pandoc) or use --format md or html"
            )
        }
        try SafeOutput.withScratchFolder("docx") { work in
            let input = work.appendingPathComponent("brief.md")
            let result = work.appendingPathComponent("brief.docx")
            try Data(markdown.utf8).write(to: input)
            // Without the smart extension, quotes, dashes and ellipses in statute text reach Word as written.
            var arguments = ["--from", "markdown-smart", "--to", "docx", "--output", result.path, input.path]
            if let reference { arguments.insert("--reference-doc=\(reference)", at: 0) }
            let (status, message) = try runProcess(pandoc, arguments)
            guard status == 0, FileManager.default.fileExists(atPath: result.path) else {
                throw CommandFailure(message: "pandoc could not make the DOCX (exit \(status)): \(message)")
            }
            let finished = work.appendingPathComponent("finished.docx")
            try numberParagraphsAcrossSections(result, into: finished)
            guard let data = FileManager.default.contents(atPath: finished.path), !data.isEmpty else {
                throw CommandFailure(message: "pandoc made an empty DOCX")
            }
            try Output.emit([UInt8](data), to: output, detail: detail)
        }
    }

    /// The one numbering definition every numbered paragraph shares.
    static let numbering = "4242"

    /// Gives every "Numbered Paragraph" one list across the sections, so that deleting a paragraph in Word renumbers
    /// the rest. Pandoc numbers each Markdown list on its own, so the paragraphs are written as styled paragraphs
    /// and their numbering is added here, in a copy of pandoc's file (`finished`) made entry by entry in order.
    static func numberParagraphsAcrossSections(_ docx: URL, into finished: URL) throws {
        do {
            let source = try Archive(url: docx, accessMode: .read)
            let target = try Archive(url: finished, accessMode: .create)
            let style = "<w:pStyle w:val=\"NumberedParagraph\" />"
            for entry in source {
                var data = Data()
                _ = try source.extract(entry, skipCRC32: false) { data.append($0) }
                if entry.path == "word/document.xml" {
                    let numbered = style + "<w:numPr><w:ilvl w:val=\"0\" /><w:numId w:val=\"\(numbering)\" /></w:numPr>"
                    data = Data(String(decoding: data, as: UTF8.self).replacingOccurrences(of: style, with: numbered).utf8)
                } else if entry.path == "word/numbering.xml" {
                    data = Data(withParagraphNumbering(String(decoding: data, as: UTF8.self)).utf8)
                }
                let bytes = data
                try target.addEntry(
                    with: entry.path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate,
                    provider: { position, size in bytes.subdata(in: Int(position)..<Int(position) + size) })
            }
        } catch {
            throw CommandFailure(message: "could not number the paragraphs of pandoc's DOCX: \(error)")
        }
    }

    /// Pandoc's numbering definitions with one more: decimal paragraph numbers, "1.", flush with the text.
    static func withParagraphNumbering(_ list: String) -> String {
        var list = list
        let definition =
            "<w:abstractNum w:abstractNumId=\"\(numbering)\"><w:multiLevelType w:val=\"singleLevel\" /><w:lvl w:ilvl=\"0\">"
            + "<w:start w:val=\"1\" /><w:numFmt w:val=\"decimal\" /><w:lvlText w:val=\"%1.\" /><w:lvlJc w:val=\"left\" />"
            + "<w:pPr><w:tabs><w:tab w:val=\"num\" w:pos=\"567\" /></w:tabs><w:ind w:left=\"0\" w:firstLine=\"0\" /></w:pPr>"
            + "</w:lvl></w:abstractNum>"
        // Word wants every abstract definition before the first list that uses one.
        let end = list.range(of: "</w:numbering>")?.lowerBound ?? list.endIndex
        list.insert(contentsOf: definition, at: list.range(of: "<w:num ")?.lowerBound ?? end)
        let close = list.range(of: "</w:numbering>")?.lowerBound ?? list.endIndex
        list.insert(contentsOf: "<w:num w:numId=\"\(numbering)\"><w:abstractNumId w:val=\"\(numbering)\" /></w:num>", at: close)
        return list
    }
}

/// The first of `names` found on the PATH.
func findExecutable(_ names: [String]) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for name in names {
        for folder in path.split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
            return "\(folder)/\(name)"
        }
    }
    return nil
}

/// Runs a program to completion (stopping it after `timeout` seconds) and returns its exit status and the end of its
/// standard error.
func runProcess(_ executable: String, _ arguments: [String], timeout: Double = 120) throws -> (Int32, String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let errors = Pipe()
    process.standardOutput = FileHandle.nullDevice
    process.standardError = errors
    try process.run()
    let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
    DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
    let message = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    watchdog.cancel()
    return (process.terminationStatus, String(decoding: message.suffix(500), as: UTF8.self))
}
