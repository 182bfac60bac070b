import ArgumentParser
import LexgapCore

struct ChecklistCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checklist",
        abstract: "List the checklist's criteria (id, category, weight, title)."
    )

    @OptionGroup var input: InputOptions

    @Option(help: "Output format: table or json.")
    var format: TableFormat = .table

    func run() throws {
        let (checklist, diagnostics) = ChecklistLoader.load(try input.checklistFile())
        guard let checklist, !diagnostics.hasErrors else {
            for diagnostic in diagnostics { writeStandardError(diagnostic.formatted + "\n") }
            throw ExitCode(1)
        }
        let listing = ChecklistListing(checklist)
        writeStandardOutput(format == .json ? listing.json : listing.table(width: terminalWidth))
    }
}
