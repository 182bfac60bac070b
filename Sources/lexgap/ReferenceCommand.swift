import ArgumentParser
import LexgapCore

/// The command-line reference (docs/cli.md), made from the commands' own help, so that it cannot drift from them.
struct ReferenceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reference",
        abstract: "The command-line reference in Markdown, made from every command's --help.",
        discussion: "--write regenerates docs/cli.md (a test fails when the committed one is stale).")

    static let path = "docs/cli.md"

    @Flag(help: "Write docs/cli.md instead of printing it.") var write = false

    static func markdown() -> String {
        var out = """
            # Command-line reference

            Made from the commands' own help by `lexgap reference --write`; do not edit by hand. Exit codes: 0 clean,
            1 errors in the data (or warnings with `validate --strict`), 2 usage or I/O errors.

            ```
            \(Lexgap.helpMessage(columns: 100).trimmingTrailingSpaces)
            ```

            """
        for command in Lexgap.configuration.subcommands {
            let name = command.configuration.commandName ?? String(describing: command).lowercased()
            out += "\n## lexgap \(name)\n\n```\n\(Lexgap.helpMessage(for: command, columns: 100).trimmingTrailingSpaces)\n```\n"
        }
        return out
    }

    func run() throws {
        let text = Self.markdown()
        guard write else { return writeStandardOutput(text) }
        try Output.emit(text, to: Self.path)
        writeStandardError("wrote \(Self.path)\n")
    }
}

extension String {
    /// Each line without trailing spaces, and no blank line at the end: the help as a file keeps it.
    var trimmingTrailingSpaces: String {
        split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in String(line.reversed().drop { $0 == " " }.reversed()) }
            .joined(separator: "\n").trimmingCharacters(in: .newlines)
    }
}
