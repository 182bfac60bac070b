import ArgumentParser
import LexgapCore

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the checklist and jurisdiction files, printing compiler-style diagnostics.",
        discussion: """
            With no PATH, validates every file in the data folder. A PATH may be a jurisdiction file or a folder of \
            them. Exit codes: 0 clean, 1 errors (or warnings with --strict), 2 usage or I/O errors.
            """
    )

    @OptionGroup var input: InputOptions

    @Option(help: "Output format: text (file:line:column: severity: message [code]) or json.")
    var format: OutputFormat = .text

    @Flag(help: "Fail (exit 1) on warnings too.")
    var strict = false

    @Argument(help: ArgumentHelp("Jurisdiction files or folders to validate.", valueName: "path"))
    var paths: [String] = []

    func run() throws {
        let checklist = try input.checklistFile()
        var files: [SourceFile] = []
        if paths.isEmpty {
            files = try input.jurisdictionFiles()
        } else {
            for path in paths {
                if FileInput.isDirectory(path) {
                    files += try FileInput.yamlFiles(in: path).map(FileInput.read)
                } else {
                    files.append(try FileInput.read(path))
                }
            }
        }
        Progress.show("reading \(files.count) jurisdiction files…")
        let corpus = Corpus.load(checklist: checklist, jurisdictions: files, threads: loadingThreads)
        Progress.done()
        let diagnostics = corpus.diagnostics
        switch format {
        case .json:
            writeStandardOutput(DiagnosticReport(diagnostics).json)
        case .text:
            for diagnostic in diagnostics { writeStandardOutput(diagnostic.formatted + "\n") }
            writeStandardError(
                "\(files.count) jurisdiction file\(files.count == 1 ? "" : "s") checked: "
                    + "\(diagnostics.errorCount) error\(diagnostics.errorCount == 1 ? "" : "s"), "
                    + "\(diagnostics.warningCount) warning\(diagnostics.warningCount == 1 ? "" : "s")\n")
        }
        if diagnostics.hasErrors || (strict && diagnostics.warningCount > 0) {
            throw ExitCode(1)
        }
    }
}
