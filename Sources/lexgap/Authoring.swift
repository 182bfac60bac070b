import ArgumentParser
import Foundation
import LexgapCore

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a draft jurisdiction file: every criterion 'unclear', with its question and guidance as comments.")

    @OptionGroup var input: InputOptions
    @Option(help: ArgumentHelp("The jurisdiction's name.", valueName: "name")) var name: String
    @Option(help: ArgumentHelp("Its region (default: 'Not set').", valueName: "region")) var region = "Not set"
    @Argument(help: ArgumentHelp("ISO 3166 code (e.g. FR, or US-CA for a subdivision).", valueName: "code")) var code: String

    func validate() throws {
        guard JurisdictionCode.isWellFormed(code) else {
            let hint =
                CountryCodes.suggestion(for: code).map { "; did you mean \($0)?" }
                ?? " (two capital letters, or e.g. 'US-CA' for a subdivision)"
            throw ValidationError("'\(code)' is not an ISO 3166 code\(hint)")
        }
    }

    func run() throws {
        let (loaded, diagnostics) = ChecklistLoader.load(try input.checklistFile())
        guard let checklist = loaded, !diagnostics.hasErrors else {
            for diagnostic in diagnostics { writeStandardError(diagnostic.formatted + "\n") }
            throw ExitCode(1)
        }
        let folder = input.data ?? "jurisdictions"
        let path = "\(folder)/\(code).yaml"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Output.create(Scaffold.jurisdiction(code: code, name: name, region: region, checklist: checklist), at: path)
        writeStandardError(
            "wrote \(path), a draft (kept out of rankings and the site): fill in the instruments and each criterion, then run 'lexgap validate --strict \(path)'\n"
        )
    }
}

struct Agree: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare two independent codings of one jurisdiction: percent agreement, Cohen's kappa and each divergence.")

    @OptionGroup var input: InputOptions
    @Option(help: "Output format: table, json or csv.") var format: AnalysisFormat = .table
    @Argument(help: ArgumentHelp("The first coder's file.", valueName: "first")) var first: String
    @Argument(help: ArgumentHelp("The second coder's file.", valueName: "second")) var second: String
    @Option(
        parsing: .upToNextOption,
        help: ArgumentHelp("Compare only these criteria (the sample a second coder re-assessed).", valueName: "id"))
    var criteria: [String] = []

    func validate() throws {
        if first == second { throw ValidationError("name two different files (e.g. coder-a/PH.yaml coder-b/PH.yaml)") }
    }

    func run() throws {
        let corpus = Corpus.load(
            checklist: try input.checklistFile(), jurisdictions: [try FileInput.read(first), try FileInput.read(second)], threads: 1,
            oneFilePerJurisdiction: false)
        guard let checklist = corpus.checklist, !corpus.diagnostics.hasErrors, corpus.jurisdictions.count == 2 else {
            for diagnostic in corpus.diagnostics { writeStandardError(diagnostic.formatted + "\n") }
            writeStandardError("error: both codings must validate before they can be compared\n")
            throw ExitCode(1)
        }
        guard let a = corpus.jurisdictions.first(where: { $0.file == first }),
            let b = corpus.jurisdictions.first(where: { $0.file == second })
        else { throw CommandFailure(message: "name two different files") }
        let ids = checklist.criteria.map(\.id)
        if let unknown = criteria.first(where: { !ids.contains($0) }) {
            throw CommandFailure(message: "no criterion '\(unknown)' in the checklist")
        }
        let agreement = Agreement(a, b, checklist: checklist, sample: criteria.isEmpty ? nil : criteria)
        writeStandardOutput(AgreementReport(agreement).render(format, width: terminalWidth))
    }
}

struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The health of the data set: unclear assessments, review ages, instruments without a URL, thin support.")

    @OptionGroup var options: AnalysisOptions

    func run() throws {
        let (checklist, jurisdictions, _) = try options.load()
        writeStandardOutput(
            DataHealthReport(DataHealth(jurisdictions, checklist: checklist, asOf: options.date)).render(
                options.format, width: terminalWidth))
    }
}

extension InputSchema: ExpressibleByArgument {}

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "A JSON Schema (draft 2020-12) for jurisdiction, checklist or weights files, for editors' YAML language servers.",
        discussion: "--write regenerates the committed schemas under checklists/schemas/ (run it after changing the checklist).")

    @OptionGroup var input: InputOptions
    @Flag(help: "Write all three schemas to checklists/schemas/ instead of printing one.") var write = false
    @Argument(help: "Which file type: jurisdiction, checklist or weights.") var kind: InputSchema = .jurisdiction

    func run() throws {
        let (loaded, diagnostics) = ChecklistLoader.load(try input.checklistFile())
        guard let checklist = loaded, !diagnostics.hasErrors else {
            for diagnostic in diagnostics { writeStandardError(diagnostic.formatted + "\n") }
            throw ExitCode(1)
        }
        guard write else {
            return writeStandardOutput(kind.render(checklist: checklist))
        }
        for schema in InputSchema.allCases {
            try FileManager.default.createDirectory(atPath: "checklists/schemas", withIntermediateDirectories: true)
            try Output.emit(schema.render(checklist: checklist), to: schema.path)
            writeStandardError("wrote \(schema.path)\n")
        }
    }
}

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The whole data set as tidy tables (assessments, instruments, treaties) with a codebook.")

    @OptionGroup var reading: ReadingOptions
    @Option(help: "csv (one file per table) or json (one file).") var format: DataExport.Format = .csv
    @Option(name: .shortAndLong, help: ArgumentHelp("The folder to write into; it is replaced as a whole.", valueName: "dir")) var output:
        String
    @Flag(help: "Replace the output folder even if it is not empty and was not made by lexgap.") var force = false

    func run() throws {
        let (checklist, all, _) = try reading.load()
        let jurisdictions = reading.published(all)
        Progress.show("tabulating \(jurisdictions.count) jurisdictions…")
        let files = DataExport(jurisdictions, checklist: checklist, asOf: reading.date).files(format)
        Progress.show("writing \(files.count) files…")
        defer { Progress.done() }
        try Output.replaceFolder(output, with: files, force: force)
        writeStandardError("wrote \(files.count) files to \(output)\n")
    }
}

extension DataExport.Format: ExpressibleByArgument {}
