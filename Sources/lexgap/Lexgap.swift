import ArgumentParser
import Foundation
import LexgapCore
import SafeOutput

@main
struct Lexgap: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lexgap",
        abstract: "Compare national legislation on cybersex trafficking and online child sexual exploitation.",
        discussion: "A research aid, not legal advice. Exit codes: 0 clean, 1 findings at error level, 2 usage or I/O error.",
        version: "lexgap \(Release.version)",
        subcommands: [
            Validate.self, ChecklistCommand.self, Score.self, Gaps.self, Compare.self, Rank.self, Diff.self, Timeline.self,
            SensitivityCommand.self, Report.self, SiteCommand.self, New.self, Agree.self, Stats.self, SchemaCommand.self, Export.self,
            BriefCommand.self,
            ReferenceCommand.self,
        ]
    )

    /// Exit codes follow vale and swift-format: 0 clean, 1 errors in the data, 2 usage or I/O errors.
    /// ArgumentParser would exit 64 on a usage error, so errors are mapped here.
    static func main() {
        // A reader that goes away (`lexgap rank | head`) then shows as a failed write, handled like any other.
        signal(SIGPIPE, SIG_IGN)
        StandardStream.reserveClosed()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch let failure as CommandFailure {
            writeStandardError("error: \(failure.message)\n")
            Foundation.exit(2)
        } catch {
            if exitCode(for: error) == .success {
                // --help and --version, written like every other output, so a failing stream is reported too.
                let message = fullMessage(for: error)
                writeStandardOutput(message + "\n")
                Foundation.exit(0)
            }
            writeStandardError(fullMessage(for: error) + "\n")
            Foundation.exit(2)
        }
    }
}

/// A usage or I/O problem that stops a command (exit code 2), as opposed to problems found in the data.
struct CommandFailure: Error {
    var message: String
}
