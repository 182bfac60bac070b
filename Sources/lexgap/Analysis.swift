import ArgumentParser
import Foundation
import LexgapCore

extension AnalysisFormat: ExpressibleByArgument {}

extension LegalDate: ExpressibleByArgument {
    public init?(argument: String) {
        guard case .success(let date) = LegalDate.parse(argument) else { return nil }
        self = date
    }

    /// Today in UTC, the default for `--as-of`.
    static var today: LegalDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return LegalDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}

/// What every command that reads the law as of a date shares: the inputs, the date and the weights.
struct ReadingOptions: ParsableArguments {
    @OptionGroup var input: InputOptions

    @Option(help: ArgumentHelp("Read the law as of this date (YYYY-MM-DD; default: today).", valueName: "date"))
    var asOf: LegalDate?

    @Option(help: ArgumentHelp("A YAML file of criterion and category weights overriding the checklist's.", valueName: "file"))
    var weights: String?

    @Flag(help: "Include files marked 'draft: true', which are otherwise left out of rankings, comparisons, the site and briefs.")
    var includeDrafts = false

    var date: LegalDate { asOf ?? .today }

    func load() throws -> (Checklist, [Jurisdiction], Weights) { try loadForAnalysis(input, weightsFile: weights) }

    /// The jurisdictions published in lists: all but drafts, unless `--include-drafts`.
    func published(_ jurisdictions: [Jurisdiction]) -> [Jurisdiction] { jurisdictions.published(includeDrafts: includeDrafts) }

    /// The named jurisdictions for a command about several: a draft only with `--include-drafts`.
    func selectPublished(_ codes: [String], from jurisdictions: [Jurisdiction]) throws -> [Jurisdiction] {
        let chosen = try select(codes, from: jurisdictions)
        if !includeDrafts, let draft = chosen.first(where: \.draft) {
            throw CommandFailure(message: "\(draft.code) is a draft ('draft: true' in \(draft.file)); finish it, or pass --include-drafts")
        }
        return chosen
    }

    func cards(_ jurisdictions: [Jurisdiction], _ checklist: Checklist, _ weights: Weights) -> [ScoreCard] {
        ScoreCard.cards(jurisdictions, checklist: checklist, asOf: date, weights: weights, threads: loadingThreads)
    }
}

/// The options every analysis command shares.
struct AnalysisOptions: ParsableArguments {
    @OptionGroup var reading: ReadingOptions

    @Option(help: "Output format: table, json or csv.")
    var format: AnalysisFormat = .table

    var date: LegalDate { reading.date }

    func load() throws -> (Checklist, [Jurisdiction], Weights) { try reading.load() }

    func published(_ jurisdictions: [Jurisdiction]) -> [Jurisdiction] { reading.published(jurisdictions) }

    func cards(_ jurisdictions: [Jurisdiction], _ checklist: Checklist, _ weights: Weights) -> [ScoreCard] {
        reading.cards(jurisdictions, checklist, weights)
    }
}

/// The validated corpus and weights. Any error in any input prints its diagnostics and exits 1: no score is ever
/// computed from a broken file.
func loadForAnalysis(_ input: InputOptions, weightsFile: String?) throws -> (Checklist, [Jurisdiction], Weights) {
    let files = try input.jurisdictionFiles()
    Progress.show("reading \(files.count) jurisdiction files…")
    let corpus = Corpus.load(checklist: try input.checklistFile(), jurisdictions: files, threads: loadingThreads)
    Progress.done()
    let (weights, weightDiagnostics) = try loadWeights(weightsFile, checklist: corpus.checklist)
    let checklist = try requireClean(corpus.checklist, corpus.diagnostics + weightDiagnostics)
    return (checklist, corpus.jurisdictions, weights)
}

/// The scores of every published jurisdiction, made file by file: each file is read, checked and scored, and only
/// its numbers are kept (`ScoreLine`), so memory does not grow with the texts of the corpus.
func streamScores(_ reading: ReadingOptions) throws -> (Checklist, [ScoreLine]) {
    let (checklist, _, lines) = try streamCards(reading) { ScoreLine($0) }
    // The order `load` gives: by code (codes are unique, or the data has errors and no score is printed).
    return (checklist, lines.sorted { $0.code < $1.code })
}

/// Each published jurisdiction's score card, made file by file, of which only what `keep` makes of it is kept.
/// Any error in any input prints its diagnostics and exits 1, as `loadForAnalysis` does.
func streamCards<Kept: Sendable>(
    _ reading: ReadingOptions, keep: @escaping @Sendable (ScoreCard) -> Kept
) throws -> (Checklist, Weights, [Kept]) {
    let (checklist, checklistDiagnostics) = ChecklistLoader.load(try reading.input.checklistFile())
    let usable = checklistDiagnostics.hasErrors ? nil : checklist
    let (weights, weightDiagnostics) = try loadWeights(reading.weights, checklist: usable)
    let (date, includeDrafts) = (reading.date, reading.includeDrafts)
    let (kept, diagnostics) = try streamFiles(try reading.input.jurisdictionPaths(), checklist: usable) {
        (jurisdiction: Jurisdiction) -> Kept? in
        guard let usable, includeDrafts || !jurisdiction.draft else { return nil }
        return keep(ScoreCard(jurisdiction, checklist: usable, asOf: date, weights: weights))
    }
    return (try requireClean(usable, checklistDiagnostics + diagnostics + weightDiagnostics), weights, kept)
}

/// `Corpus.stream` over files on disk, read as each is needed. A file that cannot be read stops the command with
/// its error (the first such file's), as when every file is read first.
func streamFiles<Kept: Sendable>(
    _ paths: [String], checklist: Checklist?, keep: @escaping @Sendable (Jurisdiction) -> Kept?
) throws -> (kept: [Kept], diagnostics: [Diagnostic]) {
    Progress.show("reading \(paths.count) jurisdiction files…")
    defer { Progress.done() }
    let failures = ReadFailures()
    let result = Corpus.stream(
        checklist: checklist, count: paths.count, threads: loadingThreads,
        file: { index in
            do {
                return try FileInput.read(paths[index])
            } catch {
                failures.add(index, error)
                return SourceFile(path: paths[index], bytes: [])
            }
        }, keep: keep)
    if let failure = failures.first { throw failure }
    return result
}

/// Errors in reading files while streaming, kept until the stream ends; the first file's is reported.
final class ReadFailures: @unchecked Sendable {
    private var errors: [(Int, any Error)] = []
    private let lock = NSLock()

    func add(_ index: Int, _ error: any Error) { lock.withLock { errors.append((index, error)) } }
    var first: (any Error)? { lock.withLock { errors.min { $0.0 < $1.0 }?.1 } }
}

func loadWeights(_ path: String?, checklist: Checklist?) throws -> (Weights, [Diagnostic]) {
    guard let path, let checklist else { return (.checklist, []) }
    let (loaded, diagnostics) = WeightsLoader.load(try FileInput.read(path), checklist: checklist)
    return (loaded ?? .checklist, diagnostics)
}

/// Any error in any input prints its diagnostics and exits 1: no score is ever computed from a broken file.
func requireClean(_ checklist: Checklist?, _ diagnostics: [Diagnostic]) throws -> Checklist {
    guard let checklist, !diagnostics.hasErrors else {
        for diagnostic in diagnostics.sorted() { writeStandardError(diagnostic.formatted + "\n") }
        writeStandardError("error: the data has errors; fix them (see 'lexgap validate') before analysing it\n")
        throw ExitCode(1)
    }
    return checklist
}

/// Picks the named jurisdictions, in the order given; an unknown code is a usage error.
func select(_ codes: [String], from jurisdictions: [Jurisdiction]) throws -> [Jurisdiction] {
    try codes.map { code in
        guard let found = jurisdictions.first(where: { $0.code == code.uppercased() }) else {
            if let suggestion = CountryCodes.suggestion(for: code), jurisdictions.contains(where: { $0.code == suggestion }) {
                throw CommandFailure(message: "no jurisdiction '\(code)' in the data; did you mean \(suggestion)?")
            }
            throw CommandFailure(
                message: "no jurisdiction '\(code)' in the data (have: \(jurisdictions.map(\.code).joined(separator: ", ")))")
        }
        return found
    }
}

struct Score: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Overall score, coverage and category scores of each jurisdiction.")
    @OptionGroup var options: AnalysisOptions
    @Argument(help: ArgumentHelp("Jurisdiction codes (default: all).", valueName: "code")) var codes: [String] = []

    func run() throws {
        let checklist: Checklist
        let lines: [ScoreLine]
        if codes.isEmpty {
            (checklist, lines) = try streamScores(options.reading)
        } else {
            let (loaded, jurisdictions, weights) = try options.load()
            checklist = loaded
            lines = options.cards(try options.reading.selectPublished(codes, from: jurisdictions), checklist, weights).map(ScoreLine.init)
        }
        var report = ScoreReport(lines: lines, checklist: checklist, asOf: options.date)
        report.weightsFile = options.reading.weights
        writeStandardOutput(report.render(options.format, width: terminalWidth))
    }
}

struct Gaps: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The criteria a jurisdiction does not fully meet, most severe first, with the reform that closes each.")
    @OptionGroup var options: AnalysisOptions
    @Argument(help: ArgumentHelp("Jurisdiction code.", valueName: "code")) var code: String

    func run() throws {
        let (checklist, jurisdictions, weights) = try options.load()
        let target = try select([code], from: jurisdictions)[0]
        let peers = options.cards(options.published(jurisdictions), checklist, weights)
        let card = ScoreCard(target, checklist: checklist, asOf: options.date, weights: weights)
        var report = GapReport(card: card, peers: peers, checklist: checklist)
        report.weightsFile = options.reading.weights
        writeStandardOutput(report.render(options.format, width: terminalWidth))
    }
}

struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "A matrix of statuses, criteria × jurisdictions.")
    @OptionGroup var options: AnalysisOptions
    @Flag(help: "Compare every jurisdiction.") var all = false
    @Flag(help: "Hide criteria on which all the jurisdictions agree.") var onlyDifferences = false
    @Argument(help: ArgumentHelp("Jurisdiction codes (two or more, or --all).", valueName: "code")) var codes: [String] = []

    func validate() throws {
        if !all, codes.count < 2 { throw ValidationError("name two or more jurisdictions, or pass --all") }
    }

    func run() throws {
        let (checklist, jurisdictions, weights) = try options.load()
        let chosen = all ? options.published(jurisdictions) : try options.reading.selectPublished(codes, from: jurisdictions)
        var report = ComparisonReport(
            cards: options.cards(chosen, checklist, weights), checklist: checklist, onlyDifferences: onlyDifferences)
        report.weightsFile = options.reading.weights
        writeStandardOutput(report.render(options.format, width: terminalWidth))
    }
}

struct Rank: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Jurisdictions by overall score, with coverage and ICMEC core criteria met.")
    @OptionGroup var options: AnalysisOptions
    @Argument(help: ArgumentHelp("Rank only these jurisdictions (default: all).", valueName: "code")) var codes: [String] = []

    func run() throws {
        let (checklist, jurisdictions, weights) = try options.load()
        let chosen = codes.isEmpty ? options.published(jurisdictions) : try options.reading.selectPublished(codes, from: jurisdictions)
        let ranking = Ranking(options.cards(chosen, checklist, weights))
        var report = RankingReport(ranking: ranking, checklist: checklist, asOf: options.date)
        report.weightsFile = options.reading.weights
        writeStandardOutput(report.render(options.format, width: terminalWidth))
    }
}

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "What changed in a jurisdiction's law between two dates.")
    @OptionGroup var input: InputOptions
    @Option(help: ArgumentHelp("A YAML file of weights.", valueName: "file")) var weights: String?
    @Option(help: "Output format: table, json or csv.") var format: AnalysisFormat = .table
    @Option(help: ArgumentHelp("The earlier date.", valueName: "date")) var from: LegalDate
    @Option(help: ArgumentHelp("The later date.", valueName: "date")) var to: LegalDate
    @Argument(help: ArgumentHelp("Jurisdiction code.", valueName: "code")) var code: String

    func validate() throws {
        if to < from { throw ValidationError("--to must not be before --from") }
    }

    func run() throws {
        let (checklist, jurisdictions, weightTable) = try loadForAnalysis(input, weightsFile: weights)
        let target = try select([code], from: jurisdictions)[0]
        let diff = LawDiff(target, checklist: checklist, from: from, to: to, weights: weightTable)
        writeStandardOutput(ChangeReport(.diff(diff)).render(format, width: terminalWidth))
    }
}

struct Timeline: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Every dated change recorded in a jurisdiction's law.")
    @OptionGroup var input: InputOptions
    @Option(help: "Output format: table, json or csv.") var format: AnalysisFormat = .table
    @Argument(help: ArgumentHelp("Jurisdiction code.", valueName: "code")) var code: String

    func run() throws {
        let (checklist, jurisdictions, _) = try loadForAnalysis(input, weightsFile: nil)
        let target = try select([code], from: jurisdictions)[0]
        let changes = LawChange.timeline(target, checklist: checklist)
        writeStandardOutput(ChangeReport(.timeline(target, changes: changes)).render(format, width: terminalWidth))
    }
}

struct SensitivityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sensitivity", abstract: "Does the ranking hold if the weights change? Best and worst rank of each jurisdiction.")
    @OptionGroup var options: AnalysisOptions
    @Argument(help: ArgumentHelp("Only these jurisdictions (default: all).", valueName: "code")) var codes: [String] = []

    func run() throws {
        let (checklist, jurisdictions, weights) = try options.load()
        let chosen = codes.isEmpty ? options.published(jurisdictions) : try options.reading.selectPublished(codes, from: jurisdictions)
        let sensitivity = Sensitivity(corpus: chosen, checklist: checklist, asOf: options.date, weights: weights)
        var report = SensitivityReport(sensitivity: sensitivity, asOf: options.date)
        report.weightsFile = options.reading.weights
        writeStandardOutput(report.render(options.format, width: terminalWidth))
    }
}
