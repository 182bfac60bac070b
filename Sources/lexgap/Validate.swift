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
        var paths: [String] = []
        if self.paths.isEmpty {
            paths = try input.jurisdictionPaths()
        } else {
            for path in self.paths {
                if FileInput.isDirectory(path) {
                    paths += try FileInput.yamlFiles(in: path)
                } else {
                    paths.append(path)
                }
            }
        }
        let (checklist, checklistDiagnostics) = ChecklistLoader.load(try input.checklistFile())
        // Each file is read, loaded and checked in turn, and only its diagnostics are kept.
        let (_, fileDiagnostics) = try streamFiles(paths, checklist: checklistDiagnostics.hasErrors ? nil : checklist) {
            (_: Jurisdiction) -> Bool? in nil
        }
        let diagnostics = (checklistDiagnostics + fileDiagnostics).sorted()
        switch format {
        case .json:
            writeStandardOutput(DiagnosticReport(diagnostics).json)
        case .text:
            writeStandardOutput(diagnostics.map { $0.formatted + "\n" }.joined())
            writeStandardError(
                "\(paths.count) jurisdiction file\(paths.count == 1 ? "" : "s") checked: "
                    + "\(diagnostics.errorCount) error\(diagnostics.errorCount == 1 ? "" : "s"), "
                    + "\(diagnostics.warningCount) warning\(diagnostics.warningCount == 1 ? "" : "s")\n")
        }
        if diagnostics.hasErrors || (strict && diagnostics.warningCount > 0) {
            throw ExitCode(1)
        }
    }
}
