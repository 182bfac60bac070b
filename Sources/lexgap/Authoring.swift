import ArgumentParser
import Foundation
import LexgapCore

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a jurisdiction file: every criterion 'unclear', with its question and guidance as comments.")

    @OptionGroup var input: InputOptions
    @Option(help: ArgumentHelp("The jurisdiction's name.", valueName: "name")) var name: String
    @Option(help: ArgumentHelp("Its region (default: 'Not set').", valueName: "region")) var region = "Not set"
    @Argument(help: ArgumentHelp("ISO 3166 code (e.g. FR, or US-CA for a subdivision).", valueName: "code")) var code: String

    func validate() throws {
        guard JurisdictionCode.isWellFormed(code) else {
            throw ValidationError("'\(code)' is not an ISO 3166 code (two capital letters, or e.g. 'US-CA' for a subdivision)")
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
        guard !FileManager.default.fileExists(atPath: path) else {
            throw CommandFailure(message: "'\(path)' already exists; lexgap new never overwrites a file")
        }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Output.write(Scaffold.jurisdiction(code: code, name: name, region: region, reviewed: .today, checklist: checklist), to: path)
        writeStandardError("wrote \(path): fill in the instruments and each criterion, then run 'lexgap validate --strict \(path)'\n")
    }
}

struct Agree: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare two independent codings of one jurisdiction: percent agreement, Cohen's kappa and each divergence.")

    @OptionGroup var input: InputOptions
    @Option(help: "Output format: table, json or csv.") var format: AnalysisFormat = .table
    @Argument(help: ArgumentHelp("The first coder's file.", valueName: "first")) var first: String
    @Argument(help: ArgumentHelp("The second coder's file.", valueName: "second")) var second: String

    func validate() throws {
        if first == second { throw ValidationError("name two different files (e.g. coder-a/PH.yaml coder-b/PH.yaml)") }
    }

    func run() throws {
        let corpus = Corpus.load(checklist: try input.checklistFile(), jurisdictions: [try FileInput.read(first), try FileInput.read(second)], threads: 1)
        guard let checklist = corpus.checklist, !corpus.diagnostics.hasErrors, corpus.jurisdictions.count == 2 else {
            for diagnostic in corpus.diagnostics { writeStandardError(diagnostic.formatted + "\n") }
            writeStandardError("error: both codings must validate before they can be compared\n")
            throw ExitCode(1)
        }
        guard let a = corpus.jurisdictions.first(where: { $0.file == first }), let b = corpus.jurisdictions.first(where: { $0.file == second })
        else { throw CommandFailure(message: "name two different files") }
        writeStandardOutput(AgreementReport(Agreement(a, b, checklist: checklist)).render(format, width: terminalWidth))
    }
}

struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The health of the data set: unclear assessments, review ages, instruments without a URL, thin support.")

    @OptionGroup var options: AnalysisOptions

    func run() throws {
        let (checklist, jurisdictions, _) = try options.load()
        writeStandardOutput(DataHealthReport(DataHealth(jurisdictions, checklist: checklist, asOf: options.date)).render(options.format, width: terminalWidth))
    }
}
